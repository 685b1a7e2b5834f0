package io.mvtrx.runtime.gentrx.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's worker loop (the reference's {@code --loop-sleep-s}): one {@link GradientServer#tick()} pass, then a
 * pause, on one daemon thread, until closed. A failing pass is logged once per distinct message and the loop goes on
 * (a bucket that is down must not end the server). {@link #close()} waits for the pass in flight and persists.
 */
public final class GradientServerLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GradientServerLoop.class.getName());
    /** How long close waits for a pass in flight (scoring a round with the 12M model takes a while). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final GradientServer core;
    private final ScheduledExecutorService thread;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicReference<String> lastProblem = new AtomicReference<>("");

    private GradientServerLoop(GradientServer core, Duration pause) {
        this.core = core;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gradient-server-loop");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::pass, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the loop: a first pass at once, then one every {@code pause} after the previous ends. */
    public static GradientServerLoop start(GradientServer core, Duration pause) {
        Objects.requireNonNull(core, "core");
        if (pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("loop pause must be positive, got " + pause);
        }
        return new GradientServerLoop(core, pause);
    }

    /** Passes finished, failed ones included. */
    public long passes() {
        return passes.get();
    }

    /** The last pass's failure, empty when it went well. */
    public String lastProblem() {
        return lastProblem.get();
    }

    private void pass() {
        try {
            core.tick();
            if (!lastProblem.getAndSet("").isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "gradient server loop: passes succeed again");
            }
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastProblem.getAndSet(message))) {
                LOG.log(System.Logger.Level.WARNING, "gradient server loop: " + message
                        + " (logged once while it lasts)", e);
            }
        } finally {
            passes.incrementAndGet();
        }
    }

    /** Stops after the pass in flight, then persists the round state and the data staging. */
    @Override
    public void close() throws IOException {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "gradient server loop: a pass still runs after "
                        + CLOSE_WAIT.toSeconds() + " s; persisting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.persistAll();
    }
}
