package io.mvtrx.runtime.gentrx.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;

/**
 * One model parameter: its reference state-dict name, PyTorch shape and how a fresh model initialises it.
 *
 * <p>Initialisation follows Hugging Face Llama's {@code initializer_range} 0.02 for every matrix (embeddings and
 * Linear weights), zero biases, unit norm scales; the last FiLM Linear starts at zero weights with bias γ = 1, β = 0 so
 * that FiLM is the identity at step 0 (gentrx.md §4.2).
 */
record ParameterSpec(String name, int[] shape, Init init) {

    enum Init { NORMAL, ZEROS, ONES, FILM_BIAS }

    private static final double INIT_STD = 0.02;

    int elements() {
        return (int) Tensor.elementCount(shape);
    }

    /** Fresh values drawn from {@code random} (consumed only by {@link Init#NORMAL}). */
    float[] initialValues(SplittableRandom random) {
        float[] values = new float[elements()];
        switch (init) {
            case NORMAL -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (gaussian(random) * INIT_STD);
                }
            }
            case ZEROS -> { }
            case ONES -> Arrays.fill(values, 1f);
            case FILM_BIAS -> Arrays.fill(values, 0, values.length / 2, 1f);
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian of its own in every release; this keeps draws seed-exact.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** All parameters of a model in the reference state-dict order. */
    static List<ParameterSpec> of(ModelConfig config) {
        int d = config.dModel();
        var specs = new ArrayList<ParameterSpec>();
        for (Field field : Field.values()) {
            specs.add(new ParameterSpec(field.embeddingName() + ".weight", new int[] {config.classes(field), d},
                    Init.NORMAL));
        }
        specs.add(new ParameterSpec("emb_mid_delta.weight", new int[] {config.midDeltaBuckets(), d}, Init.NORMAL));
        linear(specs, "time_proj.0", config.timeHidden(), 2, Init.ZEROS);
        linear(specs, "time_proj.2", d, config.timeHidden(), Init.ZEROS);
        linear(specs, "lob_proj.0", d, config.lobDim(), Init.ZEROS);
        layerNorm(specs, "lob_proj.1", d);
        // The Llama backbone's token table (vocab 2) exists in the reference but inputs are embeddings.
        specs.add(new ParameterSpec("backbone.model.embed_tokens.weight", new int[] {2, d}, Init.NORMAL));
        for (int layer = 0; layer < config.nLayers(); layer++) {
            String prefix = "backbone.model.layers." + layer + ".";
            for (String projection : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
                specs.add(new ParameterSpec(prefix + "self_attn." + projection + ".weight", new int[] {d, d},
                        Init.NORMAL));
            }
            specs.add(new ParameterSpec(prefix + "mlp.gate_proj.weight", new int[] {config.dFf(), d}, Init.NORMAL));
            specs.add(new ParameterSpec(prefix + "mlp.up_proj.weight", new int[] {config.dFf(), d}, Init.NORMAL));
            specs.add(new ParameterSpec(prefix + "mlp.down_proj.weight", new int[] {d, config.dFf()}, Init.NORMAL));
            specs.add(new ParameterSpec(prefix + "input_layernorm.weight", new int[] {d}, Init.ONES));
            specs.add(new ParameterSpec(prefix + "post_attention_layernorm.weight", new int[] {d}, Init.ONES));
        }
        specs.add(new ParameterSpec("backbone.model.norm.weight", new int[] {d}, Init.ONES));
        for (int layer : config.filmLayers()) {
            linear(specs, "film." + layer + ".proj.0", config.filmDCond(), config.condDim(), Init.ZEROS);
            specs.add(new ParameterSpec("film." + layer + ".proj.2.weight", new int[] {2 * d, config.filmDCond()},
                    Init.ZEROS));
            specs.add(new ParameterSpec("film." + layer + ".proj.2.bias", new int[] {2 * d}, Init.FILM_BIAS));
        }
        for (Field field : Field.values()) {
            layerNorm(specs, "heads." + field.referenceName() + ".0", d);
            linear(specs, "heads." + field.referenceName() + ".1", config.classes(field), d, Init.ZEROS);
        }
        return List.copyOf(specs);
    }

    static ParameterLayout layout(List<ParameterSpec> specs) {
        return ParameterLayout.of(specs.stream()
                .map(spec -> new ParameterLayout.Parameter(spec.name(), spec.shape()))
                .toList());
    }

    private static void linear(List<ParameterSpec> specs, String prefix, int out, int in, Init bias) {
        specs.add(new ParameterSpec(prefix + ".weight", new int[] {out, in}, Init.NORMAL));
        specs.add(new ParameterSpec(prefix + ".bias", new int[] {out}, bias));
    }

    private static void layerNorm(List<ParameterSpec> specs, String prefix, int d) {
        specs.add(new ParameterSpec(prefix + ".weight", new int[] {d}, Init.ONES));
        specs.add(new ParameterSpec(prefix + ".bias", new int[] {d}, Init.ZEROS));
    }
}
