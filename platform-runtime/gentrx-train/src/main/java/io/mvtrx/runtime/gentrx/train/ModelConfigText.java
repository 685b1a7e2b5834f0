package io.mvtrx.runtime.gentrx.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.gentrx.model.ModelConfig;

/**
 * A model configuration as the text map a checkpoint carries ({@code model_config}, gentrx.md §4.5: the reference's
 * key names, plus {@code time_hidden}), and back. Reading refuses a missing or non-integer key, naming it.
 */
public final class ModelConfigText {

    private ModelConfigText() {
    }

    public static Map<String, String> toMap(ModelConfig config) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("n_types", Integer.toString(config.nTypes()));
        map.put("n_price_bins", Integer.toString(config.nPriceBins()));
        map.put("n_vol_int_bins", Integer.toString(config.nVolIntBins()));
        map.put("n_vol_dec_bins", Integer.toString(config.nVolDecBins()));
        map.put("n_interval_bins", Integer.toString(config.nIntervalBins()));
        map.put("d_model", Integer.toString(config.dModel()));
        map.put("n_layers", Integer.toString(config.nLayers()));
        map.put("n_heads", Integer.toString(config.nHeads()));
        map.put("d_ff", Integer.toString(config.dFf()));
        map.put("max_seq_len", Integer.toString(config.maxSeqLen()));
        map.put("lob_dim", Integer.toString(config.lobDim()));
        map.put("max_mid_delta", Integer.toString(config.maxMidDelta()));
        map.put("film_layers", String.join(",", config.filmLayers().stream().map(String::valueOf).toList()));
        map.put("film_d_cond", Integer.toString(config.filmDCond()));
        map.put("time_hidden", Integer.toString(config.timeHidden()));
        return map;
    }

    public static ModelConfig fromMap(Map<String, String> map) {
        List<Integer> film = new ArrayList<>();
        String layers = required(map, "film_layers").replace("[", "").replace("]", "").strip();
        if (!layers.isEmpty()) {
            for (String layer : layers.split(",")) {
                film.add(integer("film_layers", layer.strip()));
            }
        }
        return new ModelConfig(number(map, "n_types"), number(map, "n_price_bins"), number(map, "n_vol_int_bins"),
                number(map, "n_vol_dec_bins"), number(map, "n_interval_bins"), number(map, "d_model"),
                number(map, "n_layers"), number(map, "n_heads"), number(map, "d_ff"), number(map, "max_seq_len"),
                number(map, "lob_dim"), number(map, "max_mid_delta"), film, number(map, "film_d_cond"),
                number(map, "time_hidden"));
    }

    private static int number(Map<String, String> map, String key) {
        return integer(key, required(map, key));
    }

    private static String required(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("model_config has no '" + key + "'");
        }
        return value;
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model_config '" + key + "' is not an integer: '" + value + "'");
        }
    }
}
