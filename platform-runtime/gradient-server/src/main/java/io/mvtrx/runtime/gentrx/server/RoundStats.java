package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import java.util.List;

/**
 * The last drained round's figures, read by {@code GET /metrics} and by localnet's report.
 *
 * @param heldOutPages the pages the round's aggregate was validated on ({@code lossBefore} and {@code lossAfter}),
 *                     empty when nothing was aggregated
 * @param lossBaseline the baseline model's loss on those pages ({@code NaN} without a baseline or pages)
 */
public record RoundStats(long round, long version, List<ScoreCard> cards, long accepted, long scored,
                         double lossBefore, double lossAfter, double totalSeconds, long roundsAggregated,
                         long rollbacks, List<String> heldOutPages, double lossBaseline) {

    public static final RoundStats NONE = new RoundStats(-1, 0, List.of(), 0, 0, Double.NaN, Double.NaN, 0, 0, 0,
            List.of(), Double.NaN);

    public RoundStats {
        cards = List.copyOf(cards);
        heldOutPages = List.copyOf(heldOutPages);
    }
}
