package io.mvtrx.runtime.gentrx.validator;

import java.util.List;

/**
 * A round's scores from {@code GET /gentrx/scores} (gentrx.md §6.8), the parts the reward transform uses.
 *
 * @param round        the scored round
 * @param modelVersion the model version the round trained (the server's {@code model_version})
 * @param scores       one per assigned miner
 * @param accepted     how many entered aggregation
 * @param lossBefore   held-out loss of the model before the round's aggregate ({@code NaN} when none was validated)
 * @param lossAfter    held-out loss with the aggregate applied ({@code NaN} when none was validated)
 * @param rolledBack   whether the aggregate raised the loss and was not committed
 */
public record RoundScores(long round, long modelVersion, List<RoundScore> scores, int accepted, double lossBefore,
                          double lossAfter, boolean rolledBack) {

    public RoundScores {
        scores = List.copyOf(scores);
    }
}
