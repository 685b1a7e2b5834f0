package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.mvtrx.api.gentrx.TrainingAssignment;

/**
 * The background thread a GenTRX agent owns. {@link #submit} never blocks: it leaves the assignment in a one-slot
 * mailbox where a newer round replaces an older one still waiting (only the newest round is worth training, gentrx.md
 * §7.1). The thread trains one round at a time and, between rounds, retries pending uploads.
 */
public final class TrainingWorker implements AutoCloseable {

    /** How often an idle worker looks at pending uploads. */
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(TrainingWorker.class.getName());

    private final RoundRunner runner;
    private final GradientUploader uploader;
    private final AtomicReference<TrainingAssignment> waiting = new AtomicReference<>();
    private final AtomicReference<WorkerStatus> status = new AtomicReference<>(WorkerStatus.initial());
    private final Thread thread;
    private volatile boolean running = true;

    public TrainingWorker(RoundRunner runner, GradientUploader uploader) {
        this.runner = runner;
        this.uploader = uploader;
        this.thread = Thread.ofPlatform().name("gentrx-training").daemon(true).unstarted(this::loop);
    }

    /** Starts the thread. */
    public TrainingWorker start() {
        thread.start();
        return this;
    }

    /** Queues an assignment; a waiting older round is dropped, a waiting newer one kept. Never blocks. */
    public void submit(TrainingAssignment assignment) {
        waiting.accumulateAndGet(assignment,
                (old, fresh) -> old == null || fresh.round() >= old.round() ? fresh : old);
        LockSupport.unpark(thread);
    }

    /** The assignment waiting to be trained, if any. */
    public Optional<TrainingAssignment> waiting() {
        return Optional.ofNullable(waiting.get());
    }

    public WorkerStatus status() {
        return status.get();
    }

    private void loop() {
        while (running) {
            TrainingAssignment next = waiting.getAndSet(null);
            if (next != null) {
                train(next);
            }
            retryPending();
            if (waiting.get() == null && running) {
                LockSupport.parkNanos(IDLE_POLL.toNanos());
            }
        }
    }

    private void train(TrainingAssignment assignment) {
        WorkerStatus before = status.get();
        status.set(new WorkerStatus(before.round(), before.modelVersion(), before.steps(), before.lossBefore(),
                before.lossAfter(), before.pendingUploads(), Optional.of(assignment.round()), Optional.empty()));
        try {
            RoundOutcome outcome = runner.run(assignment);
            boolean trained = !outcome.losses().isEmpty();
            status.set(new WorkerStatus(outcome.round(), outcome.sync().version(), outcome.steps(),
                    trained ? outcome.losses().getFirst() : before.lossBefore(),
                    trained ? outcome.losses().getLast() : before.lossAfter(), pendingCount(), Optional.empty(),
                    Optional.empty()));
            LOG.log(System.Logger.Level.INFO, String.format(
                    "round %d: model v%d (%s), %d pages (%d skipped), %d steps, loss %s, gradient %s",
                    outcome.round(), outcome.sync().version(), outcome.sync().path(), outcome.pagesUsed(),
                    outcome.pagesSkipped(), outcome.steps(), trained ? outcome.losses().getFirst() + " -> "
                            + outcome.losses().getLast() : "-",
                    outcome.gradientKey().map(k -> k + (outcome.uploaded() ? "" : " (pending)")).orElse("none")));
        } catch (IOException | RuntimeException e) {
            status.set(new WorkerStatus(assignment.round(), runner.modelVersion(), 0, before.lossBefore(),
                    before.lossAfter(), pendingCount(), Optional.empty(), Optional.of(e.getMessage())));
            LOG.log(System.Logger.Level.WARNING, String.format("round %d failed: %s", assignment.round(),
                    e.getMessage()));
        }
    }

    private void retryPending() {
        try {
            if (uploader.retryDue() > 0) {
                WorkerStatus now = status.get();
                status.set(new WorkerStatus(now.round(), now.modelVersion(), now.steps(), now.lossBefore(),
                        now.lossAfter(), pendingCount(), now.training(), now.lastError()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "retrying pending uploads failed: " + e.getMessage());
        }
    }

    private int pendingCount() {
        try {
            return uploader.pendingCount();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Stops the thread after the round in progress, waiting for it at most {@code wait}. */
    public void close(Duration wait) throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        if (thread.isAlive()) {
            thread.join(wait);
        }
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(60));
    }
}
