package io.mvtrx.runtime.validator.node;

import java.util.Arrays;

/**
 * One miner's scores as of the last scoring.
 *
 * @param uid          the miner
 * @param kappa        raw Kappa per book, {@link Double#NaN} where the book has no score (too little history)
 * @param pnl          realized P&L per book summed over the PnL lookback, QUOTE
 * @param kappaScore   the Kappa score in [0, 1]
 * @param pnlScore     the PnL score in [-0.5, 0.5]
 * @param tradingScore {@code clamp(0.79 kappa + 0.21 pnl, 0, 1)}
 * @param reward       the trading score after the soft floor and Pareto shaping
 * @param score        the moving average of rewards, what weights are set from
 */
public record MinerReport(int uid, double[] kappa, double[] pnl, double kappaScore, double pnlScore,
                          double tradingScore, double reward, double score) {

    public MinerReport {
        kappa = kappa.clone();
        pnl = pnl.clone();
    }

    @Override
    public double[] kappa() {
        return kappa.clone();
    }

    @Override
    public double[] pnl() {
        return pnl.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinerReport r && uid == r.uid && Arrays.equals(kappa, r.kappa)
                && Arrays.equals(pnl, r.pnl) && Double.compare(kappaScore, r.kappaScore) == 0
                && Double.compare(pnlScore, r.pnlScore) == 0 && Double.compare(tradingScore, r.tradingScore) == 0
                && Double.compare(reward, r.reward) == 0 && Double.compare(score, r.score) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * uid + Arrays.hashCode(kappa)) + Double.hashCode(score);
    }

    @Override
    public String toString() {
        return String.format("MinerReport[uid=%d, kappa=%s, pnl=%s, kappaScore=%s, pnlScore=%s, tradingScore=%s, "
                        + "reward=%s, score=%s]", uid, Arrays.toString(kappa), Arrays.toString(pnl), kappaScore,
                pnlScore, tradingScore, reward, score);
    }
}
