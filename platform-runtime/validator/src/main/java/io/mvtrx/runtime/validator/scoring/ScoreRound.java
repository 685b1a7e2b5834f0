package io.mvtrx.runtime.validator.scoring;

import java.util.List;

/**
 * The outcome of one scoring round: per uid, its Kappa figures and scores; over all uids, the vectors of each
 * reward stage. Arrays are owned by the round; callers must not change them.
 *
 * @param uids           per uid, index = uid
 * @param tradingScores  trading score per uid (float64)
 * @param afterFloor     after the soft floor (float64)
 * @param afterPareto    after the Pareto re-shaping (float32)
 * @param ema            the moving average after this round (float32)
 * @param weights        the L1-normalised weights (float32)
 */
public record ScoreRound(List<UidScore> uids, double[] tradingScores, double[] afterFloor, float[] afterPareto,
        float[] ema, float[] weights) {

    public ScoreRound {
        uids = List.copyOf(uids);
    }

    /**
     * One uid's figures in a round.
     *
     * @param kappa           Kappa-3 figures, null when the uid could not be scored (deregistered, too little
     *                        history)
     * @param kappaScore      Kappa score in [0, 1]
     * @param pnlScore        PnL score in [-0.5, 0.5]
     * @param tradingScore    trading score in [0, 1]
     * @param activityFactors activity factor per book after the round
     * @param pnlFactors      P&L factor per book after the round
     */
    public record UidScore(KappaResult kappa, double kappaScore, double pnlScore, double tradingScore,
            double[] activityFactors, double[] pnlFactors) {
    }
}
