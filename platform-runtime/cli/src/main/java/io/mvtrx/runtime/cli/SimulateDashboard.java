package io.mvtrx.runtime.cli;

import java.util.List;
import java.util.Optional;

import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.dashboard.BookTracker;
import io.mvtrx.runtime.dashboard.BookView;
import io.mvtrx.runtime.dashboard.DashboardFeed;
import io.mvtrx.runtime.dashboard.DashboardSnapshot;
import io.mvtrx.runtime.dashboard.Overview;
import io.mvtrx.runtime.simulator.Progress;
import io.mvtrx.runtime.simulator.Simulation;

/**
 * Feeds the dashboard of {@code mvtrx simulate --serve} from a headless run: at the end of a step, at most every
 * {@link #MIN_INTERVAL_NANOS} of wall time, it copies the books (ladder, the step's trades, the fundamental as last
 * sampled) into an immutable snapshot and swaps it into the {@link DashboardFeed}. Between those steps it costs one
 * clock read. There are no miners: the leaderboard is empty.
 *
 * <p>The recent trades are those of the sampled steps (a headless run publishes nothing between them).
 *
 * <p>Not thread-safe: the simulation's thread calls it; the HTTP threads read {@link #feed()}.
 */
final class SimulateDashboard implements Simulation.BarrierListener {

    static final long MIN_INTERVAL_NANOS = 250_000_000L;
    private static final System.Logger LOG = System.getLogger(SimulateDashboard.class.getName());
    private static final int LADDER_DEPTH = 20;

    private final Simulation simulation;
    private final DashboardFeed feed = new DashboardFeed();
    private final BookTracker tracker;
    private long version;
    private long lastNanos;
    private long lastSteps;
    private boolean failed;

    private SimulateDashboard(Simulation simulation) {
        this.simulation = simulation;
        this.tracker = new BookTracker(simulation.info().decimals(), LADDER_DEPTH);
    }

    /** Observes {@code simulation} from its next step, and publishes its state as it is now. */
    static SimulateDashboard attach(Simulation simulation) {
        SimulateDashboard dashboard = new SimulateDashboard(simulation);
        simulation.onBarrier(dashboard);
        dashboard.publish(false);
        return dashboard;
    }

    DashboardFeed feed() {
        return feed;
    }

    @Override
    public void onBarrier(long timestamp) {
        if (failed || !(System.nanoTime() - lastNanos >= MIN_INTERVAL_NANOS || simulation.finished())) {
            return;
        }
        try {
            publish(false);
        } catch (RuntimeException e) {
            // watching must never stop the run: the dashboard freezes at its last snapshot, the run goes on
            failed = true;
            LOG.log(System.Logger.Level.WARNING, "the dashboard stopped updating: " + e, e);
        }
    }

    /**
     * Says the run is over once its report is written: the last snapshot again, its overview marked finished (the
     * simulation itself may be closed by now).
     */
    void finished() {
        DashboardSnapshot last = feed.current();
        Overview o = last.overview();
        feed.publish(new DashboardSnapshot(++version, new Overview(o.source(), o.simulationId(), o.simTime(),
                o.duration(), o.steps(), 0, o.blocks(), o.booksPerBlock(), 0, 0, 0, 0, Optional.empty(), true),
                last.books(), List.of(), List.of()));
    }

    private void publish(boolean finished) {
        long now = System.nanoTime();
        Progress p = simulation.progress();
        double rate = lastNanos == 0 ? 0 : (p.steps() - lastSteps) / ((now - lastNanos) / 1e9);
        lastNanos = now;
        lastSteps = p.steps();
        List<BookState> books = simulation.bookStates();
        tracker.record(books);
        List<BookView> views = tracker.views(books, simulation.processValues("fundamental"));
        var info = simulation.info();
        Overview overview = new Overview("simulate", info.simulationId(), p.elapsed(), p.duration(), p.steps(), rate,
                info.blockCount(), info.booksPerBlock(), 0, 0, 0, 0, Optional.empty(), finished);
        feed.publish(new DashboardSnapshot(++version, overview, views, List.of(), List.of()));
    }
}
