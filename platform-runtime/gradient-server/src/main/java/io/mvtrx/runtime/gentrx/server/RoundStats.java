package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import java.util.List;

/** The last drained round's figures, read by {@code GET /metrics}. */
public record RoundStats(long round, long version, List<ScoreCard> cards, long accepted, long scored,
                         double lossBefore, double lossAfter, double totalSeconds, long roundsAggregated,
                         long rollbacks) {

    public static final RoundStats NONE = new RoundStats(-1, 0, List.of(), 0, 0, Double.NaN, Double.NaN, 0, 0, 0);

    public RoundStats {
        cards = List.copyOf(cards);
    }
}
