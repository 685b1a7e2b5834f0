package io.mvtrx.runtime.dashboard;

import java.util.List;

/**
 * Why a miner's score is what it is: the scoring pipeline's figures per book and per stage, its P&L over time and
 * its recent rejections.
 *
 * @param uid        the miner
 * @param books      per book, the figures that fed the score
 * @param stages     the pipeline's stage values for this uid, in order; null before the first scoring
 * @param pnl        cumulative realized P&L per book over time, oldest first (bounded)
 * @param rejections recent rejected instructions, newest first (bounded)
 */
public record MinerDetail(int uid, List<BookScore> books, ScoreStages stages, List<PnlPoint> pnl,
                          List<Rejection> rejections) {

    public MinerDetail {
        books = List.copyOf(books);
        pnl = List.copyOf(pnl);
        rejections = List.copyOf(rejections);
    }

    /**
     * One book's figures.
     *
     * @param book           canonical id
     * @param kappa          raw Kappa-3, NaN when the book could not be scored
     * @param realizedPnl    realized P&L over the PnL lookback, QUOTE
     * @param activityFactor the activity factor after the round
     * @param pnlFactor      the P&L factor after the round
     * @param volume         traded QUOTE volume over the assessment window
     */
    public record BookScore(int book, double kappa, double realizedPnl, double activityFactor, double pnlFactor,
                            double volume) {
    }

    /**
     * The scoring pipeline's stages for one uid (doc/scoring.md), NaN where the pipeline had no value.
     *
     * @param kappaAverage      mean of the books' Kappa-3
     * @param kappaMedian       median of the books' Kappa-3
     * @param kappaTotal        Kappa-3 of the P&L summed over books
     * @param normalizedAverage average mapped onto [0, 1]
     * @param normalizedMedian  median mapped onto [0, 1]
     * @param normalizedTotal   total mapped onto [0, 1]
     * @param kappaScore        the Kappa score
     * @param pnlScore          the PnL score
     * @param tradingScore      {@code clamp(0.79 kappa + 0.21 pnl, 0, 1)}
     * @param afterFloor        after the soft floor
     * @param afterPareto       after the Pareto shaping (the reward)
     * @param movingAverage     the moving average after the round (the score)
     */
    public record ScoreStages(double kappaAverage, double kappaMedian, double kappaTotal, double normalizedAverage,
                              double normalizedMedian, double normalizedTotal, double kappaScore, double pnlScore,
                              double tradingScore, double afterFloor, double afterPareto, double movingAverage) {
    }

    /**
     * Cumulative realized P&L per book at one time.
     *
     * @param timestamp ns
     * @param perBook   per canonical book, QUOTE
     */
    public record PnlPoint(long timestamp, List<Double> perBook) {

        public PnlPoint {
            perBook = List.copyOf(perBook);
        }
    }

    /**
     * One rejected instruction, as the miner was told.
     *
     * @param timestamp ns
     * @param book      canonical book id
     * @param side      {@code BUY} or {@code SELL}
     * @param type      order type
     * @param reason    the reason's name ({@code RejectReason})
     */
    public record Rejection(long timestamp, int book, String side, String type, String reason) {
    }
}
