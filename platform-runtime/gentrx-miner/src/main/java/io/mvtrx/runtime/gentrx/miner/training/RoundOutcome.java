package io.mvtrx.runtime.gentrx.miner.training;

import java.util.List;
import java.util.Optional;

/**
 * What one round did.
 *
 * @param round        the assignment's round
 * @param sync         how the model reached its version
 * @param pagesUsed    pages trained on
 * @param pagesSkipped pages absent or with at most seq_len rows
 * @param windows      training windows available
 * @param steps        optimiser steps taken
 * @param losses       per-step losses
 * @param topKFraction fraction of each tensor kept
 * @param gradientKey  the key the gradient was put (or is pending) under; empty when nothing was worth uploading
 * @param uploaded     whether the gradient is in the bucket now (false: pending, or nothing to upload)
 */
public record RoundOutcome(long round, SyncResult sync, int pagesUsed, int pagesSkipped, int windows, int steps,
                           List<Double> losses, double topKFraction, Optional<String> gradientKey, boolean uploaded) {

    public RoundOutcome {
        losses = List.copyOf(losses);
    }
}
