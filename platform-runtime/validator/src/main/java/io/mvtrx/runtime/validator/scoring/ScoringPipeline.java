package io.mvtrx.runtime.validator.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.scoring.NumpyStats;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.api.spi.scoring.ScoringMetric;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;

/**
 * The validator's scoring state and rounds, as the reference validator v0.5.4 (protocol.md §6-7): per uid the
 * realized P&L series, round-trip volume samples, open FIFO lots and activity/P&L factors; over all uids the
 * moving-average scores. The live loop calls {@link #recordState} for every state the simulator publishes and
 * {@link #score} every scoring interval; {@code mvtrx score} drives the same object from a file.
 *
 * <p>The per-book metrics are {@code ScoringMetric} plugins looked up by name ({@code scoring.kappa.metric},
 * default {@code kappa3}; {@code scoring.pnl.metric}, default {@code pnl}). Not thread-safe: one writer.
 */
public final class ScoringPipeline {

    /** The reference's {@code --neuron.moving_average_alpha}: 2/241, a span of 240 scoring intervals. */
    public static final double REFERENCE_MOVING_AVERAGE_ALPHA = 0.008298755;

    /** The reference prunes histories at most once per 60 s of simulation time. */
    static final long PRUNE_INTERVAL = 60_000_000_000L;

    private final ScoringConfig config;
    private final SimulationParams simulation;
    private final double movingAverageAlpha;
    private final ScoringMetric bookMetric;
    private final ScoringMetric portfolioMetric;
    private final ScoringMetric pnlMetric;
    private final UidHistory[] histories;
    private final float[] scores;
    private final Set<Integer> deregistered = new HashSet<>();
    private Long lastPrune;

    private ScoringPipeline(ScoringConfig config, SimulationParams simulation, int uidCount,
            double movingAverageAlpha, ScoringMetric bookMetric, ScoringMetric portfolioMetric,
            ScoringMetric pnlMetric) {
        this.config = config;
        this.simulation = simulation;
        this.movingAverageAlpha = movingAverageAlpha;
        this.bookMetric = bookMetric;
        this.portfolioMetric = portfolioMetric;
        this.pnlMetric = pnlMetric;
        this.histories = new UidHistory[uidCount];
        for (int uid = 0; uid < uidCount; uid++) {
            histories[uid] = new UidHistory(simulation.bookCount());
        }
        this.scores = new float[uidCount];
    }

    /**
     * A pipeline with empty histories and zero scores.
     *
     * @param uidCount           uids 0..uidCount-1 (the reference's {@code effective_max_uids}), at most
     *                           {@value ParetoMultipliers#BUNDLED}
     * @param movingAverageAlpha weight of each round's rewards in the moving average
     * @param metrics            the scoring-metric providers by name (a plugin registry's look-up)
     * @throws IllegalArgumentException naming the metric when a provider is missing, or a bad count or alpha
     */
    public static ScoringPipeline create(ScoringConfig config, SimulationParams simulation, int uidCount,
            double movingAverageAlpha, Function<String, Optional<ScoringMetricProvider>> metrics) {
        if (uidCount < 1 || uidCount > ParetoMultipliers.BUNDLED) {
            throw new IllegalArgumentException(String.format("uidCount must be within [1, %d], got %d",
                    ParetoMultipliers.BUNDLED, uidCount));
        }
        if (!(movingAverageAlpha > 0 && movingAverageAlpha <= 1)) {
            throw new IllegalArgumentException("movingAverageAlpha must be within (0, 1], got " + movingAverageAlpha);
        }
        ScoringMetricProvider kappa = provider(metrics, config.kappa().metric(), "scoring.kappa.metric");
        ScoringMetricProvider pnl = provider(metrics, config.pnl().metric(), "scoring.pnl.metric");
        return new ScoringPipeline(config, simulation, uidCount, movingAverageAlpha,
                kappa.create(kappaSettings(config, simulation, config.kappa().minRealizedObservations())),
                // The portfolio figure is scored from one non-zero observation; the caller scales it.
                kappa.create(kappaSettings(config, simulation, 1)),
                pnl.create(Settings.empty(config.pnl().metric())));
    }

    private static ScoringMetricProvider provider(Function<String, Optional<ScoringMetricProvider>> metrics,
            String name, String key) {
        return metrics.apply(name).orElseThrow(() -> new IllegalArgumentException(
                String.format("%s: no scoring metric named '%s' is loaded", key, name)));
    }

    private static Settings kappaSettings(ScoringConfig config, SimulationParams simulation, int observations) {
        return Settings.builder(config.kappa().metric())
                .attribute("tau", Double.toString(config.kappa().tau()))
                .attribute("minRealizedObservations", Integer.toString(observations))
                .attribute("changeoverGap", Long.toString(simulation.gracePeriod()))
                .build();
    }

    /** The configuration. */
    public ScoringConfig config() {
        return config;
    }

    /** The simulation parameters. */
    public SimulationParams simulation() {
        return simulation;
    }

    /** Number of uids. */
    public int uidCount() {
        return histories.length;
    }

    /** The moving-average weight of a round. */
    public double movingAverageAlpha() {
        return movingAverageAlpha;
    }

    /** One uid's history (live view). */
    public UidHistory history(int uid) {
        return histories[uid];
    }

    /** The moving-average scores (a copy). */
    public float[] scores() {
        return scores.clone();
    }

    /** Sets one uid's moving-average score (restoring a checkpoint). */
    public void setScore(int uid, float score) {
        scores[uid] = score;
    }

    /** Uids currently deregistered: not scored (no Kappa) until their reset is confirmed. */
    public Set<Integer> deregistered() {
        return Set.copyOf(deregistered);
    }

    /** Marks a uid deregistered (its hotkey changed): its moving-average score drops to 0, it gets no Kappa. */
    public void deregister(int uid) {
        deregistered.add(uid);
        scores[uid] = 0f;
    }

    /** Marks a uid deregistered without touching its score (restoring a checkpoint). */
    public void restoreDeregistered(int uid) {
        deregistered.add(uid);
    }

    /** The simulator confirmed the uid's reset: its histories are cleared and it is scored again. */
    public void confirmReset(int uid) {
        histories[uid].reset();
        deregistered.remove(uid);
    }

    /** Simulation time of the last history prune, empty before the first state. */
    public Optional<Long> lastPrune() {
        return Optional.ofNullable(lastPrune);
    }

    /** Restores the time of the last prune from a checkpoint. */
    public void setLastPrune(Long timestamp) {
        lastPrune = timestamp;
    }

    /**
     * Records one published state (the reference's {@code update_trade_volumes}): every uid's trades of the state
     * go through its FIFO lots in order; every uid gets a P&L observation at {@code timestamp} (empty when nothing
     * was realized); at most every 60 s the P&L older than the Kappa lookback and the round-trip volume older than
     * the assessment period are pruned; the state's realized P&L is then stored rounded to the volume decimals and
     * its round-trip volume (closed quantity × trade price) added to the sample of
     * {@code floor(timestamp / sampling interval)}.
     *
     * @param trades trade notices per uid; uids without trades may be absent
     */
    public void recordState(long timestamp, Map<Integer, List<MinerTrade>> trades) {
        long sampling = config.activity().tradeVolumeSamplingInterval();
        long sampled = Math.floorDiv(timestamp, sampling) * sampling;
        boolean prune = lastPrune == null || lastPrune == 0 || timestamp - lastPrune >= PRUNE_INTERVAL;
        if (prune) {
            lastPrune = timestamp;
        }
        Map<Integer, LinkedHashMap<Integer, Double>> realized = new LinkedHashMap<>();
        Map<Integer, LinkedHashMap<Integer, Double>> roundTrips = new LinkedHashMap<>();
        for (int uid = 0; uid < histories.length; uid++) {
            UidHistory history = histories[uid];
            for (MinerTrade trade : trades.getOrDefault(uid, List.of())) {
                if (trade.book() < 0 || trade.book() >= simulation.bookCount()) {
                    throw new IllegalArgumentException(String.format("uid %d: trade on book %d, books are 0..%d",
                            uid, trade.book(), simulation.bookCount() - 1));
                }
                OpenPositions.Realization r = history.positions(trade.book()).trade(timestamp, trade.isBuyFor(uid),
                        trade.quantity(), trade.price(), trade.feeFor(uid));
                if (r.pnl() != 0.0) {
                    realized.computeIfAbsent(uid, u -> new LinkedHashMap<>()).merge(trade.book(), r.pnl(), Double::sum);
                }
                if (r.roundTripQuantity() > 0) {
                    roundTrips.computeIfAbsent(uid, u -> new LinkedHashMap<>())
                            .merge(trade.book(), r.roundTripQuantity() * trade.price(), Double::sum);
                }
            }
            history.realizedPnl().putIfAbsent(timestamp, new LinkedHashMap<>());
        }
        if (prune) {
            long pnlThreshold = timestamp - config.kappa().lookback();
            long volumeThreshold = timestamp - config.activity().tradeVolumeAssessmentPeriod();
            for (UidHistory history : histories) {
                history.realizedPnl().keySet().removeIf(ts -> ts < pnlThreshold);
                for (LinkedHashMap<Long, Double> samples : history.roundTripVolume().values()) {
                    samples.keySet().removeIf(ts -> ts < volumeThreshold);
                }
            }
        }
        int decimals = simulation.volumeDecimals();
        realized.forEach((uid, books) -> {
            LinkedHashMap<Integer, Double> stored = histories[uid].realizedPnl().get(timestamp);
            books.forEach((book, pnl) -> {
                double rounded = PythonRound.round(pnl, decimals);
                if (rounded == 0.0) {
                    return;
                }
                double updated = PythonRound.round(stored.getOrDefault(book, 0.0) + rounded, decimals);
                if (updated != 0.0) {
                    stored.put(book, updated);
                } else {
                    stored.remove(book);
                }
            });
        });
        roundTrips.forEach((uid, books) -> books.forEach((book, value) -> histories[uid].roundTripVolume()
                .computeIfAbsent(book, b -> new LinkedHashMap<>()).merge(sampled, value, Double::sum)));
    }

    /**
     * One scoring round at simulation time {@code now}: Kappa-3 per uid, the Kappa, PnL and trading scores (which
     * update the activity and P&L factors), the soft floor, the Pareto re-shaping and the moving average (which
     * replaces {@link #scores()}), and the weights.
     */
    public ScoreRound score(long now) {
        int n = histories.length;
        List<ScoreRound.UidScore> perUid = new ArrayList<>(n);
        double[] trading = new double[n];
        for (int uid = 0; uid < n; uid++) {
            UidHistory history = histories[uid];
            KappaResult kappa = deregistered.contains(uid) ? null : kappa(history);
            double kappaScore = MinerScores.kappaScore(kappa, history, now, config, simulation);
            double pnlScore = config.pnl().weight() > 0
                    ? MinerScores.pnlScore(history, now, config, simulation, pnlMetric) : 0.0;
            trading[uid] = MinerScores.tradingScore(kappaScore, pnlScore, config);
            perUid.add(new ScoreRound.UidScore(kappa, kappaScore, pnlScore, trading[uid],
                    history.activityFactors().clone(), history.pnlFactors().clone()));
        }
        double[] floored = RewardShaping.softFloor(trading, config.rewarding());
        float[] rewards = RewardShaping.pareto(floored, config.rewarding());
        float[] ema = RewardShaping.movingAverage(scores, rewards, movingAverageAlpha);
        System.arraycopy(ema, 0, scores, 0, n);
        return new ScoreRound(perUid, trading, floored, rewards, ema.clone(), RewardShaping.weights(ema));
    }

    /**
     * Kappa-3 figures of one history ({@code kappa_3}): observations within the Kappa lookback of the latest one,
     * none if they span less than the minimum lookback; each book's series (zeros where nothing was realized) goes
     * through the book metric; the portfolio figure scores the books' summed series.
     */
    KappaResult kappa(UidHistory history) {
        if (history.realizedPnl().isEmpty()) {
            return null;
        }
        long[] timestamps = history.realizedPnl().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long cutoff = timestamps[timestamps.length - 1] - config.kappa().lookback();
        if (timestamps[0] < cutoff) {
            timestamps = Arrays.stream(timestamps).filter(ts -> ts >= cutoff).toArray();
        }
        if (timestamps[timestamps.length - 1] - timestamps[0] < config.kappa().minLookback()) {
            return null;
        }
        int books = simulation.bookCount();
        int count = timestamps.length;
        double[][] matrix = new double[books][count];
        for (int i = 0; i < count; i++) {
            for (Map.Entry<Integer, Double> entry : history.realizedPnl().get(timestamps[i]).entrySet()) {
                int book = entry.getKey();
                if (book >= 0 && book < books) {
                    matrix[book][i] = entry.getValue();
                }
            }
        }
        Double[] values = new Double[books];
        double[] valid = new double[books];
        int validCount = 0;
        for (int b = 0; b < books; b++) {
            OptionalDouble k = bookMetric.evaluate(new RealizedSeries(timestamps, matrix[b]));
            if (k.isPresent() && !Double.isNaN(k.getAsDouble())) {
                values[b] = k.getAsDouble();
                valid[validCount++] = k.getAsDouble();
            }
        }
        Double average = validCount > 0 ? NumpyStats.mean(valid, 0, validCount) : null;
        Double median = validCount > 0 ? NumpyStats.median(valid, 0, validCount) : null;

        double[] total = new double[count];
        for (int b = 0; b < books; b++) {
            for (int i = 0; i < count; i++) {
                total[i] += matrix[b][i];
            }
        }
        Double portfolio = null;
        int nonZero = nonZeroAfterScaling(timestamps, total);
        if (nonZero > 0) {
            OptionalDouble k = portfolioMetric.evaluate(new RealizedSeries(timestamps, total));
            if (k.isPresent()) {
                double multiplier = Math.min((double) nonZero / config.kappa().minRealizedObservations(), 1.0);
                portfolio = multiplier * k.getAsDouble();
            }
        }
        return new KappaResult(values, average, median, portfolio, normalize(average), normalize(median),
                normalize(portfolio));
    }

    /** Non-zero values of {@code x / max(MAD, 1e-6)} left after the changeover mask, as the reference counts. */
    private int nonZeroAfterScaling(long[] timestamps, double[] x) {
        double median = NumpyStats.median(x);
        double[] deviations = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            deviations[i] = Math.abs(x[i] - median);
        }
        double mad = Math.max(NumpyStats.median(deviations), 1e-6);
        long gap = simulation.gracePeriod();
        int nonZero = 0;
        for (int i = 0; i < x.length; i++) {
            boolean changeover = gap > 0 && i > 0 && timestamps[i] - timestamps[i - 1] >= gap;
            if (!changeover && x[i] / mad != 0.0) {
                nonZero++;
            }
        }
        return nonZero;
    }

    private Double normalize(Double value) {
        if (value == null) {
            return null;
        }
        double range = config.kappa().normalizationMax() - config.kappa().normalizationMin();
        if (range == 0) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, (value - config.kappa().normalizationMin()) / range));
    }
}
