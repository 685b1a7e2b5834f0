package io.mvtrx.runtime.gentrx.miner.training;

import java.util.Optional;

/**
 * What the training worker last did, for logs and dashboards.
 *
 * @param round          the last round finished (trained, skipped or failed), -1 before the first
 * @param modelVersion   the model version loaded, -1 before the first sync
 * @param steps          steps of the last trained round
 * @param lossBefore     first loss of the last trained round (NaN before one)
 * @param lossAfter      last loss of the last trained round (NaN before one)
 * @param pendingUploads gradients waiting for a retry
 * @param training       the round being trained now, if any
 * @param lastError      why the last round failed, if it did
 */
public record WorkerStatus(long round, long modelVersion, int steps, double lossBefore, double lossAfter,
                           int pendingUploads, Optional<Long> training, Optional<String> lastError) {

    /** Before any round. */
    public static WorkerStatus initial() {
        return new WorkerStatus(-1, -1, 0, Double.NaN, Double.NaN, 0, Optional.empty(), Optional.empty());
    }
}
