package io.mvtrx.runtime.gentrx.delta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The names and shapes of a model's parameters in their fixed order, without values: what a reader checks an
 * untrusted checkpoint or gradient against, and what maps a tensor's element to its place in one flat array
 * ({@link #offset}).
 *
 * <p>Immutable; safe from any thread. Lookup by name is O(1).
 */
public final class ParameterLayout {

    /**
     * One parameter.
     *
     * @param name  unique within the layout
     * @param shape dimensions, each at least 1
     */
    public record Parameter(String name, int[] shape) {

        public Parameter {
            Objects.requireNonNull(name, "name");
            shape = shape.clone();
            Tensor.elementCount(shape);
            if (name.isBlank()) {
                throw new IllegalArgumentException("parameter name is blank");
            }
        }

        public int elements() {
            return (int) Tensor.elementCount(shape);
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        public boolean hasShape(int[] other) {
            return Arrays.equals(shape, other);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Parameter that && name.equals(that.name) && Arrays.equals(shape, that.shape);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + " " + Arrays.toString(shape);
        }
    }

    private final List<Parameter> parameters;
    private final Map<String, Integer> indexByName;
    private final long[] offsets;
    private final long totalElements;

    private ParameterLayout(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.indexByName = new HashMap<>();
        this.offsets = new long[this.parameters.size()];
        long total = 0;
        for (int i = 0; i < this.parameters.size(); i++) {
            Parameter parameter = this.parameters.get(i);
            if (indexByName.putIfAbsent(parameter.name(), i) != null) {
                throw new IllegalArgumentException("parameter name " + parameter.name() + " appears twice");
            }
            offsets[i] = total;
            total += parameter.elements();
        }
        this.totalElements = total;
    }

    public static ParameterLayout of(List<Parameter> parameters) {
        return new ParameterLayout(parameters);
    }

    /** The layout of a set of tensors (names and shapes in the set's order). */
    public static ParameterLayout of(TensorSet tensors) {
        var parameters = new ArrayList<Parameter>(tensors.tensors().size());
        for (Tensor tensor : tensors.tensors()) {
            parameters.add(new Parameter(tensor.name(), tensor.shape()));
        }
        return new ParameterLayout(parameters);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public int size() {
        return parameters.size();
    }

    public Parameter get(int index) {
        return parameters.get(index);
    }

    /** The position of a parameter in the layout order, empty for a name the layout does not hold. */
    public OptionalInt indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** Where the parameter at {@code index} starts in the flat concatenation of all parameters in layout order. */
    public long offset(int index) {
        return offsets[index];
    }

    public long totalElements() {
        return totalElements;
    }

    /** Whether a set of tensors has exactly these names and shapes, in this order. */
    public boolean matches(TensorSet tensors) {
        if (tensors.tensors().size() != parameters.size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            Tensor tensor = tensors.tensors().get(i);
            Parameter parameter = parameters.get(i);
            if (!parameter.name().equals(tensor.name()) || !parameter.hasShape(tensor.shape())) {
                return false;
            }
        }
        return true;
    }

    /** A set of zero tensors with this layout. */
    public TensorSet zeros() {
        var tensors = new ArrayList<Tensor>(parameters.size());
        for (Parameter parameter : parameters) {
            tensors.add(new Tensor(parameter.name(), parameter.shape(), new float[parameter.elements()]));
        }
        return new TensorSet(tensors);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterLayout that && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterLayout[" + parameters.size() + " parameters, " + totalElements + " elements]";
    }
}
