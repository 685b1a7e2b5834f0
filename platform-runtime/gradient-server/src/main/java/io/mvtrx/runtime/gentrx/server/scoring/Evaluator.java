package io.mvtrx.runtime.gentrx.server.scoring;

import io.mvtrx.runtime.gentrx.delta.TensorSet;

import java.io.IOException;
import java.util.List;

/**
 * The model's loss on pages: the one thing scoring needs from the model. The TensorFlow order model binds to this;
 * tests use small closed-form losses.
 */
@FunctionalInterface
public interface Evaluator {

    /**
     * Mean per-batch loss of {@code weights} over at most {@code maxBatches} sequential batches of the pages, skipping
     * non-finite batches.
     *
     * @return the mean loss; {@code NaN} when no batch was finite; {@code 0} when the pages hold no batch at all
     */
    double loss(TensorSet weights, List<String> pageKeys, int maxBatches) throws IOException;
}
