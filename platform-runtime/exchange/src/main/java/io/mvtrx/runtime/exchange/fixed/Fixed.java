package io.mvtrx.runtime.exchange.fixed;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;

/**
 * Arithmetic on scaled longs (a value {@code v} at scale {@code s} stands for {@code v / 10^s}) with the rounding
 * written at every call. The engine needs three rules and this class has exactly those:
 *
 * <ul>
 *   <li>{@link #DOWN}: toward zero, the reference's {@code trunc} (every price, volume, notional and fee);</li>
 *   <li>{@link #CEILING}: toward +∞, the reference's {@code ceil} (a buyer's fee taken in base, collateral
 *       top-ups): {@code ceil(-420.6921, 2) = -420.69};</li>
 *   <li>{@link #FLOOR}: toward −∞, for completeness of the pair.</li>
 * </ul>
 *
 * Products are exact to 128 bits ({@link Math#multiplyHigh}) before the single division that applies the rounding,
 * so {@code price · volume → quote} and {@code rate · notional → fee} never overflow in the middle; a result that
 * does not fit a long throws {@link ArithmeticException}, which in the engine means a broken invariant (balances
 * beyond 9.2·10^18 units of their scale), never a business outcome.
 *
 * <p>Stateless and allocation-free; every method is a handful of instructions on the common path (operands below
 * 2^31, or a product below 2^63).
 */
public final class Fixed {

    /** Round toward zero. */
    public static final int DOWN = 0;

    /** Round toward positive infinity. */
    public static final int CEILING = 1;

    /** Round toward negative infinity. */
    public static final int FLOOR = 2;

    private static final long LOW_32 = 0xFFFF_FFFFL;

    private Fixed() {
    }

    /** {@code 10^n} for n in 0..18. */
    public static long pow10(int n) {
        return Scale.pow10(n);
    }

    /**
     * {@code a · b} where {@code a} has {@code aScale} decimals and {@code b} has {@code bScale}, as a value with
     * {@code targetScale} decimals, rounded by {@code rounding}.
     *
     * {@snippet :
     * long notional = Fixed.multiply(30010, 2, 15_000, 4, 10, Fixed.DOWN);   // 300.10 * 1.5 = 450.15 at 10 dp
     * }
     */
    public static long multiply(long a, int aScale, long b, int bScale, int targetScale, int rounding) {
        int shift = aScale + bScale - targetScale;
        if (shift >= 0) {
            return multiplyDivide(a, b, pow10(shift), rounding);
        }
        return Math.multiplyExact(Math.multiplyExact(a, b), pow10(-shift));
    }

    /**
     * {@code a / b} where {@code a} has {@code aScale} decimals and {@code b > 0} has {@code bScale}, as a value with
     * {@code targetScale} decimals, rounded by {@code rounding}.
     */
    public static long divide(long a, int aScale, long b, int bScale, int targetScale, int rounding) {
        int shift = targetScale + bScale - aScale;
        if (shift >= 0) {
            return multiplyDivide(a, pow10(shift), b, rounding);
        }
        return multiplyDivide(a, 1, Math.multiplyExact(b, pow10(-shift)), rounding);
    }

    /** A value moved from {@code fromScale} to {@code toScale} decimals, rounded by {@code rounding}. */
    public static long rescale(long value, int fromScale, int toScale, int rounding) {
        if (toScale >= fromScale) {
            return Math.multiplyExact(value, pow10(toScale - fromScale));
        }
        return divideRounded(value, pow10(fromScale - toScale), rounding);
    }

    /**
     * {@code trunc(rate · amount / 10^8)}: a fee at {@code amount}'s scale for a rate at {@link Rate#SCALE}. Equal
     * to {@code multiplyDivide(rate, amount, 10^8, DOWN)}, but for {@code |rate| < 10^8} (every fee rate) it splits
     * {@code amount = q·10^8 + r}: {@code rate·q} is exact, {@code rate·r} stays below 10^16, and both parts have the
     * sign of the result, so truncating the second alone truncates the sum. A division by a constant, where the
     * general path needs a 128-bit division (a fee rate times a notional at ten decimals passes 2^63).
     *
     * @throws ArithmeticException if the result does not fit a long
     */
    public static long ofRate(long rate, long amount) {
        if (rate <= -Rate.ONE || rate >= Rate.ONE) {
            return multiplyDivide(rate, amount, Rate.ONE, DOWN);
        }
        long q = amount / Rate.ONE;
        long r = amount - q * Rate.ONE;
        return Math.addExact(Math.multiplyExact(rate, q), rate * r / Rate.ONE);
    }

    /** {@code value / divisor} for {@code divisor > 0}, rounded by {@code rounding}. */
    public static long divideRounded(long value, long divisor, int rounding) {
        long q = value / divisor;
        long r = value - q * divisor;
        return r == 0 ? q : adjust(q, r > 0, rounding);
    }

    /**
     * {@code a · b / divisor} with a 128-bit intermediate product, for {@code divisor > 0}, rounded by
     * {@code rounding}.
     *
     * @throws ArithmeticException if the quotient does not fit a long, or an operand is {@link Long#MIN_VALUE}
     */
    public static long multiplyDivide(long a, long b, long divisor, int rounding) {
        if (divisor <= 0) {
            throw new ArithmeticException("divisor must be > 0, got " + divisor);
        }
        long low = a * b;
        long high = Math.multiplyHigh(a, b);
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divideRounded(low, divisor, rounding);
        }
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            throw new ArithmeticException("operand out of range: " + a + " * " + b);
        }
        boolean negative = (a < 0) != (b < 0);
        long ua = Math.abs(a);
        long ub = Math.abs(b);
        long uLow = ua * ub;
        long uHigh = Math.unsignedMultiplyHigh(ua, ub);
        if (Long.compareUnsigned(uHigh, divisor) >= 0) {
            throw new ArithmeticException("quotient overflows: " + a + " * " + b + " / " + divisor);
        }
        long q = divideUnsigned128(uHigh, uLow, divisor);
        long r = uLow - q * divisor;
        if (q < 0) {
            throw new ArithmeticException("quotient overflows: " + a + " * " + b + " / " + divisor);
        }
        if (negative) {
            return r == 0 ? -q : adjust(-q, false, rounding);
        }
        return r == 0 ? q : adjust(q, true, rounding);
    }

    /** Moves a truncated quotient to the rounding's side given the sign of the exact value. */
    private static long adjust(long truncated, boolean positive, int rounding) {
        return switch (rounding) {
            case DOWN -> truncated;
            case CEILING -> positive ? truncated + 1 : truncated;
            case FLOOR -> positive ? truncated : truncated - 1;
            default -> throw new IllegalArgumentException("unknown rounding " + rounding);
        };
    }

    /**
     * Unsigned {@code (high·2^64 + low) / divisor} for {@code high < divisor} (unsigned), so that the quotient fits
     * 64 bits: Knuth's algorithm D on 32-bit digits (Hacker's Delight, {@code divlu}).
     */
    static long divideUnsigned128(long high, long low, long divisor) {
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long vHigh = v >>> 32;
        long vLow = v & LOW_32;
        long u32 = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        long u10 = low << shift;
        long u1 = u10 >>> 32;
        long u0 = u10 & LOW_32;

        long q1 = Long.divideUnsigned(u32, vHigh);
        long rhat = Long.remainderUnsigned(u32, vHigh);
        while (Long.compareUnsigned(q1, 1L << 32) >= 0
                || Long.compareUnsigned(q1 * vLow, (rhat << 32) | u1) > 0) {
            q1--;
            rhat += vHigh;
            if (Long.compareUnsigned(rhat, 1L << 32) >= 0) {
                break;
            }
        }
        long u21 = (u32 << 32 | u1) - q1 * v;
        long q0 = Long.divideUnsigned(u21, vHigh);
        rhat = Long.remainderUnsigned(u21, vHigh);
        while (Long.compareUnsigned(q0, 1L << 32) >= 0
                || Long.compareUnsigned(q0 * vLow, (rhat << 32) | u0) > 0) {
            q0--;
            rhat += vHigh;
            if (Long.compareUnsigned(rhat, 1L << 32) >= 0) {
                break;
            }
        }
        return (q1 << 32) | q0;
    }
}
