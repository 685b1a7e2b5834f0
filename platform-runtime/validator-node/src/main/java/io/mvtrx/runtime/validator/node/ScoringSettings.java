package io.mvtrx.runtime.validator.node;


/**
 * When and over which windows the validator scores (protocol.md §7, §11.1).
 *
 * @param interval         sim ns between two scorings; scoring runs at publishes whose timestamp is a multiple of it
 *                         (reference {@code --scoring.interval} 5 s)
 * @param kappaMetric      name of the {@code ScoringMetric} plugin that scores a book ({@code kappa3})
 * @param kappaLookback    sim ns of realized P&L history a book's Kappa is computed over (3 h)
 * @param kappaMinLookback shortest history span that is scored at all (1.5 h); shorter gives no Kappa
 * @param pnlLookback      sim ns of realized P&L summed into the PnL score (3 h)
 * @param weights          the pipeline's weights and shaping parameters
 */
public record ScoringSettings(long interval, String kappaMetric, long kappaLookback, long kappaMinLookback,
                              long pnlLookback, ScoringWeights weights) {

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3_600 * SECOND;

    /** The reference validator's values. */
    public static final ScoringSettings REFERENCE = new ScoringSettings(5 * SECOND, "kappa3", 3 * HOUR,
            3 * HOUR / 2, 3 * HOUR, ScoringWeights.REFERENCE);

    public ScoringSettings {
        if (interval <= 0) {
            throw new IllegalArgumentException("scoring interval must be > 0 ns, got " + interval);
        }
        if (kappaMetric == null || kappaMetric.isBlank()) {
            throw new IllegalArgumentException("scoring metric name is required");
        }
        if (kappaLookback <= 0 || pnlLookback <= 0) {
            throw new IllegalArgumentException(String.format("lookbacks must be > 0 ns, got kappa %d, pnl %d",
                    kappaLookback, pnlLookback));
        }
        if (kappaMinLookback < 0 || kappaMinLookback > kappaLookback) {
            throw new IllegalArgumentException(String.format(
                    "kappa min lookback must be within 0..%d ns (the lookback), got %d", kappaLookback,
                    kappaMinLookback));
        }
        if (weights == null) {
            throw new IllegalArgumentException("scoring weights are required");
        }
    }

    /**
     * These settings with every window set to {@code window} and the minimum span to half of it: for short runs
     * (proxy, localnet) that would otherwise end before the reference's 1.5 h minimum.
     */
    public ScoringSettings withWindow(long window) {
        return new ScoringSettings(interval, kappaMetric, window, window / 2, window, weights);
    }

    /** The longest history any score reads. */
    long history() {
        return Math.max(kappaLookback, pnlLookback);
    }
}
