package io.mvtrx.plugin.process.internal;

import java.util.random.RandomGenerator;

/**
 * Poisson variates. Means below 10 use inversion with one uniform (exact, cost O(mean)); larger means use
 * Hörmann's PTRS transformed rejection (W. Hörmann, "The transformed rejection method for generating Poisson
 * random variables", Insurance: Mathematics and Economics 12, 1993), exact, O(1) expected.
 */
public final class Poisson {

    private static final double[] LOG_FACTORIAL = new double[10];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private Poisson() {
    }

    /**
     * Draws one Poisson variate.
     *
     * @param random stream
     * @param mean   mean, finite and >= 0
     */
    public static long sample(RandomGenerator random, double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < 10 ? inversion(random, mean) : ptrs(random, mean);
    }

    private static long inversion(RandomGenerator random, double mean) {
        double u = random.nextDouble();
        double p = Math.exp(-mean);
        double cumulative = p;
        long k = 0;
        // The tail beyond 200 has probability < 1e-200 for mean < 10; the bound only guards rounding.
        while (u > cumulative && k < 200) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    private static long ptrs(RandomGenerator random, double mean) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln(k!) exactly from a table below 10, Stirling's series to the k^-7 term (error < 1e-12) above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }
}
