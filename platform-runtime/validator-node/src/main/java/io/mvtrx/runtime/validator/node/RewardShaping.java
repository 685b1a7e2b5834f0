package io.mvtrx.runtime.validator.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * From trading scores of all uids to rewards, then the moving average (protocol.md §7.4): soft floor, Pareto
 * re-shaping by rank, exponential moving average.
 *
 * <p>The Pareto multipliers are the sorted float32 of numpy's {@code default_rng(898746039182).pareto(1.0, n)}:
 * bundled exactly for n = 256..260 (the live subnet sizes); for other n they are drawn from the same Lomax(1)
 * law with a seeded {@link SplittableRandom}, which has the same distribution but not numpy's digits — say so
 * wherever bit-exact rewards matter.
 */
final class RewardShaping {

    /** The reference seed of the multiplier vector. */
    public static final long PARETO_SEED = 898746039182L;

    private static final Map<Integer, double[]> BUNDLED = loadBundled();

    private RewardShaping() {
    }

    /**
     * Soft floor: if at least two scores are positive, {@code thr} = the configured percentile of the positive
     * ones, {@code lo = thr·(1 - softness)}, and each score r becomes {@code r·clamp((r - lo)/(thr - lo), 0, 1)}.
     */
    public static double[] softFloor(double[] scores, ScoringWeights weights) {
        double[] positive = Arrays.stream(scores).filter(s -> s > 0).toArray();
        if (positive.length < 2) {
            return scores.clone();
        }
        double threshold = Stats.percentile(positive, weights.floorPercentile());
        double low = threshold * (1 - weights.floorSoftness());
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double r = scores[i];
            double taper = threshold == low ? (r >= threshold ? 1 : 0) : MinerScores.clamp((r - low) / (threshold - low), 0, 1);
            out[i] = r * taper;
        }
        return out;
    }

    /** The multiplier vector for n uids, ascending. */
    public static double[] paretoMultipliers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one uid, got " + n);
        }
        double[] bundled = BUNDLED.get(n);
        if (bundled != null) {
            return bundled.clone();
        }
        SplittableRandom random = new SplittableRandom(PARETO_SEED);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            // Lomax(shape 1): expm1(Exp(1)).
            d[i] = (float) Math.expm1(-Math.log1p(-random.nextDouble()));
        }
        Arrays.sort(d);
        return d;
    }

    /** Ranks rewards ascending (stable) and multiplies the reward of rank k by {@code d[k]}; zero stays zero. */
    public static double[] paretoReshape(double[] rewards) {
        double[] d = paretoMultipliers(rewards.length);
        Integer[] order = new Integer[rewards.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rewards[a], rewards[b]));
        double[] out = new double[rewards.length];
        for (int rank = 0; rank < order.length; rank++) {
            int uid = order[rank];
            out[uid] = rewards[uid] * d[rank];
        }
        return out;
    }

    /** {@code scores ← α·reward + (1-α)·scores}, in place. */
    public static void movingAverage(double[] scores, double[] rewards, ScoringWeights weights) {
        if (scores.length != rewards.length) {
            throw new IllegalArgumentException("scores and rewards lengths differ: " + scores.length + " vs "
                    + rewards.length);
        }
        double alpha = weights.emaAlpha();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = alpha * rewards[i] + (1 - alpha) * scores[i];
        }
    }

    private static Map<Integer, double[]> loadBundled() {
        Map<Integer, double[]> vectors = new HashMap<>();
        try (InputStream in = RewardShaping.class.getResourceAsStream("pareto-multipliers.txt")) {
            if (in == null) {
                throw new IllegalStateException("pareto-multipliers.txt is missing from the validator module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split(" ");
                int n = Integer.parseInt(parts[0]);
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = Float.parseFloat(parts[i + 1]);
                }
                vectors.put(n, d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pareto-multipliers.txt", e);
        }
        return vectors;
    }
}
