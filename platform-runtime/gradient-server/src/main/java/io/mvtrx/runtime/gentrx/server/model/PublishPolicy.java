package io.mvtrx.runtime.gentrx.server.model;

/**
 * How often full checkpoints go out and how many of each file are kept (reference defaults in {@link #defaults()}:
 * a checkpoint at version 1 and every 6th, keep 10 checkpoints, 24 deltas, 10 proposals).
 */
public record PublishPolicy(int checkpointInterval, int keepCheckpoints, int keepDeltas, int keepProposals) {

    public PublishPolicy {
        if (checkpointInterval < 1 || keepCheckpoints < 1 || keepDeltas < 1 || keepProposals < 1) {
            throw new IllegalArgumentException("checkpoint interval and keep counts must be at least 1: interval "
                    + checkpointInterval + ", checkpoints " + keepCheckpoints + ", deltas " + keepDeltas
                    + ", proposals " + keepProposals);
        }
    }

    public static PublishPolicy defaults() {
        return new PublishPolicy(6, 10, 24, 10);
    }

    public boolean fullCheckpoint(long version) {
        return version == 1 || version % checkpointInterval == 0;
    }
}
