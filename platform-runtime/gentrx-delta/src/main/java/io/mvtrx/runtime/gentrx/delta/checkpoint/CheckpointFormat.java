package io.mvtrx.runtime.gentrx.delta.checkpoint;

import java.util.Set;

/**
 * Names of checkpoint format v1 (doc/gentrx-formats.md §2). A reader refuses any other {@code format_version}:
 * a new version is a new reader branch, never a silent reinterpretation.
 */
public final class CheckpointFormat {

    /** The {@code "format"} member. */
    public static final String NAME = "mvtrx-gentrx-checkpoint";
    /** The only {@code "format_version"} this code writes and reads. */
    public static final int VERSION = 1;
    /** The only dtype of version 1. */
    public static final String DTYPE_F32 = "F32";

    static final Set<String> HEADER_MEMBERS = Set.of("format", "format_version", "model_version",
            "train_regime_version", "model_config", "tokenizer_config", "metadata", "tensors");
    static final Set<String> TENSOR_MEMBERS = Set.of("name", "dtype", "shape", "data_offsets");

    private CheckpointFormat() {
    }
}
