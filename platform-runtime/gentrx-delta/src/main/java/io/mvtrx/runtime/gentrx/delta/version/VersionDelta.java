package io.mvtrx.runtime.gentrx.delta.version;

import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;

/**
 * The published change that takes the model from {@code fromVersion} to {@code toVersion} (normally v−1 to v,
 * stored under {@code deltas/<uid>/v{to:05d}.grad}). The aggregator commits a version by adding exactly this body
 * to its weights in float32, so a miner at {@code fromVersion} that applies it holds the same bits;
 * {@code stateHash}, when present, is the {@link StateHash} of the model after applying and lets the miner check.
 *
 * @param fromVersion the version the delta applies to
 * @param toVersion   the version it produces, greater than {@code fromVersion}
 * @param body        the change
 * @param stateHash   lowercase hex SHA-256 of the resulting model, if published
 */
public record VersionDelta(long fromVersion, long toVersion, DeltaBody body, Optional<String> stateHash) {

    public VersionDelta {
        if (fromVersion < 0 || toVersion <= fromVersion) {
            throw new IllegalArgumentException("a version delta goes from a version >= 0 to a later one, got "
                    + fromVersion + " -> " + toVersion);
        }
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(stateHash, "stateHash");
        stateHash.ifPresent(StateHash::requireHex);
    }

    /** Adds the change into a model at {@code fromVersion}, in place. */
    public void applyTo(TensorSet model) {
        ParameterLayout layout = body.layout();
        if (!layout.matches(model)) {
            throw new IllegalArgumentException("model does not have the delta's layout " + layout);
        }
        switch (body) {
            case DeltaBody.Dense dense -> {
                for (int t = 0; t < model.tensors().size(); t++) {
                    float[] into = model.tensors().get(t).values();
                    float[] change = dense.delta().tensors().get(t).values();
                    for (int i = 0; i < into.length; i++) {
                        into[i] += change[i];
                    }
                }
            }
            case DeltaBody.Sparse sparse -> sparse.delta().addTo(model, 1f);
        }
    }

    /** Whether a model's hash equals the published one; true when none was published. */
    public boolean verifies(TensorSet model) {
        return stateHash.map(expected -> expected.equals(StateHash.of(model))).orElse(true);
    }

    /**
     * The smaller encoding of an aggregate: sparse costs 8 bytes per kept entry, dense 4 per model element, so
     * dense wins once more than half of the elements are kept. Both apply identically.
     */
    public static DeltaBody smallerBody(SparseDelta aggregate) {
        if (2 * aggregate.count() > aggregate.layout().totalElements()) {
            return new DeltaBody.Dense(aggregate.toDense());
        }
        return new DeltaBody.Sparse(aggregate);
    }

    /** A dense body from the difference of two models with the same layout ({@code after − before}, float32). */
    public static DeltaBody.Dense denseDifference(TensorSet before, TensorSet after) {
        if (!before.sameLayout(after)) {
            throw new IllegalArgumentException("before and after do not have the same tensor layout");
        }
        var tensors = new ArrayList<Tensor>(before.tensors().size());
        for (int t = 0; t < before.tensors().size(); t++) {
            Tensor b = before.tensors().get(t);
            float[] a = after.tensors().get(t).values();
            var d = new float[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a[i] - b.values()[i];
            }
            tensors.add(new Tensor(b.name(), b.shape(), d));
        }
        return new DeltaBody.Dense(new TensorSet(tensors));
    }
}
