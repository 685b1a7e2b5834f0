package io.mvtrx.api.number;

/**
 * The decimals of one exchange: price (tick = 10^-price), volume (lot = 10^-volume) and the precisions of base and
 * quote balances. The reference production values are 2 / 4 / 4 / 10.
 *
 * <p>Scaled values in the model use these scales: prices at {@link #price()}, order and trade volumes at
 * {@link #volume()}, base balances at {@link #base()}, quote balances, fees and notionals at {@link #quote()}.
 */
public record BookDecimals(Scale price, Scale volume, Scale base, Scale quote) {

    /** The reference production decimals: price 2, volume 4, base 4, quote 10. */
    public static final BookDecimals REFERENCE = of(2, 4, 4, 10);

    public BookDecimals {
        if (price == null || volume == null || base == null || quote == null) {
            throw new IllegalArgumentException("every scale of BookDecimals is required");
        }
    }

    /** Builds decimals from the four counts. */
    public static BookDecimals of(int price, int volume, int base, int quote) {
        return new BookDecimals(new Scale(price), new Scale(volume), new Scale(base), new Scale(quote));
    }
}
