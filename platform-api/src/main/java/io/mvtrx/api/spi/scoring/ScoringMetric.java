package io.mvtrx.api.spi.scoring;

import java.util.OptionalDouble;

/**
 * Turns one miner's realized P&L series on one book into a raw score. Pure: the same series gives the same score.
 * The validator's pipeline chooses the window (lookback), normalizes raw scores and combines books.
 */
public interface ScoringMetric {

    /**
     * Evaluates a series.
     *
     * @return the raw score, or empty when the series is too short or too sparse to score
     */
    OptionalDouble evaluate(RealizedSeries series);
}
