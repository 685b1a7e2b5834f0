package io.mvtrx.runtime.gentrx.miner.training;

import java.util.List;

/**
 * What one training window did.
 *
 * @param steps  optimiser steps taken
 * @param losses the training loss of each step, in order
 */
public record TrainResult(int steps, List<Double> losses) {

    public TrainResult {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, got " + steps);
        }
        losses = List.copyOf(losses);
    }
}
