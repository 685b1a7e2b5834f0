package io.mvtrx.runtime.gentrx.miner.training;

/** How the model reached the round's target version. */
public enum SyncPath {
    /** Already there. */
    UNCHANGED,
    /** Version deltas applied on top of the loaded model. */
    DELTAS,
    /** The latest full checkpoint loaded, then its following deltas. */
    CHECKPOINT,
    /** Nothing published yet: the model's own initial parameters, as version 0. */
    SEED
}
