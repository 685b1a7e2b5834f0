package io.mvtrx.runtime.gentrx.delta;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of a model: named tensors in a fixed order. The order is part of the identity of a model
 * layout, because compressed deltas address elements by their flat index over the tensors in this order.
 */
public record TensorSet(List<Tensor> tensors) {

    public TensorSet {
        tensors = List.copyOf(tensors);
        var names = new HashSet<String>();
        for (Tensor tensor : tensors) {
            if (!names.add(tensor.name())) {
                throw new IllegalArgumentException("tensor name " + tensor.name() + " appears twice");
            }
        }
    }

    /** All elements over all tensors: the length of the flat index space deltas address. */
    public long totalElements() {
        long total = 0;
        for (Tensor tensor : tensors) {
            total += tensor.size();
        }
        return total;
    }

    public Optional<Tensor> find(String name) {
        return tensors.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
    }

    /** Whether another set has the same names and shapes in the same order (values may differ). */
    public boolean sameLayout(TensorSet other) {
        if (tensors.size() != other.tensors.size()) {
            return false;
        }
        for (int i = 0; i < tensors.size(); i++) {
            Tensor mine = tensors.get(i);
            Tensor theirs = other.tensors.get(i);
            if (!mine.name().equals(theirs.name()) || !java.util.Arrays.equals(mine.shape(), theirs.shape())) {
                return false;
            }
        }
        return true;
    }
}
