package io.mvtrx.runtime.validator.node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;
import io.mvtrx.runtime.validator.scoring.KappaResult;
import io.mvtrx.runtime.validator.scoring.MinerTrade;
import io.mvtrx.runtime.validator.scoring.RewardShaping;
import io.mvtrx.runtime.validator.scoring.ScoreFile;
import io.mvtrx.runtime.validator.scoring.ScoreRound;
import io.mvtrx.runtime.validator.scoring.ScoringPipeline;
import io.mvtrx.runtime.validator.scoring.SimulationParams;
import io.mvtrx.runtime.validator.scoring.UidHistory;

/**
 * The one place the validator loop meets the scoring pipeline (protocol.md §6-7, doc/scoring.md): trades in, scores
 * and weights out, over one {@link ScoringPipeline}. Everything the loop needs from scoring goes through these
 * methods, so another pipeline can replace this class without touching the loop.
 *
 * <ul>
 *   <li>{@link #onTrade} collects a uid's trades of the publish being accounted, as {@link MinerTrade}s; a
 *       self-trade reaches the uid twice (maker and taker notice) and is kept once, as the reference sees it;</li>
 *   <li>{@link #observe} records the publish: {@link ScoringPipeline#recordState} with the collected trades (FIFO
 *       lots, one P&L observation per uid, round-trip volume, pruning);</li>
 *   <li>{@link #score} runs {@link ScoringPipeline#score} at the last observation: Kappa, PnL and trading scores,
 *       soft floor, Pareto, moving average.</li>
 * </ul>
 *
 * <p>The checkpoint is {@link ScoreFile#checkpoint}'s document (histories, open lots, factors, scores,
 * deregistrations, last prune). Between simulations histories move onto the new clock and open lots are dropped:
 * every account of a new simulation starts flat.
 *
 * <p>Not thread-safe: the validator loop owns it.
 */
public final class ValidatorScoring {

    private final ScoringSettings settings;
    private final Function<String, Optional<ScoringMetricProvider>> metrics;
    private ScoringPipeline pipeline;
    private Map<Integer, List<MinerTrade>> pending = new HashMap<>();
    private long lastObserved = Long.MIN_VALUE;
    private MinerReport[] reports;
    private ScoreRound lastRound;

    /**
     * @param settings   the pipeline's configuration
     * @param metrics    the scoring-metric providers by name (see {@link ValidatorLoop#metric})
     * @param uids       uids scored ({@code 0..uids-1}), the length of the score vector
     * @param simulation books, miner wealth (QUOTE), volume decimals and grace period of the simulation
     * @throws IllegalArgumentException naming the problem: a bad count, a metric not loaded
     */
    public ValidatorScoring(ScoringSettings settings, Function<String, Optional<ScoringMetricProvider>> metrics,
                            int uids, SimulationParams simulation) {
        this.settings = settings;
        this.metrics = metrics;
        this.pipeline = ScoringPipeline.create(settings.config(), simulation, uids, settings.movingAverageAlpha(),
                metrics);
        this.reports = new MinerReport[uids];
    }

    /**
     * Adapts to a new simulation's shape, keeping what is known: histories of uids and books that remain are kept,
     * the others dropped; new uids start at score 0.
     */
    public void resize(int uidCount, SimulationParams simulation) {
        if (uidCount == pipeline.uidCount() && simulation.equals(pipeline.simulation())) {
            return;
        }
        ScoringPipeline next = ScoringPipeline.create(settings.config(), simulation, uidCount,
                settings.movingAverageAlpha(), metrics);
        transfer(pipeline, next);
        pipeline = next;
        reports = Arrays.copyOf(reports, uidCount);
    }

    /** Collects one of a uid's trades, reported in the publish being accounted. */
    public void onTrade(int uid, TradeNotice notice, BookDecimals decimals) {
        Trade trade = notice.trade();
        int book = trade.bookId();
        if (uid < 0 || uid >= pipeline.uidCount() || book < 0 || book >= pipeline.simulation().bookCount()
                || trade.volume() <= 0) {
            return;
        }
        boolean self = trade.makerAgentId() == trade.takerAgentId();
        if (self && !notice.asMaker()) {
            return;
        }
        // Agent ids as the pipeline reads them: this uid on its side, -1 (no uid) for the counterparty.
        int maker = notice.asMaker() || self ? uid : -1;
        int taker = !notice.asMaker() || self ? uid : -1;
        pending.computeIfAbsent(uid, u -> new ArrayList<>()).add(new MinerTrade(book,
                trade.takerSide() == Side.BUY ? 0 : 1, decimals.price().toDouble(trade.price()),
                decimals.volume().toDouble(trade.volume()), maker, taker,
                decimals.quote().toDouble(trade.makerFee()), decimals.quote().toDouble(trade.takerFee())));
    }

    /** Records the publish at {@code timestamp} with the trades collected since the last one. */
    public void observe(long timestamp) {
        Map<Integer, List<MinerTrade>> trades = pending;
        pending = new HashMap<>();
        if (timestamp <= lastObserved) {
            return;
        }
        lastObserved = timestamp;
        pipeline.recordState(timestamp, trades);
    }

    /** Whether the publish at {@code timestamp} is a scoring one. */
    public boolean due(long timestamp) {
        return timestamp % settings.interval() == 0;
    }

    /** Scores every uid as of the last observation and folds the rewards into the moving average. */
    public void score() {
        if (lastObserved == Long.MIN_VALUE) {
            return;
        }
        long now = lastObserved;
        ScoreRound round = pipeline.score(now);
        lastRound = round;
        int books = pipeline.simulation().bookCount();
        for (int uid = 0; uid < pipeline.uidCount(); uid++) {
            ScoreRound.UidScore s = round.uids().get(uid);
            double[] kappa = new double[books];
            Arrays.fill(kappa, Double.NaN);
            KappaResult k = s.kappa();
            for (int b = 0; k != null && b < Math.min(books, k.bookCount()); b++) {
                Double value = k.book(b);
                kappa[b] = value == null ? Double.NaN : value;
            }
            reports[uid] = new MinerReport(uid, kappa, pnlSums(pipeline.history(uid), now, books), s.kappaScore(),
                    s.pnlScore(), s.tradingScore(), round.afterPareto()[uid], round.ema()[uid]);
        }
    }

    /** Realized P&L per book over the PnL lookback, for the report. */
    private double[] pnlSums(UidHistory history, long now, int books) {
        double[] sums = new double[books];
        long from = now - settings.pnlLookback();
        history.realizedPnl().forEach((ts, byBook) -> {
            if (ts >= from) {
                byBook.forEach((book, pnl) -> {
                    if (book >= 0 && book < books) {
                        sums[book] += pnl;
                    }
                });
            }
        });
        return sums;
    }

    /**
     * Forgets everything about a uid (deregistered, or its account was reset): its score drops to 0 and its
     * histories, lots and factors are cleared ({@link ScoringPipeline#deregister} then
     * {@link ScoringPipeline#confirmReset}, both at once: the loop calls this again when the reset is confirmed).
     */
    public void reset(int uid) {
        if (uid < 0 || uid >= pipeline.uidCount()) {
            return;
        }
        pipeline.deregister(uid);
        pipeline.confirmReset(uid);
        pending.remove(uid);
        reports[uid] = null;
    }

    /**
     * A new simulation restarts the clock: every stored time moves by {@code delta} ns so the windows carry over
     * (reference: {@code new = start - (oldEnd - t)}), and open lots are dropped since accounts start flat.
     */
    public void shift(long delta) {
        for (int uid = 0; uid < pipeline.uidCount(); uid++) {
            UidHistory history = pipeline.history(uid);
            Map<Long, LinkedHashMap<Integer, Double>> realized = new LinkedHashMap<>(history.realizedPnl());
            history.realizedPnl().clear();
            realized.forEach((ts, books) -> history.realizedPnl().put(ts + delta, books));
            for (Map.Entry<Integer, LinkedHashMap<Long, Double>> e : history.roundTripVolume().entrySet()) {
                LinkedHashMap<Long, Double> shifted = new LinkedHashMap<>();
                e.getValue().forEach((ts, value) -> shifted.put(ts + delta, value));
                e.setValue(shifted);
            }
            history.positions().clear();
        }
        pipeline.lastPrune().ifPresent(t -> pipeline.setLastPrune(t + delta));
        if (lastObserved != Long.MIN_VALUE) {
            lastObserved += delta;
        }
        pending.clear();
    }

    /** The moving-average score of every uid. */
    public double[] scores() {
        float[] scores = pipeline.scores();
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i];
        }
        return out;
    }

    /**
     * The last scoring round whole (every stage's values per uid), or null before the first. Its arrays are shared:
     * read, never change them, and only on the validator loop's thread.
     */
    public ScoreRound lastRound() {
        return lastRound;
    }

    /**
     * A uid's realized P&L as recorded (state time → book → P&L realized at that state), a read-only view, in
     * recording order; empty for a uid outside the pipeline. Validator loop's thread only.
     */
    public Map<Long, Map<Integer, Double>> realizedPnl(int uid) {
        if (uid < 0 || uid >= pipeline.uidCount()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(pipeline.history(uid).realizedPnl());
    }

    /** A uid's scores as of the last scoring, or null before the first (or right after a reset). */
    public MinerReport report(int uid) {
        return uid >= 0 && uid < reports.length ? reports[uid] : null;
    }

    /**
     * Weights for the chain from the moving-average scores of {@code registered} uids (others count as 0), as the
     * pipeline computes them ({@code RewardShaping.weights}: shifted by the minimum if negative, normalised, float32);
     * zero weights left out; empty when no score is positive (the chain refuses all-zero weights).
     */
    public Map<Integer, Double> weights(Collection<Integer> registered) {
        float[] all = pipeline.scores();
        float[] scores = new float[all.length];
        List<Integer> known = new ArrayList<>();
        for (int uid : registered) {
            if (uid >= 0 && uid < all.length && !known.contains(uid)) {
                scores[uid] = all[uid];
                known.add(uid);
            }
        }
        float[] weights = RewardShaping.weights(scores);
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int uid : known) {
            if (weights[uid] > 0) {
                out.put(uid, (double) weights[uid]);
            }
        }
        return out;
    }

    /** Writes the pipeline's checkpoint document ({@link ScoreFile#checkpoint}), UTF-8, length first. */
    public void write(DataOutput out) throws IOException {
        byte[] document = ScoreFile.checkpoint(pipeline).getBytes(StandardCharsets.UTF_8);
        out.writeLong(lastObserved);
        out.writeInt(document.length);
        out.write(document);
    }

    /** Replaces the state with one written by {@link #write}, reshaped to the current uid and book counts. */
    public void read(DataInput in) throws IOException {
        long savedLast = in.readLong();
        byte[] document = new byte[Checkpoints.count(in.readInt(), "scoring checkpoint bytes")];
        in.readFully(document);
        ScoringPipeline saved;
        try {
            saved = ScoreFile.restore(new String(document, StandardCharsets.UTF_8), metrics).pipeline();
        } catch (ScoreFile.InvalidScoreFile | IllegalArgumentException e) {
            throw new IOException("the scoring checkpoint does not read: " + e.getMessage(), e);
        }
        ScoringPipeline next = ScoringPipeline.create(settings.config(), pipeline.simulation(), pipeline.uidCount(),
                settings.movingAverageAlpha(), metrics);
        transfer(saved, next);
        pipeline = next;
        lastObserved = savedLast;
        pending.clear();
        Arrays.fill(reports, null);
    }

    /** Copies histories, lots, factors, scores and deregistrations of the uids and books both pipelines have. */
    private static void transfer(ScoringPipeline from, ScoringPipeline to) {
        int uids = Math.min(from.uidCount(), to.uidCount());
        int books = to.simulation().bookCount();
        float[] scores = from.scores();
        for (int uid = 0; uid < uids; uid++) {
            UidHistory source = from.history(uid);
            UidHistory target = to.history(uid);
            source.realizedPnl().forEach((ts, byBook) -> {
                LinkedHashMap<Integer, Double> kept = new LinkedHashMap<>();
                byBook.forEach((book, pnl) -> {
                    if (book < books) {
                        kept.put(book, pnl);
                    }
                });
                target.realizedPnl().put(ts, kept);
            });
            source.roundTripVolume().forEach((book, samples) -> {
                if (book < books) {
                    target.roundTripVolume().put(book, new LinkedHashMap<>(samples));
                }
            });
            source.positions().forEach((book, lots) -> {
                if (book < books) {
                    target.positions(book).restore(lots.longs(), lots.shorts());
                }
            });
            int common = Math.min(books, source.activityFactors().length);
            System.arraycopy(source.activityFactors(), 0, target.activityFactors(), 0, common);
            System.arraycopy(source.pnlFactors(), 0, target.pnlFactors(), 0, common);
            to.setScore(uid, scores[uid]);
            if (from.deregistered().contains(uid)) {
                to.restoreDeregistered(uid);
            }
        }
        to.setLastPrune(from.lastPrune().orElse(null));
    }
}
