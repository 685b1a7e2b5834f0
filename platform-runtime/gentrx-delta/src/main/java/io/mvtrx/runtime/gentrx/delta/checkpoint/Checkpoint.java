package io.mvtrx.runtime.gentrx.delta.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * A full model at one published version: its parameters plus what a reader needs to know it can load them
 * (gentrx.md §4.5). Configurations are string maps so this module does not depend on the model's types; the
 * model module writes and reads its own keys.
 *
 * @param modelVersion       the version the aggregator published (0 for a seed)
 * @param trainRegimeVersion the training-regime stamp; a reader with a newer regime treats the weights as
 *                           incompatible (keep them, force warm-up)
 * @param modelConfig        architecture settings (d_model, n_layers, ...), as text
 * @param tokenizerConfig    tokenizer settings (bins, ranges), as text
 * @param metadata           anything else worth keeping (step, loss, producer), as text
 * @param tensors            the parameters, in layout order
 */
public record Checkpoint(long modelVersion, int trainRegimeVersion, Map<String, String> modelConfig,
                         Map<String, String> tokenizerConfig, Map<String, String> metadata, TensorSet tensors) {

    public Checkpoint {
        if (modelVersion < 0) {
            throw new IllegalArgumentException("model version must be at least 0, got " + modelVersion);
        }
        if (trainRegimeVersion < 0) {
            throw new IllegalArgumentException("train regime version must be at least 0, got " + trainRegimeVersion);
        }
        modelConfig = copy(modelConfig);
        tokenizerConfig = copy(tokenizerConfig);
        metadata = copy(metadata);
        Objects.requireNonNull(tensors, "tensors");
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
