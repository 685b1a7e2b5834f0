package io.mvtrx.runtime.validator.scoring;

import java.util.Arrays;
import java.util.Comparator;

import io.mvtrx.api.spi.scoring.NumpyStats;

/**
 * From all uids' trading scores to rewards, the moving average and weights (protocol.md §7.4-7.5), in the
 * reference's precisions: the soft floor in float64 (numpy), the Pareto re-shaping and the moving average in
 * float32 (torch {@code FloatTensor}), weights the L1-normalised float32 scores.
 */
public final class RewardShaping {

    private RewardShaping() {
    }

    /**
     * The soft floor ({@code apply_reward_floor}): when enabled and at least two scores are positive,
     * {@code thr} = the configured percentile of the positive scores, {@code lo = thr·(1 - softness)} with softness
     * clamped into [1e-6, 1], and each score {@code r} becomes {@code r·clamp((r - lo)/(thr - lo), 0, 1)}.
     */
    public static double[] softFloor(double[] scores, ScoringConfig.Rewarding rewarding) {
        if (!rewarding.floorEnabled()) {
            return scores.clone();
        }
        double[] positive = Arrays.stream(scores).filter(s -> s > 0).toArray();
        if (positive.length < 2) {
            return scores.clone();
        }
        double softness = Math.min(Math.max(rewarding.floorSoftness(), 1e-6), 1.0);
        double threshold = NumpyStats.percentile(positive, rewarding.floorPercentile());
        if (threshold <= 0) {
            return scores.clone();
        }
        double low = threshold * (1.0 - softness);
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double r = scores[i];
            double factor = threshold > low
                    ? Math.min(Math.max((r - low) / (threshold - low), 0.0), 1.0)
                    : (r >= threshold ? 1.0 : 0.0);
            out[i] = r * factor;
        }
        return out;
    }

    /**
     * Pareto re-shaping ({@code distribute_rewards}): rewards as float32, ranked ascending, the reward of rank k
     * multiplied in float32 by the k-th smallest multiplier. Equal rewards are ranked by uid (torch's unstable
     * sort leaves their order to the platform; only equal non-zero rewards are affected).
     */
    public static float[] pareto(double[] rewards, ScoringConfig.Rewarding rewarding) {
        int n = rewards.length;
        float[] d = ParetoMultipliers.of(n, rewarding.paretoShape(), rewarding.paretoScale());
        float[] values = new float[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) rewards[i];
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]));
        float[] out = new float[n];
        for (int rank = 0; rank < n; rank++) {
            int uid = order[rank];
            out[uid] = d[rank] * values[uid];
        }
        return out;
    }

    /**
     * The moving average in float32 ({@code update_scores}): {@code scores ← f32(α)·reward + f32(1 - α)·scores},
     * each product and the sum rounded to float32, {@code 1 - α} taken in float64 first, as torch does with a
     * Python float.
     */
    public static float[] movingAverage(float[] scores, float[] rewards, double alpha) {
        if (scores.length != rewards.length) {
            throw new IllegalArgumentException("scores and rewards lengths differ: " + scores.length + " vs "
                    + rewards.length);
        }
        float a = (float) alpha;
        float keep = (float) (1 - alpha);
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            float fresh = a * rewards[i];
            float old = keep * scores[i];
            out[i] = fresh + old;
        }
        return out;
    }

    /**
     * Weights ({@code compute_two_pool_allocation} with no GenTRX scores and no burn): scores shifted up by the
     * minimum if it is negative, L1-normalised, the trading pool's full share (1.0) applied and normalised again,
     * in float32 with norms clamped below at 1e-12. The norm is the exactly rounded float32 sum; torch sums in a
     * vectorised order that may differ from it by one float32 ulp.
     */
    public static float[] weights(float[] scores) {
        float[] shifted = scores.clone();
        float min = Float.POSITIVE_INFINITY;
        for (float s : shifted) {
            min = Math.min(min, s);
        }
        if (shifted.length > 0 && min < 0) {
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] = shifted[i] - min;
            }
        }
        return normalize(normalize(shifted));
    }

    private static float[] normalize(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += Math.abs(v);
        }
        float norm = Math.max((float) sum, 1e-12f);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / norm;
        }
        return out;
    }
}
