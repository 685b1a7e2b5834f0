package io.mvtrx.runtime.gentrx.miner.training;

import java.util.function.DoubleConsumer;

import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * The model as the training worker sees it: parameters in and out, and one training window. The TensorFlow model
 * (module gentrx-model) plugs in here. Called from the worker's thread only.
 */
public interface ModelTrainer {

    /** A copy of the current parameters, in the model's layout order; later changes to it do not touch the model. */
    TensorSet parameters();

    /** Replaces the parameters; the set has the model's layout. */
    void load(TensorSet parameters);

    /**
     * Trains on the windows with a fresh optimiser (no state carried between rounds, gentrx.md §4.4): checks the
     * budget before each optimiser step, stops at {@code stepCap} steps when it is above 0, and stops at a non-finite
     * loss without reporting it.
     *
     * @param perStepLoss receives each step's training loss, in order
     */
    TrainResult train(TrainingWindows windows, RoundBudget budget, int stepCap, DoubleConsumer perStepLoss);
}
