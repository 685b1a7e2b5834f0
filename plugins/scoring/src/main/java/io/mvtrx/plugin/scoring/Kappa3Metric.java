package io.mvtrx.plugin.scoring;

import java.util.OptionalDouble;

import io.mvtrx.api.spi.scoring.NumpyStats;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.api.spi.scoring.ScoringMetric;

/**
 * Kappa-3 of one book's realized P&L series, as the reference validator computes it (protocol.md §7.1 steps 4-6):
 * <ol>
 *   <li>robust scaling: {@code R = x / max(MAD(x), 1e-6)} with MAD the median absolute deviation from the median,
 *       computed over the whole window;</li>
 *   <li>changeover mask: an observation whose gap to the previous one is {@code >= changeoverGap} (a simulation
 *       restart) is dropped after scaling;</li>
 *   <li>the book is scored only with at least {@code minRealizedObservations} non-zero values;</li>
 *   <li>{@code K = (mu - tau) / cbrt(LPM3 + reg)} when {@code LPM3 > eps}, else {@code (mu - tau) / cbrt(UPM3 +
 *       reg)} when {@code mu > tau} (a miner without losses), else 0; {@code reg = (0.1 (|mu| + sigma))^3},
 *       {@code eps = 1e-2} if {@code mu > tau} else {@code 1e-6}.</li>
 * </ol>
 * Sums, means, medians, the standard deviation, cubes and the cube root follow numpy to the bit
 * ({@link NumpyStats}). Pure and thread-safe. Cost O(n log n) for the medians.
 */
public final class Kappa3Metric implements ScoringMetric {

    private static final double MIN_MAD = 1e-6;

    private final double tau;
    private final int minRealizedObservations;
    private final long changeoverGap;

    /**
     * @param tau                     threshold in MAD units
     * @param minRealizedObservations non-zero observations needed, >= 1
     * @param changeoverGap           ns; 0 turns the changeover mask off (the reference's grace period 0)
     */
    public Kappa3Metric(double tau, int minRealizedObservations, long changeoverGap) {
        if (minRealizedObservations < 1) {
            throw new IllegalArgumentException(
                    "minRealizedObservations must be >= 1, got " + minRealizedObservations);
        }
        if (changeoverGap < 0) {
            throw new IllegalArgumentException("changeoverGap must be >= 0 ns (0: no changeover), got "
                    + changeoverGap);
        }
        this.tau = tau;
        this.minRealizedObservations = minRealizedObservations;
        this.changeoverGap = changeoverGap;
    }

    @Override
    public OptionalDouble evaluate(RealizedSeries series) {
        int n = series.size();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double[] x = series.pnl();
        double median = NumpyStats.median(x);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(x[i] - median);
        }
        double mad = Math.max(NumpyStats.median(deviations), MIN_MAD);

        double[] kept = new double[n];
        int count = 0;
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            boolean changeover = changeoverGap > 0 && i > 0
                    && series.timestamp(i) - series.timestamp(i - 1) >= changeoverGap;
            if (!changeover) {
                double r = x[i] / mad;
                kept[count++] = r;
                if (r != 0.0) {
                    nonZero++;
                }
            }
        }
        if (nonZero < minRealizedObservations) {
            return OptionalDouble.empty();
        }
        double[] below = new double[count];
        double[] above = new double[count];
        for (int i = 0; i < count; i++) {
            below[i] = NumpyStats.cube(Math.max(tau - kept[i], 0.0));
            above[i] = NumpyStats.cube(Math.max(kept[i] - tau, 0.0));
        }
        double mean = NumpyStats.mean(kept, 0, count);
        double lpm3 = NumpyStats.mean(below, 0, count);
        double upm3 = NumpyStats.mean(above, 0, count);
        double sigma = NumpyStats.std(kept, 0, count);
        double reg = NumpyStats.cube((Math.abs(mean) + sigma) * 0.1);
        double epsilon = mean > tau ? 1e-2 : 1e-6;
        if (lpm3 > epsilon) {
            return OptionalDouble.of((mean - tau) / NumpyStats.cbrt(lpm3 + reg));
        }
        if (mean > tau) {
            return OptionalDouble.of((mean - tau) / NumpyStats.cbrt(upm3 + reg));
        }
        return OptionalDouble.of(0.0);
    }
}
