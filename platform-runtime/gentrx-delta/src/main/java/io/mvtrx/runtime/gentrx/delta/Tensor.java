package io.mvtrx.runtime.gentrx.delta;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named float32 parameter tensor in row-major order. The arrays are not copied: a tensor is a view the owner
 * promises not to mutate while others read it.
 *
 * @param name   parameter name, unique within a {@link TensorSet}
 * @param shape  dimensions, each at least 1; an empty shape is a scalar
 * @param values the elements, {@code product(shape)} of them
 */
public record Tensor(String name, int[] shape, float[] values) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tensor name is blank");
        }
        long elements = elementCount(shape);
        if (elements != values.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " holds "
                    + elements + " elements but " + values.length + " values were given");
        }
    }

    /** The number of elements a shape holds; refuses non-positive dimensions and more than 2^31-1 elements. */
    public static long elementCount(int[] shape) {
        long elements = 1;
        for (int dimension : shape) {
            if (dimension < 1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a dimension below 1");
            }
            elements *= dimension;
            if (elements > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds more than 2^31-1 elements");
            }
        }
        return elements;
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
