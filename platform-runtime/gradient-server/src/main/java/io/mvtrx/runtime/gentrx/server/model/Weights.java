package io.mvtrx.runtime.gentrx.server.model;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseTensor;

import java.util.ArrayList;
import java.util.List;

/** Small operations on model weights: tensor values are mutable arrays, so every trial works on a copy. */
public final class Weights {

    private Weights() {
    }

    /** A deep copy. */
    public static TensorSet copy(TensorSet weights) {
        List<Tensor> out = new ArrayList<>(weights.tensors().size());
        for (Tensor t : weights.tensors()) {
            out.add(new Tensor(t.name(), t.shape().clone(), t.values().clone()));
        }
        return new TensorSet(out);
    }

    /** A copy of {@code base} with {@code delta} added. */
    public static TensorSet plus(TensorSet base, SparseDelta delta) {
        TensorSet copy = copy(base);
        delta.addTo(copy, 1f);
        return copy;
    }

    public static boolean allFinite(TensorSet weights) {
        for (Tensor t : weights.tensors()) {
            for (float v : t.values()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** L2 norm of a sparse delta's values. */
    public static double norm(SparseDelta delta) {
        double sum = 0;
        for (SparseTensor t : delta.tensors()) {
            for (float v : t.values()) {
                sum += (double) v * v;
            }
        }
        return Math.sqrt(sum);
    }
}
