package io.mvtrx.api.number;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A decimal scale: a value {@code v} with this scale stands for {@code v / 10^decimals}.
 *
 * <p>All conversions between decimal text and scaled longs go through this type, so the rounding rule is always
 * explicit. The reference truncates every incoming price and volume toward zero ({@link RoundingMode#DOWN});
 * callers pass that mode, or {@link RoundingMode#UNNECESSARY} to refuse off-grid input.
 *
 * @param decimals number of decimal places, 0..18
 */
public record Scale(int decimals) {

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    public Scale {
        if (decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("decimals must be within 0..18, got " + decimals);
        }
    }

    /** Returns {@code 10^decimals}, the scaled value of one whole unit. */
    public long unit() {
        return POWERS[decimals];
    }

    /** Returns {@code 10^n} for n in 0..18. */
    public static long pow10(int n) {
        return POWERS[n];
    }

    /**
     * Converts a decimal to this scale.
     *
     * @throws ArithmeticException if the value does not fit a long, or is off-grid and {@code mode} is UNNECESSARY
     */
    public long toScaled(BigDecimal value, RoundingMode mode) {
        return value.setScale(decimals, mode).unscaledValue().longValueExact();
    }

    /**
     * Parses decimal text ({@code "300.10"}, {@code "-0.5"}, {@code "1e-3"}) to this scale.
     *
     * @throws NumberFormatException if the text is not a decimal number
     * @throws ArithmeticException if the value does not fit, or is off-grid and {@code mode} is UNNECESSARY
     */
    public long parse(String text, RoundingMode mode) {
        return toScaled(new BigDecimal(text.strip()), mode);
    }

    /** Converts a double, truncated toward zero (the reference's {@code double2decimal}). */
    public long fromDouble(double value) {
        return toScaled(BigDecimal.valueOf(value), RoundingMode.DOWN);
    }

    /** Returns the exact decimal a scaled value stands for. */
    public BigDecimal toDecimal(long scaled) {
        return BigDecimal.valueOf(scaled, decimals);
    }

    /** Returns the value as a double (for statistics and display only, never for accounting). */
    public double toDouble(long scaled) {
        return scaled / (double) POWERS[decimals];
    }

    /** Formats a scaled value as plain decimal text without trailing zeros ({@code 30010 @2 -> "300.1"}). */
    public String format(long scaled) {
        BigDecimal plain = toDecimal(scaled).stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
    }

    /**
     * Rescales a value from this scale to {@code target} with the given rounding.
     *
     * @throws ArithmeticException on overflow, or when off-grid and {@code mode} is UNNECESSARY
     */
    public long rescale(long scaled, Scale target, RoundingMode mode) {
        int diff = target.decimals - decimals;
        if (diff >= 0) {
            return Math.multiplyExact(scaled, POWERS[diff]);
        }
        return BigDecimal.valueOf(scaled).divide(BigDecimal.valueOf(POWERS[-diff]), 0, mode).longValueExact();
    }
}
