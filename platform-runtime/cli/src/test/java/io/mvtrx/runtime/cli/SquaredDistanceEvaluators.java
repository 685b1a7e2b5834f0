package io.mvtrx.runtime.cli;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.server.scoring.Evaluator;
import io.mvtrx.runtime.gentrx.server.scoring.EvaluatorFactory;

/** A test evaluator for {@code mvtrx gradient-server}: the squared length of every weight, whatever the pages. */
public final class SquaredDistanceEvaluators implements EvaluatorFactory {

    @Override
    public String name() {
        return "test-squared-length";
    }

    @Override
    public Evaluator create(StorageBackend pages, Checkpoint seed) {
        return (weights, pageKeys, maxBatches) -> {
            double sum = 0;
            for (Tensor t : weights.tensors()) {
                for (float v : t.values()) {
                    sum += (double) v * v;
                }
            }
            return pageKeys.isEmpty() ? 0 : sum;
        };
    }
}
