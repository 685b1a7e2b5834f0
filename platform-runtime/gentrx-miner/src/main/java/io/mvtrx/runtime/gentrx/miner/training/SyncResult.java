package io.mvtrx.runtime.gentrx.miner.training;

/**
 * @param version       the model version now loaded (what the gradient reports as trained)
 * @param path          how it got there
 * @param deltasApplied version deltas applied
 */
public record SyncResult(long version, SyncPath path, int deltasApplied) {
}
