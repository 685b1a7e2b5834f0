package io.mvtrx.api.spi.trading.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.mvtrx.api.number.BookDecimals;

/**
 * Conversions between decimal amounts and the scaled longs of one exchange, every rounding named by the caller.
 * Prices are at the price decimals (ticks), order volumes at the volume decimals (lots), base balances at the base
 * decimals and quote balances, fees and notionals at the quote decimals.
 *
 * <p>Doubles enter through {@link BigDecimal#valueOf(double)}, the shortest decimal that reads back as the same
 * double, so {@code 299.7} becomes 29970 ticks at 2 decimals whatever the rounding, not 29969.
 *
 * {@snippet :
 * Units units = new Units(BookDecimals.REFERENCE);
 * long bid = units.price(mid * 0.999, RoundingMode.FLOOR);    // never above the intended price
 * long ask = units.price(mid * 1.001, RoundingMode.CEILING);  // never below
 * long lots = units.volume(0.25, RoundingMode.DOWN);          // 2500 at 4 volume decimals
 * }
 *
 * @param decimals the exchange's decimals
 */
public record Units(BookDecimals decimals) {

    public Units {
        if (decimals == null) {
            throw new IllegalArgumentException("Units needs the book decimals");
        }
    }

    /** A decimal price in ticks. */
    public long price(BigDecimal value, RoundingMode mode) {
        return decimals.price().toScaled(value, mode);
    }

    /** A price given as a double (e.g. from a model) in ticks. */
    public long price(double value, RoundingMode mode) {
        return price(exact("price", value), mode);
    }

    /** A decimal volume in lots. */
    public long volume(BigDecimal value, RoundingMode mode) {
        return decimals.volume().toScaled(value, mode);
    }

    /** A volume given as a double in lots. */
    public long volume(double value, RoundingMode mode) {
        return volume(exact("volume", value), mode);
    }

    /** A decimal quote amount at the quote decimals. */
    public long quote(BigDecimal value, RoundingMode mode) {
        return decimals.quote().toScaled(value, mode);
    }

    /** Ticks as a price in currency units (for models and display, never for accounting). */
    public double priceValue(long ticks) {
        return decimals.price().toDouble(ticks);
    }

    /** Lots as a volume in base units (for models and display). */
    public double volumeValue(long lots) {
        return decimals.volume().toDouble(lots);
    }

    /** A base balance in base units (for models and display). */
    public double baseValue(long base) {
        return decimals.base().toDouble(base);
    }

    /** A quote balance in quote units (for models and display). */
    public double quoteValue(long quote) {
        return decimals.quote().toDouble(quote);
    }

    /** Lots at the base-balance decimals, to compare an order volume with a base balance. */
    public long volumeToBase(long lots, RoundingMode mode) {
        return decimals.volume().rescale(lots, decimals.base(), mode);
    }

    /** A base balance in lots, to size an order from a balance. */
    public long baseToVolume(long base, RoundingMode mode) {
        return decimals.base().rescale(base, decimals.volume(), mode);
    }

    /** What {@code lots} cost at {@code ticks}, at the quote decimals, fees excluded. */
    public long notional(long ticks, long lots, RoundingMode mode) {
        return BigDecimal.valueOf(ticks).multiply(BigDecimal.valueOf(lots))
                .movePointLeft(decimals.price().decimals() + decimals.volume().decimals())
                .setScale(decimals.quote().decimals(), mode)
                .unscaledValue()
                .longValueExact();
    }

    /** The largest volume in lots whose notional at {@code ticks} fits {@code quote} (quote decimals), rounded down. */
    public long affordableVolume(long quote, long ticks) {
        if (ticks <= 0) {
            throw new IllegalArgumentException("price must be > 0 ticks, got " + ticks);
        }
        if (quote <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(quote)
                .movePointRight(decimals.price().decimals() + decimals.volume().decimals()
                        - decimals.quote().decimals())
                .divide(BigDecimal.valueOf(ticks), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    /**
     * A scaled value times a factor, rounded to a whole scaled unit: {@code times(30000, 0.999, FLOOR)} is 29970, a
     * bid 0.1 % under 300.00.
     */
    public static long times(long scaled, double factor, RoundingMode mode) {
        return BigDecimal.valueOf(scaled).multiply(exact("factor", factor)).setScale(0, mode).longValueExact();
    }

    /**
     * A scaled value times an exact decimal factor, rounded to a whole scaled unit. Prefer this when the factor comes
     * from parameters: {@code times(30000, new BigDecimal("0.9995"), FLOOR)} is 29985 exactly, with no binary
     * rounding of {@code 1 - 0.0005} in between.
     */
    public static long times(long scaled, BigDecimal factor, RoundingMode mode) {
        return BigDecimal.valueOf(scaled).multiply(factor).setScale(0, mode).longValueExact();
    }

    private static BigDecimal exact(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
        return BigDecimal.valueOf(value);
    }
}
