package io.mvtrx.runtime.gentrx.validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns GenTRX round scores into the GenTRX part of the weights (gentrx.md §6.9, §9): rank-normalise the accepted
 * scores of a round, fold them into a per-uid EMA, fold that into a slow EMA at each reward computation, and split
 * the weight pool between trading and GenTRX by participation.
 *
 * <p>Two reference quirks are fixed (§11.10): tied scores share the average of their ranks instead of taking
 * distinct ones by position, and the per-uid EMA advances once per GenTRX round (a round already folded in is
 * ignored) instead of at every reward computation.
 *
 * <p>Not thread-safe: owned by the validator loop.
 */
public final class GentrxRewards {

    /** Weight of a new round's rank in the per-uid EMA. */
    public static final double RANK_ALPHA = 0.1;
    /** The slow EMA's alpha, the trading scores' {@code moving_average_alpha}. */
    public static final double SLOW_ALPHA = 0.008298755;

    private final int uidCount;
    private final double[] rankEma;
    private final double[] slow;
    private long lastRound = -1;

    public GentrxRewards(int uidCount) {
        if (uidCount < 1) {
            throw new IllegalArgumentException("uidCount must be >= 1, got " + uidCount);
        }
        this.uidCount = uidCount;
        this.rankEma = new double[uidCount];
        this.slow = new double[uidCount];
    }

    /**
     * Rank-normalises a round: accepted entries only; a single one gets 1 if its score is positive, else 0; more
     * get {@code rank/(N−1)} in ascending score order, ties the mean of their ranks. Uids in uid order.
     */
    public static Map<Integer, Double> rankNormalise(List<RoundScore> scores) {
        List<RoundScore> accepted = new ArrayList<>(scores.stream().filter(RoundScore::accepted)
                .filter(score -> Double.isFinite(score.score())).toList());
        Map<Integer, Double> ranks = new TreeMap<>();
        if (accepted.size() == 1) {
            RoundScore only = accepted.getFirst();
            ranks.put(only.uid(), only.score() > 0 ? 1.0 : 0.0);
            return ranks;
        }
        accepted.sort(Comparator.comparingDouble(RoundScore::score).thenComparingInt(RoundScore::uid));
        int n = accepted.size();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && accepted.get(j + 1).score() == accepted.get(i).score()) {
                j++;
            }
            double rank = (i + j) / 2.0 / (n - 1);
            for (int k = i; k <= j; k++) {
                ranks.put(accepted.get(k).uid(), rank);
            }
            i = j + 1;
        }
        return ranks;
    }

    /**
     * Folds a round into the per-uid EMA once: every uid moves towards its rank (0 when it has none), clamped to
     * [0, 1]. Returns false, changing nothing, for a round at or before one already folded in.
     */
    public boolean onRound(long round, List<RoundScore> scores) {
        if (round <= lastRound) {
            return false;
        }
        Map<Integer, Double> ranks = rankNormalise(scores);
        for (int uid = 0; uid < uidCount; uid++) {
            double rank = ranks.getOrDefault(uid, 0.0);
            rankEma[uid] = Math.clamp(RANK_ALPHA * rank + (1 - RANK_ALPHA) * rankEma[uid], 0.0, 1.0);
        }
        lastRound = round;
        return true;
    }

    /** At each reward computation: the slow EMA moves towards the per-uid EMA; returns a copy of the slow scores. */
    public double[] onRewardComputation() {
        for (int uid = 0; uid < uidCount; uid++) {
            slow[uid] = SLOW_ALPHA * rankEma[uid] + (1 - SLOW_ALPHA) * slow[uid];
        }
        return slow.clone();
    }

    /** A deregistered uid starts again from zero. */
    public void reset(int uid) {
        rankEma[uid] = 0;
        slow[uid] = 0;
    }

    public double[] rankEma() {
        return rankEma.clone();
    }

    public double[] slowScores() {
        return slow.clone();
    }

    public long lastRound() {
        return lastRound;
    }

    /** Restores a checkpointed state. */
    public void restore(long round, double[] rankEmaValues, double[] slowValues) {
        if (rankEmaValues.length != uidCount || slowValues.length != uidCount) {
            throw new IllegalArgumentException("checkpoint holds " + rankEmaValues.length + "/" + slowValues.length
                    + " uids, this validator has " + uidCount);
        }
        lastRound = round;
        System.arraycopy(rankEmaValues, 0, rankEma, 0, uidCount);
        System.arraycopy(slowValues, 0, slow, 0, uidCount);
    }

    /**
     * The pool split of gentrx.md §9: trading scores shifted up when any is negative and L1-normalised, GenTRX scores
     * L1-normalised, GenTRX's share of the pool scaled by participation ({@code n_active/n_target}), the burn added
     * to the burn uid, the whole L1-normalised. NaN counts as 0.
     *
     * @param servingMiners   uids with a serving axon, the validator excluded ({@code n_target})
     * @param simulationShare the most GenTRX may take, in [0, 1] (reference 0.05)
     * @param burnRatio       share sent to {@code burnUid}, in [0, 1]
     */
    public static double[] weights(double[] tradingScores, double[] gentrxScores, int servingMiners,
                                   double simulationShare, double burnRatio, int burnUid) {
        if (tradingScores.length != gentrxScores.length) {
            throw new IllegalArgumentException("trading scores hold " + tradingScores.length + " uids, GenTRX scores "
                    + gentrxScores.length);
        }
        if (!(simulationShare >= 0 && simulationShare <= 1) || !(burnRatio >= 0 && burnRatio <= 1)) {
            throw new IllegalArgumentException("simulation share and burn ratio must be in [0, 1], got "
                    + simulationShare + " and " + burnRatio);
        }
        double[] trading = cleaned(tradingScores);
        double min = Arrays.stream(trading).min().orElse(0);
        if (min < 0) {
            for (int i = 0; i < trading.length; i++) {
                trading[i] -= min;
            }
        }
        double[] tradingW = l1(trading);
        double[] gentrxW = l1(cleaned(gentrxScores));
        long active = Arrays.stream(cleaned(gentrxScores)).filter(score -> score > 0).count();
        double shrink = servingMiners <= 0 ? 0 : Math.clamp((double) active / servingMiners, 0.0, 1.0);
        double pool = 1 - burnRatio;
        double gentrxAlloc = pool * simulationShare * shrink;
        double tradingAlloc = pool - gentrxAlloc;
        double[] weights = new double[trading.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = tradingAlloc * tradingW[i] + gentrxAlloc * gentrxW[i];
        }
        if (burnRatio > 0) {
            weights[burnUid] += burnRatio;
        }
        return l1(weights);
    }

    private static double[] cleaned(double[] values) {
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (Double.isNaN(copy[i])) {
                copy[i] = 0;
            }
        }
        return copy;
    }

    private static double[] l1(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += Math.abs(value);
        }
        double[] out = values.clone();
        if (sum > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= sum;
            }
        }
        return out;
    }
}
