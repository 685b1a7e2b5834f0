package io.mvtrx.runtime.gentrx.delta.gradient;

import java.util.Objects;

/**
 * One miner's upload for one round: its metadata and its compressed parameter delta. Encoded by
 * {@link GradientCodec}.
 */
public record Gradient(GradientMetadata metadata, SparseDelta delta) {

    public Gradient {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(delta, "delta");
    }
}
