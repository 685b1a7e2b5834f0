package io.mvtrx.runtime.validator.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.dashboard.BookTracker;
import io.mvtrx.runtime.dashboard.BookView;
import io.mvtrx.runtime.dashboard.DashboardFeed;
import io.mvtrx.runtime.dashboard.DashboardSnapshot;
import io.mvtrx.runtime.dashboard.GentrxStatus;
import io.mvtrx.runtime.dashboard.MinerDetail;
import io.mvtrx.runtime.dashboard.MinerRow;
import io.mvtrx.runtime.dashboard.Overview;
import io.mvtrx.runtime.simulator.Progress;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.validator.scoring.KappaResult;
import io.mvtrx.runtime.validator.scoring.ScoreRound;

/**
 * Feeds the dashboard from a {@link ValidatorLoop}: an observer of every publish that keeps what the pages need
 * across publishes (recent trades, each miner's cumulative realized P&L per book, recent rejections, last latency)
 * and, at most every {@link #MIN_INTERVAL_NANOS} of wall time (and at every scoring and at the end), publishes an
 * immutable {@link DashboardSnapshot} through a {@link DashboardFeed}.
 *
 * <p>Cost on the step thread per publish: one pass over the books' L3 events (trades kept) and over the accounts'
 * notices (rejections kept), one map look-up per uid for its P&L; per snapshot, copies of at most
 * {@value #LADDER_DEPTH} levels a side per book and of the scoring round's figures. No JSON is encoded here.
 *
 * <p>Not thread-safe: only the validator loop's thread calls it; readers use {@link #feed()}.
 */
public final class ValidatorDashboard implements ValidatorLoop.PublishObserver {

    /** Snapshots are published at most this often (wall time), besides scorings and the last publish. */
    static final long MIN_INTERVAL_NANOS = 250_000_000L;
    static final int LADDER_DEPTH = 20;
    static final int REJECTIONS_KEPT = 50;
    static final int PNL_POINTS_KEPT = 600;
    private static final String FUNDAMENTAL = "fundamental";

    private final ValidatorLoop loop;
    private final DashboardFeed feed = new DashboardFeed();
    private long version;
    private String simulationId = "";
    private BookTracker tracker;
    private final Map<Integer, double[]> cumulativePnl = new HashMap<>();
    private final Map<Integer, List<MinerDetail.PnlPoint>> pnlPoints = new HashMap<>();
    private final Map<Integer, ArrayDeque<MinerDetail.Rejection>> rejections = new HashMap<>();
    private final Map<Integer, Double> latencyMillis = new HashMap<>();
    private final Map<Integer, long[]> answers = new HashMap<>();
    private long lastSnapshotNanos;
    private long lastSteps;
    private long lastScorings = -1;
    private volatile Supplier<Optional<GentrxStatus>> gentrx = Optional::empty;

    private ValidatorDashboard(ValidatorLoop loop) {
        this.loop = loop;
    }

    /** Observes {@code loop} from now on; the returned dashboard's {@link #feed()} is what to serve. */
    public static ValidatorDashboard attach(ValidatorLoop loop) {
        ValidatorDashboard dashboard = new ValidatorDashboard(loop);
        loop.addObserver(dashboard);
        return dashboard;
    }

    /** Shows the GenTRX status the supplier gives (empty: GenTRX off). */
    public void showGentrx(Supplier<Optional<GentrxStatus>> status) {
        this.gentrx = status;
    }

    /** What the HTTP threads read. */
    public DashboardFeed feed() {
        return feed;
    }

    @Override
    public void onPublish(Simulation simulation, Publication publication, List<MinerReply> replies,
                          LoopStats stats) {
        int books = publication.books().size();
        if (!publication.simulation().simulationId().equals(simulationId) || tracker == null) {
            simulationId = publication.simulation().simulationId();
            tracker = new BookTracker(publication.simulation().decimals(), LADDER_DEPTH);
            cumulativePnl.clear();
            pnlPoints.clear();
            rejections.clear();
            lastSnapshotNanos = 0;
            lastSteps = 0;
        }
        tracker.record(publication.books());
        for (MinerReply reply : replies) {
            long[] counts = answers.computeIfAbsent(reply.uid(), u -> new long[2]);
            if (reply.outcome() == MinerReply.Outcome.ANSWERED) {
                counts[0]++;
                latencyMillis.put(reply.uid(), reply.responseNanos() / 1e6);
            } else if (reply.outcome() == MinerReply.Outcome.TIMEOUT) {
                counts[1]++;
            }
        }
        for (Map.Entry<Integer, StateUpdate> e : publication.updates().entrySet()) {
            for (Notice notice : e.getValue().notices()) {
                if (notice instanceof OrderRejected r) {
                    ArrayDeque<MinerDetail.Rejection> kept = rejections.computeIfAbsent(e.getKey(),
                            u -> new ArrayDeque<>());
                    kept.addFirst(new MinerDetail.Rejection(r.timestamp(), r.bookId(), r.side().name(),
                            r.type().name(), r.reason().name()));
                    if (kept.size() > REJECTIONS_KEPT) {
                        kept.removeLast();
                    }
                }
            }
        }
        ValidatorScoring scoring = loop.scoring();
        List<Integer> miners = miners(publication);
        for (int uid : miners) {
            double[] sums = cumulativePnl.computeIfAbsent(uid, u -> new double[books]);
            Map<Integer, Double> realized = scoring.realizedPnl(uid).get(publication.timestamp());
            if (realized != null) {
                realized.forEach((book, pnl) -> {
                    if (book >= 0 && book < sums.length) {
                        sums[book] += pnl;
                    }
                });
            }
            List<Double> point = new ArrayList<>(sums.length);
            for (double v : sums) {
                point.add(v);
            }
            List<MinerDetail.PnlPoint> points = pnlPoints.computeIfAbsent(uid, u -> new ArrayList<>());
            points.add(new MinerDetail.PnlPoint(publication.timestamp(), point));
            if (points.size() > PNL_POINTS_KEPT) {
                thin(points);
            }
        }
        long now = System.nanoTime();
        boolean scored = stats.scorings() != lastScorings;
        if (scored || publication.last() || now - lastSnapshotNanos >= MIN_INTERVAL_NANOS) {
            publish(simulation, publication, stats, miners, now);
            lastScorings = stats.scorings();
        }
    }

    /** Keeps every other point but the last, so the series spans the run at half the resolution. */
    private static void thin(List<MinerDetail.PnlPoint> points) {
        List<MinerDetail.PnlPoint> kept = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i < points.size() - 1; i += 2) {
            kept.add(points.get(i));
        }
        kept.add(points.getLast());
        points.clear();
        points.addAll(kept);
    }

    /** Miners: registered uids with an axon and an account in this simulation. */
    private List<Integer> miners(Publication publication) {
        TreeSet<Integer> uids = new TreeSet<>();
        for (Neuron n : loop.neurons()) {
            if (!n.axon().isBlank() && n.uid() >= 0 && n.uid() < publication.simulation().remoteAgentCount()) {
                uids.add(n.uid());
            }
        }
        return List.copyOf(uids);
    }

    private void publish(Simulation simulation, Publication publication, LoopStats stats, List<Integer> miners,
                         long now) {
        Progress progress = simulation.progress();
        long steps = progress.steps();
        double rate = lastSnapshotNanos == 0 ? 0 : (steps - lastSteps) / ((now - lastSnapshotNanos) / 1e9);
        lastSnapshotNanos = now;
        lastSteps = steps;
        var info = publication.simulation();
        Overview overview = new Overview("validator", info.simulationId(), progress.elapsed(),
                info.duration(), steps, rate, info.blockCount(), info.booksPerBlock(), stats.lastServing(),
                stats.lastAnswered(), stats.answered(), stats.timeouts(), gentrx.get(), publication.last());
        List<BookView> books = tracker.views(publication.books(), simulation.processValues(FUNDAMENTAL));
        ValidatorScoring scoring = loop.scoring();
        ScoreRound round = scoring.lastRound();
        double[] scores = scoring.scores();
        Map<Integer, Double> weights = scoring.weights(miners);
        List<MinerRow> rows = new ArrayList<>(miners.size());
        List<MinerDetail> details = new ArrayList<>(miners.size());
        for (int uid : miners) {
            ScoreRound.UidScore s = round != null && uid < round.uids().size() ? round.uids().get(uid) : null;
            double[] volumes = new double[books.size()];
            double volume = 0;
            for (int b = 0; b < books.size(); b++) {
                volumes[b] = loop.tradedVolume(uid, b);
                volume += volumes[b];
            }
            double activity = s == null ? Double.NaN : mean(s.activityFactors());
            long[] counts = answers.getOrDefault(uid, new long[2]);
            rows.add(new MinerRow(uid, s == null ? 0 : s.kappaScore(), s == null ? 0 : s.pnlScore(),
                    s == null ? 0 : s.tradingScore(), uid < scores.length ? scores[uid] : 0,
                    weights.getOrDefault(uid, 0.0), activity, volume, latencyMillis.getOrDefault(uid, Double.NaN),
                    counts[0], counts[1]));
            details.add(detail(uid, s, round, scoring.report(uid), volumes));
        }
        feed.publish(new DashboardSnapshot(++version, overview, books, rows, details));
    }

    private MinerDetail detail(int uid, ScoreRound.UidScore s, ScoreRound round, MinerReport report,
                               double[] volumes) {
        List<MinerDetail.BookScore> perBook = new ArrayList<>(volumes.length);
        KappaResult k = s == null ? null : s.kappa();
        for (int b = 0; b < volumes.length; b++) {
            double kappa = k != null && b < k.bookCount() && k.book(b) != null ? k.book(b) : Double.NaN;
            perBook.add(new MinerDetail.BookScore(b, kappa,
                    report != null && b < report.pnl().length ? report.pnl()[b] : Double.NaN,
                    s != null && b < s.activityFactors().length ? s.activityFactors()[b] : Double.NaN,
                    s != null && b < s.pnlFactors().length ? s.pnlFactors()[b] : Double.NaN, volumes[b]));
        }
        MinerDetail.ScoreStages stages = s == null ? null : new MinerDetail.ScoreStages(
                value(k == null ? null : k.average()), value(k == null ? null : k.median()),
                value(k == null ? null : k.total()), value(k == null ? null : k.normalizedAverage()),
                value(k == null ? null : k.normalizedMedian()), value(k == null ? null : k.normalizedTotal()),
                s.kappaScore(), s.pnlScore(), s.tradingScore(), at(round.afterFloor(), uid),
                uid < round.afterPareto().length ? round.afterPareto()[uid] : Double.NaN,
                uid < round.ema().length ? round.ema()[uid] : Double.NaN);
        return new MinerDetail(uid, perBook, stages, pnlPoints.getOrDefault(uid, List.of()),
                List.copyOf(rejections.getOrDefault(uid, new ArrayDeque<>())));
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double at(double[] values, int uid) {
        return uid < values.length ? values[uid] : Double.NaN;
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
