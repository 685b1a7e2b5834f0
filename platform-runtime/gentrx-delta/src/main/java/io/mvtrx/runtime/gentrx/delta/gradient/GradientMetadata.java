package io.mvtrx.runtime.gentrx.delta.gradient;

import java.util.List;

/**
 * What a miner says about its training window (gentrx.md §5). Losses are finite: a window that hit a non-finite
 * loss stops and is not uploaded, and JSON cannot carry NaN anyway.
 *
 * @param windowId            the round the gradient answers
 * @param minerUid            the miner's uid on the subnet
 * @param stepsTrained        optimiser steps taken
 * @param lossBefore          training loss at the first step
 * @param lossAfter           training loss at the last step
 * @param lossTrajectory      per-step losses
 * @param modelVersionTrained the model version trained from (0 = untagged)
 */
public record GradientMetadata(long windowId, int minerUid, int stepsTrained, double lossBefore, double lossAfter,
                               List<Double> lossTrajectory, long modelVersionTrained) {

    /** Per-step losses beyond this are refused (a 240 s window at a few steps per second is far below). */
    public static final int MAX_TRAJECTORY = 100_000;
    /** Highest uid a subnet can hold. */
    public static final int MAX_UID = 65_535;

    public GradientMetadata {
        if (windowId < 0) {
            throw new IllegalArgumentException("window_id must be at least 0, got " + windowId);
        }
        if (minerUid < 0 || minerUid > MAX_UID) {
            throw new IllegalArgumentException("miner_uid must be in [0, " + MAX_UID + "], got " + minerUid);
        }
        if (stepsTrained < 0) {
            throw new IllegalArgumentException("steps_trained must be at least 0, got " + stepsTrained);
        }
        if (modelVersionTrained < 0) {
            throw new IllegalArgumentException("model_v_trained must be at least 0, got " + modelVersionTrained);
        }
        requireFinite("loss_before", lossBefore);
        requireFinite("loss_after", lossAfter);
        lossTrajectory = List.copyOf(lossTrajectory);
        if (lossTrajectory.size() > MAX_TRAJECTORY) {
            throw new IllegalArgumentException("loss_trajectory holds " + lossTrajectory.size()
                    + " losses; at most " + MAX_TRAJECTORY + " are allowed");
        }
        for (int i = 0; i < lossTrajectory.size(); i++) {
            requireFinite("loss_trajectory[" + i + "]", lossTrajectory.get(i));
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
    }
}
