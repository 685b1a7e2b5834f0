package io.mvtrx.runtime.gentrx.data.ingest;

/**
 * Decimal-to-integer conversion of one simulation: prices to ticks ({@code 10^priceDecimals}) and quantities to
 * volume units ({@code 10^volumeDecimals}). Rounding is half-to-even, as Python's {@code round} does.
 *
 * @param priceDecimals  0 to 18
 * @param volumeDecimals 0 to 18
 */
public record Scales(int priceDecimals, int volumeDecimals) {

    /** Used when a tick does not say (the reference's fallback). */
    public static final Scales FALLBACK = new Scales(2, 4);

    public Scales {
        if (priceDecimals < 0 || priceDecimals > 18 || volumeDecimals < 0 || volumeDecimals > 18) {
            throw new IllegalArgumentException(String.format("decimals must be 0 to 18, got price %d, volume %d",
                    priceDecimals, volumeDecimals));
        }
    }

    /** {@code 10^priceDecimals}. */
    public double priceScale() {
        return Math.pow(10, priceDecimals);
    }

    /** {@code 10^volumeDecimals}. */
    public double volumeScale() {
        return Math.pow(10, volumeDecimals);
    }

    /** A price in ticks. */
    public long ticks(double price) {
        return (long) Math.rint(price * priceScale());
    }

    /** A quantity in volume units. */
    public long units(double quantity) {
        return (long) Math.rint(quantity * volumeScale());
    }
}
