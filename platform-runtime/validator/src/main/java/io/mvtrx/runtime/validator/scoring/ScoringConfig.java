package io.mvtrx.runtime.validator.scoring;

/**
 * The scoring and rewarding parameters, named and defaulted as the reference validator's {@code --scoring.*} and
 * {@code --rewarding.*} flags (protocol.md §11.1). Times are simulation nanoseconds.
 *
 * @param kappa            {@code scoring.kappa.*}
 * @param pnl              {@code scoring.pnl.*}
 * @param activity         {@code scoring.activity.*}
 * @param interval         {@code scoring.interval}: ns between scoring rounds (5 s)
 * @param maxInactiveBooks {@code scoring.max_inactive_books}: share of books a miner may leave without a value
 *                         before the excess count as 0 (0.375)
 * @param rewarding        {@code rewarding.*}
 */
public record ScoringConfig(Kappa kappa, Pnl pnl, Activity activity, long interval, double maxInactiveBooks,
        Rewarding rewarding) {

    /** 24 h in ns: the P&L reference is the miner's wealth scaled by lookback / 24 h. */
    public static final long DAY = 86_400_000_000_000L;

    /** The reference validator's defaults. */
    public static final ScoringConfig REFERENCE = new ScoringConfig(Kappa.REFERENCE, Pnl.REFERENCE,
            Activity.REFERENCE, 5_000_000_000L, 0.375, Rewarding.REFERENCE);

    public ScoringConfig {
        if (Math.abs(kappa.weight() + pnl.weight() - 1) > 1e-6) {
            throw new IllegalArgumentException(String.format(
                    "scoring.kappa.weight + scoring.pnl.weight must be 1 (±1e-6), got %s + %s",
                    kappa.weight(), pnl.weight()));
        }
        if (interval <= 0) {
            throw new IllegalArgumentException("scoring.interval must be > 0 ns, got " + interval);
        }
        if (!(maxInactiveBooks >= 0 && maxInactiveBooks <= 1)) {
            throw new IllegalArgumentException("scoring.max_inactive_books must be within [0, 1], got "
                    + maxInactiveBooks);
        }
    }

    /**
     * {@code scoring.kappa.*}.
     *
     * @param metric                  MVTRX extension: the {@code ScoringMetric} plugin scoring each book
     *                                ({@code kappa3})
     * @param weight                  share of the Kappa score in the trading score (0.79)
     * @param lookback                window of P&L observations, ns (3 h)
     * @param minLookback             least span of observations to score at all, ns (1.5 h)
     * @param tau                     return threshold in MAD units (0)
     * @param minRealizedObservations non-zero observations a book needs (3)
     * @param normalizationMin        Kappa mapped to 0 (-2.5)
     * @param normalizationMax        Kappa mapped to 1 (2.5)
     * @param pnlImpact               {@code scoring.kappa.pnl.impact}: P&L factor strength (0, off)
     */
    public record Kappa(String metric, double weight, long lookback, long minLookback, double tau,
            int minRealizedObservations, double normalizationMin, double normalizationMax, double pnlImpact) {

        /** Reference defaults. */
        public static final Kappa REFERENCE = new Kappa("kappa3", 0.79, 10_800_000_000_000L, 5_400_000_000_000L,
                0.0, 3, -2.5, 2.5, 0.0);

        public Kappa {
            if (lookback <= 0) {
                throw new IllegalArgumentException("scoring.kappa.lookback must be > 0 ns, got " + lookback);
            }
            if (minRealizedObservations < 1) {
                throw new IllegalArgumentException("scoring.kappa.min_realized_observations must be >= 1, got "
                        + minRealizedObservations);
            }
        }
    }

    /**
     * {@code scoring.pnl.*}.
     *
     * @param metric         MVTRX extension: the {@code ScoringMetric} plugin summing a book's P&L ({@code pnl})
     * @param weight         share of the PnL score in the trading score (0.21)
     * @param lookback       window, ns (3 h)
     * @param minDailyReturn {@code normalization.min_daily_return} (-1)
     * @param maxDailyReturn {@code normalization.max_daily_return} (1)
     */
    public record Pnl(String metric, double weight, long lookback, double minDailyReturn, double maxDailyReturn) {

        /** Reference defaults. */
        public static final Pnl REFERENCE = new Pnl("pnl", 0.21, 10_800_000_000_000L, -1.0, 1.0);

        public Pnl {
            if (lookback <= 0) {
                throw new IllegalArgumentException("scoring.pnl.lookback must be > 0 ns, got " + lookback);
            }
        }
    }

    /**
     * {@code scoring.activity.*}.
     *
     * @param tradeVolumeSamplingInterval  bucket of round-trip volume samples, ns (600 s)
     * @param tradeVolumeAssessmentPeriod  round-trip volume kept, ns (24 h)
     * @param impact                       activity boost per turnover of the cap (0)
     * @param decayGracePeriod             inactivity before decay accelerates, ns (600 s)
     * @param decayRate                    inactivity decay (0, off)
     * @param capitalTurnoverCap           cap = this × miner wealth (10)
     */
    public record Activity(long tradeVolumeSamplingInterval, long tradeVolumeAssessmentPeriod, double impact,
            long decayGracePeriod, double decayRate, double capitalTurnoverCap) {

        /** Reference defaults. */
        public static final Activity REFERENCE = new Activity(600_000_000_000L, DAY, 0.0, 600_000_000_000L, 0.0,
                10.0);

        public Activity {
            if (tradeVolumeSamplingInterval <= 0) {
                throw new IllegalArgumentException(
                        "scoring.activity.trade_volume_sampling_interval must be > 0 ns, got "
                                + tradeVolumeSamplingInterval);
            }
        }
    }

    /**
     * {@code rewarding.*}.
     *
     * @param seed            seed of the Pareto multipliers (898746039182; the only one bundled)
     * @param paretoScale     {@code pareto.scale} (1)
     * @param paretoShape     {@code pareto.shape} (1)
     * @param floorEnabled    {@code floor.enabled} (true)
     * @param floorPercentile {@code floor.percentile} of the positive scores (50)
     * @param floorSoftness   {@code floor.softness}, clamped into [1e-6, 1] when used (0.5)
     */
    public record Rewarding(long seed, double paretoScale, double paretoShape, boolean floorEnabled,
            double floorPercentile, double floorSoftness) {

        /** Reference defaults. */
        public static final Rewarding REFERENCE = new Rewarding(ParetoMultipliers.REFERENCE_SEED, 1.0, 1.0, true,
                50.0, 0.5);

        public Rewarding {
            if (seed != ParetoMultipliers.REFERENCE_SEED) {
                throw new IllegalArgumentException(String.format(
                        "rewarding.seed: only the reference seed %d is supported (its numpy stream is bundled), "
                                + "got %d", ParetoMultipliers.REFERENCE_SEED, seed));
            }
            if (!(paretoShape > 0)) {
                throw new IllegalArgumentException("rewarding.pareto.shape must be > 0, got " + paretoShape);
            }
            if (!(floorPercentile >= 0 && floorPercentile <= 100)) {
                throw new IllegalArgumentException("rewarding.floor.percentile must be within [0, 100], got "
                        + floorPercentile);
            }
        }
    }
}
