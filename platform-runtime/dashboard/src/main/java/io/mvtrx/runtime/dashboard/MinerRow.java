package io.mvtrx.runtime.dashboard;

/**
 * One leaderboard row, as of the last scoring (scores are 0 before the first).
 *
 * @param uid           the miner
 * @param kappaScore    Kappa score in [0, 1]
 * @param pnlScore      PnL score in [-0.5, 0.5]
 * @param tradingScore  trading score in [0, 1]
 * @param score         moving average of rewards
 * @param weight        the weight this score gives among the miners (normalised), 0 when no score is positive
 * @param activity      mean activity factor over books
 * @param volume        traded QUOTE volume over the assessment window, all books
 * @param latencyMillis last response time, ms; NaN if it never answered
 * @param answered      queries it answered in time
 * @param timeouts      queries it did not answer in time
 */
public record MinerRow(int uid, double kappaScore, double pnlScore, double tradingScore, double score,
                       double weight, double activity, double volume, double latencyMillis, long answered,
                       long timeouts) {
}
