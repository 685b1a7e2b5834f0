package io.mvtrx.plugin.agents.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Scale;

/**
 * Turns the doubles the models compute into the scaled longs instructions carry, with the reference's rule: a value
 * enters as {@code double2decimal(x, 8)} (the double's shortest decimal form, truncated to 8 decimals) and the
 * exchange then truncates it toward zero to the book's decimals. Both steps together are {@link #truncate}; every
 * price, volume and leverage an agent sends goes through it, except prices the reference rounds to the nearest tick
 * first ({@link #nearestTick}).
 *
 * <p>Cost: allocation-free except near a grid point (within a few ulps), where one exact {@link BigDecimal}
 * conversion decides. Thread-safe (immutable).
 */
public final class Quantizer {

    /** Decimals of the reference's {@code double2decimal}. */
    public static final int WIRE_DECIMALS = 8;

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /** Beyond this a scaled double no longer holds every integer exactly; convert through BigDecimal. */
    private static final double EXACT_LIMIT = 1e15;

    private final BookDecimals decimals;

    public Quantizer(BookDecimals decimals) {
        this.decimals = decimals;
    }

    /** The book decimals. */
    public BookDecimals decimals() {
        return decimals;
    }

    /** A price, truncated to the tick. */
    public long price(double price) {
        return truncate(price, decimals.price());
    }

    /**
     * A price rounded to the nearest tick, halves away from zero (the reference's
     * {@code std::round(x / tick) * tick}; we produce the tick count directly instead of re-truncating the product).
     */
    public long nearestTick(double price) {
        if (!Double.isFinite(price)) {
            return 0;
        }
        double ticks = Math.abs(price) * decimals.price().unit();
        if (ticks >= EXACT_LIMIT) {
            return saturate(price);
        }
        long rounded = (long) Math.floor(ticks + 0.5);
        return price < 0 ? -rounded : rounded;
    }

    /** A base volume (order size), truncated to the lot. */
    public long volume(double volume) {
        return truncate(volume, decimals.volume());
    }

    /** A leverage, truncated at the volume decimals. */
    public long leverage(double leverage) {
        return truncate(leverage, decimals.volume());
    }

    /** One tick as a double. */
    public double tick() {
        return 1.0 / decimals.price().unit();
    }

    /** One lot as a double. */
    public double lot() {
        return 1.0 / decimals.volume().unit();
    }

    /** A scaled price as a double. */
    public double priceValue(long price) {
        return decimals.price().toDouble(price);
    }

    /** A scaled volume as a double. */
    public double volumeValue(long volume) {
        return decimals.volume().toDouble(volume);
    }

    /** A scaled base balance as a double. */
    public double baseValue(long base) {
        return decimals.base().toDouble(base);
    }

    /** A scaled quote balance as a double. */
    public double quoteValue(long quote) {
        return decimals.quote().toDouble(quote);
    }

    /**
     * {@code double2decimal(x, 8)} followed by truncation toward zero to {@code scale}: the value of the decimal the
     * double prints as ({@link Double#toString}), cut after {@code min(8, decimals)} decimals. A non-finite value gives
     * 0 (no order); a value beyond the long range saturates.
     */
    public static long truncate(double value, Scale scale) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        if (value < 0) {
            long positive = truncate(-value, scale);
            return positive == Long.MAX_VALUE ? Long.MIN_VALUE + 1 : -positive;
        }
        int digits = Math.min(scale.decimals(), WIRE_DECIMALS);
        long atDigits = truncatePositive(value, digits);
        if (digits == scale.decimals()) {
            return atDigits;
        }
        long factor = Scale.pow10(scale.decimals() - digits);
        return atDigits > Long.MAX_VALUE / factor ? Long.MAX_VALUE : atDigits * factor;
    }

    private static long truncatePositive(double value, int digits) {
        double unit = POWERS[digits];
        double scaled = value * unit;
        if (scaled >= EXACT_LIMIT) {
            return exact(value, digits);
        }
        long nearest = Math.round(scaled);
        if (nearest / unit == value) {
            // the double is the nearest to an exact grid value, which is then its shortest decimal form
            return nearest;
        }
        if (Math.abs(scaled - nearest) <= 8 * Math.ulp(scaled)) {
            // within rounding noise of a grid value the double is not nearest to: let the exact form decide
            return exact(value, digits);
        }
        return (long) Math.floor(scaled);
    }

    private static long exact(double value, int digits) {
        BigInteger unscaled = BigDecimal.valueOf(value).setScale(digits, RoundingMode.DOWN).unscaledValue();
        return unscaled.bitLength() > 63 ? Long.MAX_VALUE : unscaled.longValue();
    }

    private static long saturate(double value) {
        return value < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
    }
}
