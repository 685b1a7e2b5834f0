package io.mvtrx.plugin.agents.internal;

import java.util.random.RandomGenerator;

/**
 * The reference's order-placement latency (0.5.4 §6): {@code lerp(min, max, Q(U(0, F(1))))} with F and Q the CDF and
 * quantile of one Rayleigh distribution of scale {@code scaleRay}, so the fraction is in [0, 1] and the latency spans
 * the whole {@code [min, max]} with most mass near {@code min} for small scales.
 *
 * @param min      shortest latency, ns
 * @param max      longest latency, ns
 * @param scaleRay Rayleigh scale (reference default 0.235)
 */
public record PlacementLatency(long min, long max, double scaleRay) {

    /** The reference's default Rayleigh scale. */
    public static final double DEFAULT_SCALE = 0.235;

    public PlacementLatency {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException(String.format(
                    "placement latency needs 0 <= min <= max, got min %d, max %d", min, max));
        }
        if (!(scaleRay > 0)) {
            throw new IllegalArgumentException("placement latency Rayleigh scale must be > 0, got " + scaleRay);
        }
    }

    /** Draws a latency in {@code [min, max]}. */
    public long sample(RandomGenerator random) {
        double percentile = 1 - Math.exp(-1 / (2 * scaleRay * scaleRay));
        double u = random.nextDouble() * percentile;
        double fraction = Math.min(1.0, scaleRay * Math.sqrt(-2 * Math.log(1 - u)));
        return (long) (min + fraction * (max - min));
    }
}
