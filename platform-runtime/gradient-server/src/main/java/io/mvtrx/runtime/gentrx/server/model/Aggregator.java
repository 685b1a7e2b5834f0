package io.mvtrx.runtime.gentrx.server.model;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.gradient.TopK;

import java.util.List;

/**
 * The local aggregate of a round's accepted deltas (gentrx.md §6.3): their dense mean — every coordinate divided by
 * the number of deltas, a coordinate a delta does not carry counting as 0 — re-compressed at {@code topKFraction}.
 * One accepted delta passes through unchanged. No learning rate, no score weighting.
 */
public final class Aggregator {

    private final double topKFraction;

    /** @param topKFraction fraction of each tensor kept after averaging (1.0 keeps everything) */
    public Aggregator(double topKFraction) {
        if (!(topKFraction > 0 && topKFraction <= 1)) {
            throw new IllegalArgumentException("aggregate top-k fraction must be in (0, 1], got " + topKFraction);
        }
        this.topKFraction = topKFraction;
    }

    public SparseDelta mean(List<SparseDelta> deltas, ParameterLayout layout) {
        if (deltas.isEmpty()) {
            throw new IllegalArgumentException("nothing to aggregate");
        }
        if (deltas.size() == 1) {
            return deltas.getFirst();
        }
        TensorSet sum = layout.zeros();
        float share = 1f / deltas.size();
        for (SparseDelta delta : deltas) {
            delta.addTo(sum, share);
        }
        for (Tensor t : sum.tensors()) {
            float[] v = t.values();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    v[i] = 0f; // finite inputs can still overflow; a zero keeps the aggregate applicable
                }
            }
        }
        return TopK.compress(layout.zeros(), sum, topKFraction);
    }
}
