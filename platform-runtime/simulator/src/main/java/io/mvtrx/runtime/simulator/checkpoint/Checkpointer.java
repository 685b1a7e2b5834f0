package io.mvtrx.runtime.simulator.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.mvtrx.runtime.simulator.Progress;
import io.mvtrx.runtime.simulator.Simulation;

/**
 * Writes a checkpoint every {@code interval} steps of a run: pass it (or call it from) the run's progress listener.
 * At each due barrier it captures the simulation's state on the simulation's thread (blocks in parallel), then hands
 * the files to one background writer, so the run goes on while they are written; the writer first makes the event
 * log and the Parquet log files open at the capture durable, then writes the checkpoint atomically
 * ({@link CheckpointStore}). A checkpoint still being written when the next is due is waited for. No checkpoint is taken at the end of the run.
 *
 * <p>Failures never stop the run; each is one line to {@code warnings}: a run with a plugin that cannot save its
 * state gets one line naming every such plugin when the checkpointer is created, and no checkpoints; a checkpoint
 * that cannot be written gets a line naming it, and the next one is tried as usual.
 *
 * <p>Used from the simulation's thread; {@link #close} waits for the last write.
 */
public final class Checkpointer implements Simulation.ProgressListener, AutoCloseable {

    private final Simulation simulation;
    private final CheckpointStore store;
    private final int interval;
    private final RunDescription run;
    private final Consumer<String> warnings;
    private final boolean enabled;
    private final ExecutorService writer;
    private Future<Checkpoint> pending;
    private Checkpoint last;
    private int written;
    private long captureNanos;
    private long writeNanos;
    private long bytes;

    /**
     * @param interval steps between checkpoints; 0 writes none
     * @param warnings receives one line per problem
     */
    public Checkpointer(Simulation simulation, CheckpointStore store, int interval, RunDescription run,
                        Consumer<String> warnings) {
        if (interval < 0) {
            throw new IllegalArgumentException("the checkpoint interval must be >= 0 steps, got " + interval);
        }
        this.simulation = simulation;
        this.store = store;
        this.interval = interval;
        this.run = run;
        this.warnings = warnings;
        boolean on = interval > 0;
        if (on && !simulation.unsnapshottable().isEmpty()) {
            warnings.accept("checkpoints disabled: " + String.join("; ", simulation.unsnapshottable())
                    + " cannot save its state (it does not implement io.mvtrx.api.snapshot.Snapshottable)");
            on = false;
        }
        this.enabled = on;
        this.writer = on ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mvtrx-checkpoint-writer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Whether checkpoints are written. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void onStep(Progress progress) {
        if (!enabled || progress.steps() % interval != 0 || simulation.finished()) {
            return;
        }
        long began = System.nanoTime();
        SimulationState state;
        try {
            state = simulation.capture();
        } catch (RuntimeException e) {
            warnings.accept(String.format("checkpoint at step %d not taken: %s", progress.steps(), e.getMessage()));
            return;
        }
        captureNanos += System.nanoTime() - began;
        awaitPending();
        List<Path> durable = simulation.filesToSync();
        pending = writer.submit(() -> {
            long start = System.nanoTime();
            durable.forEach(Checkpointer::sync);
            Checkpoint checkpoint = store.write(state, run);
            writeNanos += System.nanoTime() - start;
            bytes += state.size();
            return checkpoint;
        });
    }

    /** The last checkpoint written, waiting for one in progress. */
    public Optional<Checkpoint> last() {
        awaitPending();
        return Optional.ofNullable(last);
    }

    /** Checkpoints written so far (waits for one in progress). */
    public int written() {
        awaitPending();
        return written;
    }

    /** Wall ns spent capturing state on the simulation's thread (the run waits for that), all checkpoints. */
    public long captureNanos() {
        return captureNanos;
    }

    /** Wall ns the background writer spent on checkpoints (the run goes on meanwhile). */
    public long writeNanos() {
        awaitPending();
        return writeNanos;
    }

    /** State bytes written, all checkpoints. */
    public long bytes() {
        awaitPending();
        return bytes;
    }

    /** Waits for the checkpoint being written and stops the writer. */
    @Override
    public void close() {
        if (writer != null) {
            awaitPending();
            writer.shutdown();
        }
    }

    private void awaitPending() {
        if (pending == null) {
            return;
        }
        try {
            last = pending.get();
            written++;
        } catch (ExecutionException e) {
            warnings.accept("checkpoint not written: " + (e.getCause() == null ? e : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warnings.accept("interrupted while a checkpoint was written");
        } finally {
            pending = null;
        }
    }

    /** Makes a log file's bytes so far durable (fsync applies to the file, whichever descriptor asks). */
    private static void sync(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot make the log %s durable: %s", file,
                    e.getMessage()), e);
        }
    }
}
