package io.mvtrx.runtime.gentrx.delta.gradient;

import java.util.Arrays;
import java.util.Objects;

import io.mvtrx.runtime.gentrx.delta.Tensor;

/**
 * The kept entries of one parameter's delta: flat row-major indices, strictly ascending, and their values. The
 * arrays are not copied (see {@link Tensor}).
 *
 * @param name    the parameter
 * @param shape   the parameter's shape
 * @param indices strictly ascending, each in {@code [0, elements)}
 * @param values  one per index, finite
 */
public record SparseTensor(String name, int[] shape, int[] indices, float[] values) {

    public SparseTensor {
        Objects.requireNonNull(name, "name");
        long elements = Tensor.elementCount(shape);
        if (indices.length != values.length) {
            throw new IllegalArgumentException("sparse tensor " + name + ": " + indices.length + " indices but "
                    + values.length + " values");
        }
        int previous = -1;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] <= previous || indices[i] >= elements) {
                throw new IllegalArgumentException("sparse tensor " + name + ": index " + indices[i] + " at position "
                        + i + " is not ascending within [0, " + elements + ")");
            }
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("sparse tensor " + name + ": value " + values[i] + " at index "
                        + indices[i] + " is not finite");
            }
            previous = indices[i];
        }
    }

    /** Entries kept. */
    public int count() {
        return indices.length;
    }

    public int elements() {
        return (int) Tensor.elementCount(shape);
    }

    /** The dense tensor: zeros with the kept values scattered in. */
    public Tensor toDense() {
        var dense = new float[elements()];
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] = values[i];
        }
        return new Tensor(name, shape, dense);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseTensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && Arrays.equals(indices, that.indices) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(indices), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "SparseTensor[" + name + " " + Arrays.toString(shape) + ", " + indices.length + " kept]";
    }
}
