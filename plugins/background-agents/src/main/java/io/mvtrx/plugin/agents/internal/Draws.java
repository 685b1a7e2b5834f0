package io.mvtrx.plugin.agents.internal;

import java.util.random.RandomGenerator;

/**
 * The distributions the reference agents draw from, on the caller's own stream. Allocation-free; the parameter
 * conventions follow the C++ standard library and Boost (a log-normal's {@code mu} and {@code sigma} are those of the
 * underlying normal, a Laplace's {@code scale} is its diversity b, a Rayleigh's {@code scale} is its sigma).
 */
public final class Draws {

    private Draws() {
    }

    /** Uniform on {@code [low, high)}. */
    public static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Normal with the given mean and standard deviation. */
    public static double normal(RandomGenerator random, double mean, double std) {
        return mean + std * random.nextGaussian();
    }

    /** Log-normal: {@code exp(N(mu, sigma))}. */
    public static double logNormal(RandomGenerator random, double mu, double sigma) {
        return Math.exp(normal(random, mu, sigma));
    }

    /** Laplace with location {@code loc} and scale {@code scale} (inverse-CDF). */
    public static double laplace(RandomGenerator random, double loc, double scale) {
        double u = random.nextDouble() - 0.5;
        return loc - scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    /** Rayleigh with scale {@code scale}: {@code scale·sqrt(-2 ln(1-U))}. */
    public static double rayleigh(RandomGenerator random, double scale) {
        return scale * Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
    }

    /** Exponential with mean 1 (the reference's Weibull(1, 1)). */
    public static double exponential(RandomGenerator random) {
        return random.nextExponential();
    }

    /** True with probability {@code p} (p outside [0, 1] is clamped). */
    public static boolean bernoulli(RandomGenerator random, double p) {
        return random.nextDouble() < p;
    }

    /** Gamma with the given shape and scale 1 (Marsaglia–Tsang; shape < 1 by the boost {@code U^(1/shape)} step). */
    public static double gamma(RandomGenerator random, double shape) {
        if (!(shape > 0)) {
            throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
        }
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) as {@code X/(X+Y)} of two gammas, as the reference samples it. */
    public static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }
}
