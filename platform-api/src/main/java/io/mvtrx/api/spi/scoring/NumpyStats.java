package io.mvtrx.api.spi.scoring;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The numerical building blocks of the reference validator's scoring, reproduced to the bit: numpy's summation
 * order, median and linear percentile, population standard deviation, and cube and cube root correctly rounded.
 * A scoring metric that must agree with the reference digit for digit uses these instead of plain loops.
 *
 * <p>What "to the bit" means here:
 * <ul>
 *   <li>{@link #sum} is numpy's pairwise summation ({@code add.reduce} over a contiguous float64 array: blocks of
 *       eight partial sums up to 128 values, halves above), starting from 0.0;</li>
 *   <li>{@link #median} is {@code numpy.median}: the middle value, or {@code (a + b) / 2} of the middle pair;</li>
 *   <li>{@link #percentile} is {@code numpy.percentile(method="linear")} including numpy's two-sided
 *       interpolation ({@code a + (b - a)·t} for {@code t < 0.5}, {@code b - (b - a)·(1 - t)} otherwise);</li>
 *   <li>{@link #cube} and {@link #cbrt} are correctly rounded. numpy's {@code power(x, 3)} and {@code cbrt} call
 *       the platform's libm or SVML, which are within one ulp of these but not always equal (measured on an
 *       AVX-512 machine with numpy 2.4: {@code power} differs on about 3 % of random inputs, {@code cbrt} on
 *       under 1 %); correctly rounded results are the one platform-independent choice.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class NumpyStats {

    private static final int PAIRWISE_BLOCK = 128;

    private NumpyStats() {
    }

    /** {@code numpy.sum} of {@code values[from .. from + count)}, in numpy's pairwise order. */
    public static double sum(double[] values, int from, int count) {
        if (count < 8) {
            double sum = 0.0;
            for (int i = 0; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (count <= PAIRWISE_BLOCK) {
            double r0 = values[from];
            double r1 = values[from + 1];
            double r2 = values[from + 2];
            double r3 = values[from + 3];
            double r4 = values[from + 4];
            double r5 = values[from + 5];
            double r6 = values[from + 6];
            double r7 = values[from + 7];
            int i = 8;
            for (int end = count - count % 8; i < end; i += 8) {
                r0 += values[from + i];
                r1 += values[from + i + 1];
                r2 += values[from + i + 2];
                r3 += values[from + i + 3];
                r4 += values[from + i + 4];
                r5 += values[from + i + 5];
                r6 += values[from + i + 6];
                r7 += values[from + i + 7];
            }
            double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = count / 2;
        half -= half % 8;
        return sum(values, from, half) + sum(values, from + half, count - half);
    }

    /** {@code numpy.sum} of the whole array. */
    public static double sum(double[] values) {
        return sum(values, 0, values.length);
    }

    /** {@code numpy.mean}: the pairwise sum divided by the count. NaN for no values. */
    public static double mean(double[] values, int from, int count) {
        return sum(values, from, count) / count;
    }

    /** {@code numpy.mean} of the whole array. */
    public static double mean(double[] values) {
        return mean(values, 0, values.length);
    }

    /** {@code numpy.std} (population, {@code ddof=0}): mean, squared deviations, their pairwise mean, root. */
    public static double std(double[] values, int from, int count) {
        double mean = mean(values, from, count);
        double[] squares = new double[count];
        for (int i = 0; i < count; i++) {
            double deviation = values[from + i] - mean;
            squares[i] = deviation * deviation;
        }
        return Math.sqrt(sum(squares, 0, count) / count);
    }

    /** {@code numpy.std} of the whole array. */
    public static double std(double[] values) {
        return std(values, 0, values.length);
    }

    /**
     * {@code numpy.median}: the middle value of the sorted copy, or the mean {@code (a + b) / 2} of the middle pair.
     *
     * @throws IllegalArgumentException for no values (numpy would warn and return NaN)
     */
    public static double median(double[] values, int from, int count) {
        if (count == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = Arrays.copyOfRange(values, from, from + count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return (count & 1) == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /** {@code numpy.median} of the whole array. */
    public static double median(double[] values) {
        return median(values, 0, values.length);
    }

    /**
     * {@code numpy.percentile(values, q)} with the default linear method: virtual index {@code (n - 1)·q/100},
     * interpolated between its two neighbours as numpy does (from below when the fraction is under 0.5, from above
     * otherwise, which is not the same floating-point result).
     *
     * @param q percentile in [0, 100]
     * @throws IllegalArgumentException for no values or {@code q} outside [0, 100]
     */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be within [0, 100], got " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double virtualIndex = (n - 1) * (q / 100.0);
        if (virtualIndex >= n - 1) {
            return sorted[n - 1];
        }
        double previous = Math.floor(virtualIndex);
        int below = (int) previous;
        double a = sorted[below];
        double b = sorted[below + 1];
        double t = virtualIndex - previous;
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /** {@code x³} correctly rounded (one rounding of the exact cube). */
    public static double cube(double x) {
        double square = x * x;
        if (!Double.isFinite(square) || x == 0.0) {
            return square * x;
        }
        double squareError = Math.fma(x, x, -square);
        double cube = square * x;
        if (!Double.isFinite(cube)) {
            return cube;
        }
        // x³ = cube + cubeError + squareError·x exactly (up to a term far below an ulp of cube).
        double cubeError = Math.fma(square, x, -cube);
        double tailProduct = squareError * x;
        double tailProductError = Math.fma(squareError, x, -tailProduct);
        return cube + (cubeError + tailProduct + tailProductError);
    }

    /** The real cube root correctly rounded. */
    public static double cbrt(double x) {
        if (x == 0.0 || !Double.isFinite(x)) {
            return Math.cbrt(x);
        }
        if (x < 0) {
            return -cbrt(-x);
        }
        double r = Math.cbrt(x);
        // Math.cbrt is within one ulp; step to the neighbour while x lies beyond the midpoint to it.
        for (int step = 0; step < 4; step++) {
            int direction = side(x, r);
            if (direction == 0) {
                return r;
            }
            r = direction > 0 ? Math.nextUp(r) : Math.nextDown(r);
        }
        return r;
    }

    /**
     * +1 if {@code x} is above the midpoint between {@code r} and its upper neighbour (so the root rounds up), -1 if
     * below the lower midpoint, 0 if {@code r} is the correctly rounded root. Ties between the two go to the
     * neighbour with the even significand, as rounding to nearest does.
     */
    private static int side(double x, double r) {
        double up = Math.nextUp(r);
        double down = Math.nextDown(r);
        int versusUpper = compareWithCube(x, r, up);
        if (versusUpper > 0 || (versusUpper == 0 && evenSignificand(up))) {
            return 1;
        }
        int versusLower = compareWithCube(x, down, r);
        if (versusLower < 0 || (versusLower == 0 && evenSignificand(down))) {
            return -1;
        }
        return 0;
    }

    /** Sign of {@code x - m³} with {@code m = (lo + hi) / 2} taken exactly. */
    private static int compareWithCube(double x, double lo, double hi) {
        // Cheap rejection first: only an x within a relative 2^-45 of the midpoint's cube needs exact digits.
        double approximate = 0.5 * (cube(lo) + cube(hi));
        double gap = x - approximate;
        if (Math.abs(gap) > Math.abs(x) * 0x1p-45) {
            return gap > 0 ? 1 : -1;
        }
        BigDecimal m = new BigDecimal(lo).add(new BigDecimal(hi)).divide(BigDecimal.valueOf(2));
        return new BigDecimal(x).compareTo(m.pow(3));
    }

    private static boolean evenSignificand(double v) {
        return (Double.doubleToRawLongBits(v) & 1L) == 0;
    }
}
