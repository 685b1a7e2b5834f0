package io.mvtrx.api.spi.scoring;

import java.util.OptionalDouble;

/**
 * Turns one miner's per-interval realized P&L on one book into a raw score. Pure: the same input gives the same
 * output.
 */
public interface ScoringMetric {

    /**
     * Evaluates a series.
     *
     * @param realizedPnl realized P&L per interval, oldest first, in quote units
     * @return the raw score, or empty when the series is too short or degenerate to score
     */
    OptionalDouble evaluate(double[] realizedPnl);
}
