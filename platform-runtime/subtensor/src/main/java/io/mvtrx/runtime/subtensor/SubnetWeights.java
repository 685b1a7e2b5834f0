package io.mvtrx.runtime.subtensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SDK's {@code process_weights_for_netuid} as τaos calls it (exclude quantile 0), in float32 as there: makes a
 * weight vector acceptable to the chain's {@code MinAllowedWeights} and {@code MaxWeightsLimit} before the u16
 * conversion. No positive weight, or a subnet smaller than the minimum: uniform over all uids. Fewer positive
 * weights than the minimum: every uid gets 1e-5 more. Then the largest share is capped at the limit
 * ({@code normalize_max_weight}). numpy sums float32 pairwise; sums here run left to right, so a result may differ in
 * the last float bit, which the u16 rounding absorbs but for exact halves.
 */
public final class SubnetWeights {

    private static final float EPSILON = 1e-7f;
    private static final float FLOOR = 1e-5f;

    private SubnetWeights() {
    }

    /**
     * The weights to send.
     *
     * @param weights           uid → weight (uids below {@code subnetSize}; negative or zero weights count as none)
     * @param subnetSize        registered uids ({@code SubnetworkN})
     * @param minAllowedWeights {@code MinAllowedWeights}
     * @param maxWeightsLimit   {@code MaxWeightsLimit} (u16; the share limit is this / 65535)
     * @return uid → weight summing to about 1, ascending uids
     */
    public static Map<Integer, Double> process(Map<Integer, Double> weights, int subnetSize, int minAllowedWeights,
                                               int maxWeightsLimit) {
        float limit = (float) maxWeightsLimit / U16Weights.U16_MAX;
        Map<Integer, Float> positive = new TreeMap<>();
        weights.forEach((uid, w) -> {
            if ((float) w.doubleValue() > 0 && uid >= 0 && uid < subnetSize) {
                positive.put(uid, (float) w.doubleValue());
            }
        });
        if (subnetSize <= 0) {
            return Map.of();
        }
        if (positive.isEmpty() || subnetSize < minAllowedWeights) {
            float[] uniform = new float[subnetSize];
            Arrays.fill(uniform, 1f / subnetSize);
            return all(uniform);
        }
        if (positive.size() < minAllowedWeights) {
            float[] padded = new float[subnetSize];
            Arrays.fill(padded, FLOOR);
            positive.forEach((uid, w) -> padded[uid] += w);
            return all(normalizeMaxWeight(padded, limit));
        }
        int[] uids = positive.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[uids.length];
        for (int i = 0; i < uids.length; i++) {
            values[i] = positive.get(uids[i]);
        }
        float[] normalized = normalizeMaxWeight(values, limit);
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < uids.length; i++) {
            out.put(uids[i], (double) normalized[i]);
        }
        return out;
    }

    /** {@code normalize_max_weight}: shares summing to 1 with none above {@code limit} (when possible). */
    static float[] normalizeMaxWeight(float[] x, float limit) {
        int n = x.length;
        float sum = sum(x);
        if (sum == 0 || n * limit <= 1) {
            float[] uniform = new float[n];
            Arrays.fill(uniform, 1f / n);
            return uniform;
        }
        float[] sorted = x.clone();
        Arrays.sort(sorted);
        float[] estimation = new float[n];
        float max = 0;
        for (int i = 0; i < n; i++) {
            estimation[i] = sorted[i] / sum;
            max = Math.max(max, estimation[i]);
        }
        if (max <= limit) {
            return divide(x, sum);
        }
        float[] cumsum = new float[n];
        float running = 0;
        for (int i = 0; i < n; i++) {
            running += estimation[i];
            cumsum[i] = running;
        }
        int below = 0;
        for (int i = 0; i < n; i++) {
            float estimationSum = (n - i - 1) * estimation[i];
            if (estimation[i] / (estimationSum + cumsum[i] + EPSILON) < limit) {
                below++;
            }
        }
        float cutoffScale = (limit * cumsum[below - 1] - EPSILON) / (1 - limit * (n - below));
        float cutoff = cutoffScale * sum;
        float[] capped = new float[n];
        for (int i = 0; i < n; i++) {
            capped[i] = x[i] > cutoff ? cutoff : x[i];
        }
        return divide(capped, sum(capped));
    }

    private static Map<Integer, Double> all(float[] values) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int uid = 0; uid < values.length; uid++) {
            out.put(uid, (double) values[uid]);
        }
        return out;
    }

    private static float sum(float[] x) {
        float s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    private static float[] divide(float[] x, float by) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / by;
        }
        return out;
    }
}
