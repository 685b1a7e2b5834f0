package io.mvtrx.plugin.matching.prorata.internal;

/**
 * Exact {@code floor(a * b / d)} for non-negative longs whose quotient fits in a long, without allocating: the
 * product is formed in 128 bits ({@link Math#multiplyHigh}) and divided by restoring binary long division when it
 * does not fit in 63 bits.
 *
 * <p>Stateless. Cost: one multiply and one divide when {@code a * b} fits in a long; otherwise 64 shift-subtract
 * steps.
 */
public final class MulDiv {

    private MulDiv() {
    }

    /**
     * {@code floor(a * b / d)}.
     *
     * @param a non-negative
     * @param b non-negative
     * @param d positive, with {@code a * b / d < 2^63}
     */
    public static long floor(long a, long b, long d) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / d;
        }
        if (Long.compareUnsigned(high, d) >= 0) {
            throw new ArithmeticException(String.format("%d * %d / %d does not fit in a long", a, b, d));
        }
        long remainder = high;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            boolean carry = remainder < 0;
            remainder = (remainder << 1) | ((low >>> bit) & 1);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(remainder, d) >= 0) {
                remainder -= d;
                quotient |= 1;
            }
        }
        if (quotient < 0) {
            throw new ArithmeticException(String.format("%d * %d / %d does not fit in a long", a, b, d));
        }
        return quotient;
    }
}
