package io.mvtrx.runtime.gentrx.validator;

import java.util.List;

/**
 * A round's scores from {@code GET /gentrx/scores} (gentrx.md §6.8), the parts the reward transform uses.
 *
 * @param round        the scored round
 * @param modelVersion the model version after the round's aggregation
 * @param scores       one per assigned miner
 * @param accepted     how many entered aggregation
 */
public record RoundScores(long round, long modelVersion, List<RoundScore> scores, int accepted) {

    public RoundScores {
        scores = List.copyOf(scores);
    }
}
