package io.mvtrx.runtime.subtensor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weights as the chain takes them: uids and u16 values, converted as the SDK's
 * {@code convert_weights_and_uids_for_emit} does: negatives refused, scaled so the largest is 65535, rounded half to
 * even (Python's {@code round}), zeros dropped with their uids.
 *
 * @param uids   ascending uids
 * @param values the u16 weight of each uid
 */
public record U16Weights(List<Integer> uids, List<Integer> values) {

    /** The largest u16. */
    public static final int U16_MAX = 65535;

    public U16Weights {
        uids = List.copyOf(uids);
        values = List.copyOf(values);
        if (uids.size() != values.size()) {
            throw new IllegalArgumentException("uids and values differ in length");
        }
    }

    /**
     * Converts uid → weight; an all-zero (or empty) map gives no weights.
     *
     * @throws IllegalArgumentException for a negative or non-finite weight, or a uid outside u16
     */
    public static U16Weights of(Map<Integer, Double> weights) {
        double max = 0;
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            double w = e.getValue();
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException(String.format("weight of uid %d is %s; weights must be finite "
                        + "and non-negative", e.getKey(), w));
            }
            if (e.getKey() < 0 || e.getKey() > U16_MAX) {
                throw new IllegalArgumentException("uid " + e.getKey() + " is outside 0..65535");
            }
            max = Math.max(max, w);
        }
        List<Integer> uids = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        if (max == 0) {
            return new U16Weights(uids, values);
        }
        for (Map.Entry<Integer, Double> e : new TreeMap<>(weights).entrySet()) {
            // Python computes float(w) / max then round(x * 65535): the same two float operations, then half-even.
            double scaled = e.getValue() / max * U16_MAX;
            int value = new BigDecimal(scaled).setScale(0, RoundingMode.HALF_EVEN).intValueExact();
            if (value > 0) {
                uids.add(e.getKey());
                values.add(value);
            }
        }
        return new U16Weights(uids, values);
    }

    public boolean isEmpty() {
        return uids.isEmpty();
    }
}
