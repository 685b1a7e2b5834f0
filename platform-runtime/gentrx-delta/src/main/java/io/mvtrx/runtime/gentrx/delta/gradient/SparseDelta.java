package io.mvtrx.runtime.gentrx.delta.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * A sparse parameter delta over a model layout: for some parameters, in layout order, the kept entries. A parameter
 * without an entry contributes zero (the reference allows a gradient to omit parameters). This is what a miner
 * uploads, what an aggregator averages and what a version delta may carry.
 *
 * <p>Immutable once built (the arrays are the caller's promise, as for {@link Tensor}); {@link #addTo} writes
 * only into its argument.
 */
public final class SparseDelta {

    private final ParameterLayout layout;
    private final List<SparseTensor> tensors;
    private final int[] layoutIndex;

    /**
     * @throws IllegalArgumentException for a tensor the layout does not hold, with another shape, or out of order
     */
    public SparseDelta(ParameterLayout layout, List<SparseTensor> tensors) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.tensors = List.copyOf(tensors);
        this.layoutIndex = new int[this.tensors.size()];
        int previous = -1;
        for (int i = 0; i < this.tensors.size(); i++) {
            SparseTensor tensor = this.tensors.get(i);
            int index = layout.indexOf(tensor.name()).orElseThrow(() -> new IllegalArgumentException(
                    "sparse tensor " + tensor.name() + " is not in the layout"));
            if (!layout.get(index).hasShape(tensor.shape())) {
                throw new IllegalArgumentException("sparse tensor " + tensor.name() + " has another shape than "
                        + layout.get(index));
            }
            if (index <= previous) {
                throw new IllegalArgumentException("sparse tensor " + tensor.name() + " is out of layout order");
            }
            layoutIndex[i] = index;
            previous = index;
        }
    }

    public ParameterLayout layout() {
        return layout;
    }

    public List<SparseTensor> tensors() {
        return tensors;
    }

    public Optional<SparseTensor> find(String name) {
        return tensors.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
    }

    /** Entries kept over all tensors. */
    public long count() {
        long count = 0;
        for (SparseTensor tensor : tensors) {
            count += tensor.count();
        }
        return count;
    }

    /**
     * Adds {@code scale × delta} into a flat array holding every parameter in layout order (the aggregator's
     * accumulator): {@code flat[offset(p) + i] += scale * value} in float32.
     */
    public void addTo(float[] flat, float scale) {
        if (flat.length != layout.totalElements()) {
            throw new IllegalArgumentException("flat array of " + flat.length + " elements does not match the layout's "
                    + layout.totalElements());
        }
        for (int t = 0; t < tensors.size(); t++) {
            SparseTensor tensor = tensors.get(t);
            int offset = (int) layout.offset(layoutIndex[t]);
            int[] indices = tensor.indices();
            float[] values = tensor.values();
            for (int i = 0; i < indices.length; i++) {
                flat[offset + indices[i]] += scale * values[i];
            }
        }
    }

    /** Adds {@code scale × delta} into a model's tensors in place; the set must have this layout. */
    public void addTo(TensorSet target, float scale) {
        if (!layout.matches(target)) {
            throw new IllegalArgumentException("tensor set does not have the delta's layout " + layout);
        }
        for (int t = 0; t < tensors.size(); t++) {
            SparseTensor tensor = tensors.get(t);
            float[] into = target.tensors().get(layoutIndex[t]).values();
            int[] indices = tensor.indices();
            float[] values = tensor.values();
            for (int i = 0; i < indices.length; i++) {
                into[indices[i]] += scale * values[i];
            }
        }
    }

    /** Decompresses: every parameter of the layout, zero except the kept entries. */
    public TensorSet toDense() {
        var dense = new ArrayList<Tensor>(layout.size());
        int next = 0;
        for (int p = 0; p < layout.size(); p++) {
            if (next < tensors.size() && layoutIndex[next] == p) {
                dense.add(tensors.get(next++).toDense());
            } else {
                var parameter = layout.get(p);
                dense.add(new Tensor(parameter.name(), parameter.shape(), new float[parameter.elements()]));
            }
        }
        return new TensorSet(dense);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseDelta that && layout.equals(that.layout) && tensors.equals(that.tensors);
    }

    @Override
    public int hashCode() {
        return 31 * layout.hashCode() + tensors.hashCode();
    }

    @Override
    public String toString() {
        return "SparseDelta[" + tensors.size() + " tensors, " + count() + " entries]";
    }
}
