package io.mvtrx.runtime.config;

/**
 * Checkpointing, from the {@code ckpt*} attributes of {@code <Simulation>}.
 *
 * @param intervalInSteps      steps between checkpoints; 0 switches checkpointing off ({@code ckptIntervalInSteps})
 * @param keepLast             newest checkpoints kept, older ones deleted ({@code ckptNumLastFilesToKeep})
 * @param measureWallClockTime whether checkpoint writes are timed ({@code ckptMeasureWallClockTime})
 * @param workers              threads writing checkpoints ({@code ckptNumWorkers})
 */
public record CheckpointConfig(int intervalInSteps, int keepLast, boolean measureWallClockTime, int workers) {

    /** Checkpointing off, with the reference's defaults for the rest. */
    public static final CheckpointConfig OFF = new CheckpointConfig(0, 3, false, 1);

    public CheckpointConfig {
        Checks.atLeast("ckptIntervalInSteps", intervalInSteps, 0);
        Checks.atLeast("ckptNumLastFilesToKeep", keepLast, 1);
        Checks.atLeast("ckptNumWorkers", workers, 1);
    }

    /** Whether checkpoints are written at all. */
    public boolean enabled() {
        return intervalInSteps > 0;
    }
}
