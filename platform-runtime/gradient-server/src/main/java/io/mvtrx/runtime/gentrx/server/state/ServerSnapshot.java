package io.mvtrx.runtime.gentrx.server.state;

import io.mvtrx.runtime.gentrx.server.round.RoundEntry;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the server persists besides the model (gentrx.md §1.6): the current round, the held rounds with every miner's
 * slot, the scores payloads not yet read and the counters.
 *
 * @param aggRound         the current round
 * @param warmupAnchor     the round warm-up counts from
 * @param roundsAggregated committed aggregations
 * @param rollbacks        rolled-back aggregations
 * @param rounds           held rounds
 * @param stashedScores    scores payload JSON by round
 * @param lastAggregation  the last aggregation record JSON ({@code {}} before the first)
 */
public record ServerSnapshot(long aggRound, long warmupAnchor, long roundsAggregated, long rollbacks,
                             List<RoundEntry> rounds, SortedMap<Long, String> stashedScores, String lastAggregation) {

    public ServerSnapshot {
        rounds = List.copyOf(rounds);
        stashedScores = new TreeMap<>(stashedScores);
    }
}
