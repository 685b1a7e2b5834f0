package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;
import io.mvtrx.runtime.gentrx.server.state.JsonNumbers;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/** The {@code GET /scores} body of one round (gentrx.md §6.8): every assigned uid, 0 and not accepted if it failed. */
final class ScoresPayload {

    private ScoresPayload() {
    }

    static JsonObject of(long round, long modelVersion, List<ScoreCard> cards, JsonObject aggregation,
                         long roundsAggregated, long rollbacks, ServerSettings settings) {
        JsonObjectBuilder scores = Json.createObjectBuilder();
        for (ScoreCard c : cards) {
            var books = Json.createArrayBuilder();
            c.books().forEach(books::add);
            scores.add(Integer.toString(c.minerUid()), Json.createObjectBuilder()
                    .add("score", JsonNumbers.finite(c.score()))
                    .add("score_own", JsonNumbers.finite(c.scoreOwn()))
                    .add("score_held", JsonNumbers.finite(c.scoreHeld()))
                    .add("overfitting", c.overfitting())
                    .add("accepted", c.accepted())
                    .add("was_rollback_winner", c.wasRollbackWinner())
                    .add("grad_norm", JsonNumbers.finite(c.gradNorm()))
                    .add("books", books));
        }
        long accepted = cards.stream().filter(ScoreCard::accepted).count();
        long scored = cards.stream().filter(c -> c.rejection().isEmpty()).count();
        return Json.createObjectBuilder()
                .add("round", round)
                .add("model_version", modelVersion)
                .add("scores", scores)
                .add("n_scored", scored)
                .add("n_accepted", accepted)
                .add("n_rejected", cards.size() - accepted)
                .add("aggregation", aggregation)
                .add("counters", Json.createObjectBuilder().add("rounds_aggregated_total", roundsAggregated)
                        .add("rollbacks_total", rollbacks))
                .add("config", Json.createObjectBuilder()
                        .add("min_score", JsonNumbers.finite(settings.rules().minScore()))
                        .add("max_grad_norm", JsonNumbers.finite(settings.rules().maxGradNorm()))
                        .add("overfit_ratio", settings.rules().overfitRatio()))
                .build();
    }
}
