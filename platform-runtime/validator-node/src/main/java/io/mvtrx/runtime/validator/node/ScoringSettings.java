package io.mvtrx.runtime.validator.node;

import io.mvtrx.runtime.validator.scoring.ScoringConfig;
import io.mvtrx.runtime.validator.scoring.ScoringPipeline;

/**
 * How the validator scores (protocol.md §7, §11.1): the scoring pipeline's configuration and the moving-average
 * weight of a round. The accessors name the windows the loop and the commands report.
 *
 * @param config             {@code scoring.*} and {@code rewarding.*} (reference defaults in
 *                           {@link ScoringConfig#REFERENCE})
 * @param movingAverageAlpha the reference's {@code --neuron.moving_average_alpha} (2/241)
 */
public record ScoringSettings(ScoringConfig config, double movingAverageAlpha) {

    /** The reference validator's values. */
    public static final ScoringSettings REFERENCE = new ScoringSettings(ScoringConfig.REFERENCE,
            ScoringPipeline.REFERENCE_MOVING_AVERAGE_ALPHA);

    public ScoringSettings {
        if (config == null) {
            throw new IllegalArgumentException("scoring config is required");
        }
        if (!(movingAverageAlpha > 0 && movingAverageAlpha <= 1)) {
            throw new IllegalArgumentException("moving average alpha must be within (0, 1], got "
                    + movingAverageAlpha);
        }
    }

    /** Sim ns between two scorings; scoring runs at publishes whose timestamp is a multiple of it (5 s). */
    public long interval() {
        return config.interval();
    }

    /** Name of the {@code ScoringMetric} plugin that scores a book ({@code kappa3}). */
    public String kappaMetric() {
        return config.kappa().metric();
    }

    /** Name of the {@code ScoringMetric} plugin that sums a book's P&L ({@code pnl}). */
    public String pnlMetric() {
        return config.pnl().metric();
    }

    /** Sim ns of realized P&L history a book's Kappa is computed over (3 h). */
    public long kappaLookback() {
        return config.kappa().lookback();
    }

    /** Shortest history span that is scored at all (1.5 h); shorter gives no Kappa. */
    public long kappaMinLookback() {
        return config.kappa().minLookback();
    }

    /** Sim ns of realized P&L summed into the PnL score (3 h). */
    public long pnlLookback() {
        return config.pnl().lookback();
    }

    /**
     * These settings with both lookbacks set to {@code window}, the minimum span to half of it and the round-trip
     * volume sampling interval to at most a sixth of it: for short runs (proxy, localnet) that would otherwise end
     * before the reference's 1.5 h minimum, or before the first 600 s sample that can make a book active.
     */
    public ScoringSettings withWindow(long window) {
        if (window <= 1) {
            throw new IllegalArgumentException("scoring window must be > 1 ns, got " + window);
        }
        ScoringConfig.Kappa k = config.kappa();
        ScoringConfig.Pnl p = config.pnl();
        ScoringConfig.Activity a = config.activity();
        ScoringConfig shortened = new ScoringConfig(
                new ScoringConfig.Kappa(k.metric(), k.weight(), window, window / 2, k.tau(),
                        k.minRealizedObservations(), k.normalizationMin(), k.normalizationMax(), k.pnlImpact()),
                new ScoringConfig.Pnl(p.metric(), p.weight(), window, p.minDailyReturn(), p.maxDailyReturn()),
                new ScoringConfig.Activity(Math.min(a.tradeVolumeSamplingInterval(), Math.max(1, window / 6)),
                        a.tradeVolumeAssessmentPeriod(), a.impact(), a.decayGracePeriod(), a.decayRate(),
                        a.capitalTurnoverCap()),
                config.interval(), config.maxInactiveBooks(), config.rewarding());
        return new ScoringSettings(shortened, movingAverageAlpha);
    }
}
