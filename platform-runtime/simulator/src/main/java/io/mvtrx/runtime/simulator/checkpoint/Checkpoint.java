package io.mvtrx.runtime.simulator.checkpoint;

import java.nio.file.Path;

import io.mvtrx.runtime.simulator.log.EventLogWriter;

/**
 * One complete checkpoint on disk, as its manifest describes it.
 *
 * @param directory its directory, {@code <checkpoints>/step-N}
 * @param step      steps completed when it was taken
 * @param time      simulation time then, ns
 * @param run       what the run was built from (the configuration is read from the directory)
 * @param eventLog  where the run's event log stood: a resume cuts {@code events.l3} back to {@code bytes}
 */
public record Checkpoint(Path directory, long step, long time, RunDescription run, EventLogWriter.Position eventLog) {

    /** The run directory the checkpoint belongs to ({@code <run>/checkpoints/step-N}), if it lies in one. */
    public Path runDirectory() {
        Path checkpoints = directory.toAbsolutePath().getParent();
        return checkpoints == null || checkpoints.getParent() == null ? checkpoints : checkpoints.getParent();
    }
}
