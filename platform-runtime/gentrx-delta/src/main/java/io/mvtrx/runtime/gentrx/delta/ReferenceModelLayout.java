package io.mvtrx.runtime.gentrx.delta;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout.Parameter;

/**
 * The parameter names and shapes of the reference GenTRX order model (gentrx.md §4.2): d = 288, 8 decoder layers,
 * FFN 1152, FiLM after layers 2, 5 and 7, five output heads; 12,058,801 elements. Names are the reference's
 * state-dict keys, Linear weights {@code [out, in]}. The order is the order in which the reference lists them
 * (embeddings, time MLP, LOB projection, backbone layer by layer in Hugging Face's registration order, FiLM, heads);
 * it fixes the flat index space of deltas and the tensor order of checkpoints.
 */
public final class ReferenceModelLayout {

    /** Model width. */
    public static final int D_MODEL = 288;
    /** Decoder layers. */
    public static final int LAYERS = 8;
    /** Feed-forward width. */
    public static final int D_FF = 1152;
    /** Layers after which FiLM conditioning is applied (0-based). */
    public static final List<Integer> FILM_LAYERS = List.of(2, 5, 7);
    /** Element count of the whole model. */
    public static final long ELEMENTS = 12_058_801L;

    private static final List<String> FIELDS = List.of("order_type", "price", "vol_int", "vol_dec", "interval");
    private static final int[] FIELD_CLASSES = {5, 100, 64, 8, 64};

    private ReferenceModelLayout() {
    }

    public static ParameterLayout orderModel() {
        var p = new ArrayList<Parameter>();
        String[] embeddings = {"emb_type", "emb_price", "emb_vol_int", "emb_vol_dec", "emb_interval"};
        for (int i = 0; i < embeddings.length; i++) {
            p.add(new Parameter(embeddings[i] + ".weight", new int[] {FIELD_CLASSES[i], D_MODEL}));
        }
        p.add(new Parameter("emb_mid_delta.weight", new int[] {4001, D_MODEL}));
        linear(p, "time_proj.0", 64, 2);
        linear(p, "time_proj.2", D_MODEL, 64);
        linear(p, "lob_proj.0", D_MODEL, 20);
        norm(p, "lob_proj.1", true);
        p.add(new Parameter("backbone.model.embed_tokens.weight", new int[] {2, D_MODEL}));
        for (int layer = 0; layer < LAYERS; layer++) {
            String prefix = "backbone.model.layers." + layer + ".";
            for (String projection : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
                p.add(new Parameter(prefix + "self_attn." + projection + ".weight", new int[] {D_MODEL, D_MODEL}));
            }
            p.add(new Parameter(prefix + "mlp.gate_proj.weight", new int[] {D_FF, D_MODEL}));
            p.add(new Parameter(prefix + "mlp.up_proj.weight", new int[] {D_FF, D_MODEL}));
            p.add(new Parameter(prefix + "mlp.down_proj.weight", new int[] {D_MODEL, D_FF}));
            norm(p, prefix + "input_layernorm", false);
            norm(p, prefix + "post_attention_layernorm", false);
        }
        norm(p, "backbone.model.norm", false);
        for (int layer : FILM_LAYERS) {
            linear(p, "film." + layer + ".proj.0", 64, 22);
            linear(p, "film." + layer + ".proj.2", 2 * D_MODEL, 64);
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            norm(p, "heads." + FIELDS.get(i) + ".0", true);
            linear(p, "heads." + FIELDS.get(i) + ".1", FIELD_CLASSES[i], D_MODEL);
        }
        return ParameterLayout.of(p);
    }

    private static void linear(List<Parameter> p, String prefix, int out, int in) {
        p.add(new Parameter(prefix + ".weight", new int[] {out, in}));
        p.add(new Parameter(prefix + ".bias", new int[] {out}));
    }

    private static void norm(List<Parameter> p, String prefix, boolean withBias) {
        p.add(new Parameter(prefix + ".weight", new int[] {D_MODEL}));
        if (withBias) {
            p.add(new Parameter(prefix + ".bias", new int[] {D_MODEL}));
        }
    }
}
