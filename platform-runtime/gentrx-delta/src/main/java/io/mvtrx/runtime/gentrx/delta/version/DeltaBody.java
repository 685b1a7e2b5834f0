package io.mvtrx.runtime.gentrx.delta.version;

import java.util.Objects;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;

/**
 * The change a version delta carries: every element ({@link Dense}, 4 bytes each, for an aggregate kept at fraction
 * 1.0) or the kept elements only ({@link Sparse}, 8 bytes each). The aggregator picks whichever is smaller; the
 * reference always wrote int64 index + float32 value, 12 bytes per element, even for a dense aggregate
 * (gentrx.md §11.5).
 */
public sealed interface DeltaBody {

    ParameterLayout layout();

    /** Elements this body stores. */
    long storedElements();

    /** Every parameter's change, in layout order. */
    record Dense(TensorSet delta) implements DeltaBody {
        public Dense {
            Objects.requireNonNull(delta, "delta");
        }

        @Override
        public ParameterLayout layout() {
            return ParameterLayout.of(delta);
        }

        @Override
        public long storedElements() {
            return delta.totalElements();
        }
    }

    /** The kept entries of some parameters; the rest are unchanged. */
    record Sparse(SparseDelta delta) implements DeltaBody {
        public Sparse {
            Objects.requireNonNull(delta, "delta");
        }

        @Override
        public ParameterLayout layout() {
            return delta.layout();
        }

        @Override
        public long storedElements() {
            return delta.count();
        }
    }
}
