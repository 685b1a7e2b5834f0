package io.mvtrx.runtime.validator.node;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-miner scores from per-book values (protocol.md §7.2 steps 1, 4-7 and §7.3). Books without a value are
 * given as {@link Double#NaN}. Pure functions.
 */
final class MinerScores {

    private MinerScores() {
    }

    /**
     * The Kappa score in [0, 1].
     *
     * @param kappa    raw Kappa-3 per book, NaN where the book could not be scored
     * @param factor   combined activity × P&L factor per book (1.0 for a recently active book with default
     *                 parameters, 0.0 for a book that never round-tripped)
     * @param weights  pipeline parameters
     */
    public static double kappaScore(double[] kappa, double[] factor, ScoringWeights weights) {
        if (kappa.length != factor.length) {
            throw new IllegalArgumentException("kappa and factor lengths differ: " + kappa.length + " vs "
                    + factor.length);
        }
        List<Double> values = new ArrayList<>();
        int missing = 0;
        double span = weights.normalizationMax() - weights.normalizationMin();
        for (int b = 0; b < kappa.length; b++) {
            if (Double.isNaN(kappa[b])) {
                missing++;
                continue;
            }
            double normalized = clamp((kappa[b] - weights.normalizationMin()) / span, 0, 1);
            double c = factor[b];
            double weighted = c < 1 || normalized > 0.5 ? c * normalized : (2 - c) * normalized;
            values.add(Math.min(weighted, 1));
        }
        List<Double> withMissing = withInactiveTolerance(values, missing, kappa.length, weights);
        if (withMissing.isEmpty()) {
            return 0;
        }
        double[] d = toArray(withMissing);
        return Math.max(Stats.median(d) - outlierPenalty(d), 0);
    }

    /**
     * The PnL score in [-0.5, 0.5].
     *
     * @param pnl       realized P&L per book summed over the lookback; 0 or NaN for an inactive book
     * @param reference miner wealth × lookback / 24 h (6250 for 50 000 and 3 h)
     */
    public static double pnlScore(double[] pnl, double reference, ScoringWeights weights) {
        if (!(reference > 0)) {
            throw new IllegalArgumentException("reference P&L must be > 0, got " + reference);
        }
        List<Double> values = new ArrayList<>();
        int missing = 0;
        for (double p : pnl) {
            if (Double.isNaN(p) || p == 0) {
                missing++;
            } else {
                values.add(clamp(p / reference, -1, 1));
            }
        }
        List<Double> withMissing = withInactiveTolerance(values, missing, pnl.length, weights);
        return withMissing.isEmpty() ? 0 : Stats.median(toArray(withMissing)) / 2;
    }

    /** The trading score: {@code clamp(kappaWeight·kappa + pnlWeight·pnl, 0, 1)}. */
    public static double tradingScore(double kappaScore, double pnlScore, ScoringWeights weights) {
        return clamp(weights.kappaWeight() * kappaScore + weights.pnlWeight() * pnlScore, 0, 1);
    }

    /**
     * Outlier penalty of a list of book values: with {@code IQR = q3 - q1} and {@code lower = q1 - 1.5·max(IQR,
     * 0.01)}, the values below {@code lower} are outliers; if their median is below 0.5 the penalty is
     * {@code ((0.5 - median)/1.5)·(1 - e^(-5·IQR))}.
     */
    static double outlierPenalty(double[] values) {
        double q1 = Stats.percentile(values, 25);
        double q3 = Stats.percentile(values, 75);
        double iqr = q3 - q1;
        double lower = q1 - 1.5 * Math.max(iqr, 0.01);
        List<Double> outliers = new ArrayList<>();
        for (double v : values) {
            if (v < lower) {
                outliers.add(v);
            }
        }
        if (outliers.isEmpty()) {
            return 0;
        }
        double median = Stats.median(toArray(outliers));
        return median < 0.5 ? ((0.5 - median) / 1.5) * (1 - Math.exp(-5 * iqr)) : 0;
    }

    private static List<Double> withInactiveTolerance(List<Double> values, int missing, int books,
                                                      ScoringWeights weights) {
        int tolerated = (int) (weights.maxInactiveBooks() * books);
        List<Double> result = new ArrayList<>(values);
        for (int i = tolerated; i < missing; i++) {
            result.add(0.0);
        }
        return result;
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
