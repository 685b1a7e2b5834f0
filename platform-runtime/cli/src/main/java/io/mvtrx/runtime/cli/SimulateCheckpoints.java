package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.simulator.checkpoint.Checkpoint;
import io.mvtrx.runtime.simulator.checkpoint.CheckpointStore;
import io.mvtrx.runtime.simulator.checkpoint.Checkpointer;
import io.mvtrx.runtime.simulator.checkpoint.RunDescription;

/**
 * The checkpoint side of {@code mvtrx simulate}: where checkpoints go ({@code <out>/checkpoints/}), which one
 * {@code --resume} means, what a run records so that a resume needs nothing else, and the lines it prints.
 */
final class SimulateCheckpoints {

    /** The value of {@code --resume} that means the newest checkpoint of {@code --out}. */
    static final String LATEST = "latest";

    private SimulateCheckpoints() {
    }

    /**
     * The checkpoint {@code --resume} names: {@value #LATEST} (the newest under {@code out}), a checkpoint directory,
     * or a run directory (its newest).
     *
     * @throws CommandFailedException saying what was looked for, if there is none or it cannot be read
     */
    static Checkpoint locate(String resume, Path out) {
        Path where = LATEST.equals(resume) ? out : Path.of(resume);
        try {
            return CheckpointStore.locate(where);
        } catch (UncheckedIOException e) {
            throw new CommandFailedException("cannot resume: %s", e.getMessage());
        }
    }

    /** The configuration document as read, for the checkpoints: the file's bytes or the embedded default's. */
    static byte[] configBytes(Path config) {
        try {
            if (config == null) {
                try (InputStream embedded = SimulationConfigs.embeddedDefault()) {
                    return embedded.readAllBytes();
                }
            }
            return Files.readAllBytes(config);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read %s: %s", config, e.getMessage());
        }
    }

    /** What a checkpoint of this run records about it. */
    static RunDescription describe(Simulation simulation, String configName, byte[] configXml, boolean eventLog) {
        return new RunDescription(simulation.info().simulationId(), configName, configXml,
                simulation.clock().duration(), simulation.seed(), simulation.info().blockCount(),
                simulation.info().booksPerBlock(), eventLog);
    }

    /**
     * A checkpointer writing into {@code out/checkpoints} every {@code interval} steps (0: none), keeping the newest
     * {@code keep}; says so on {@code err} (or why it writes none).
     */
    static Checkpointer start(Simulation simulation, RunDescription run, Path out, int interval, int keep,
                              PrintWriter err) {
        CheckpointStore store = new CheckpointStore(out.resolve(CheckpointStore.FOLDER), keep);
        Checkpointer checkpointer = new Checkpointer(simulation, store, interval, run, line -> {
            err.println("mvtrx: " + line);
            err.flush();
        });
        if (checkpointer.enabled()) {
            err.printf(Locale.ROOT, "checkpoints every %d steps into %s (the newest %d kept)%n", interval,
                    store.directory(), keep);
            err.flush();
        }
        return checkpointer;
    }

    /** The closing line about the checkpoints written, if any. */
    static void summary(Checkpointer checkpointer, PrintWriter err) {
        if (!checkpointer.enabled()) {
            return;
        }
        int written = checkpointer.written();
        if (written > 0) {
            err.printf(Locale.ROOT, "checkpoints: %d written, %.1f MB, capture %.0f ms on the simulation thread, "
                            + "writing %.0f ms in the background; last %s%n", written, checkpointer.bytes() / 1e6,
                    checkpointer.captureNanos() / 1e6, checkpointer.writeNanos() / 1e6,
                    checkpointer.last().map(c -> c.directory().toString()).orElse("-"));
            err.flush();
        }
    }
}
