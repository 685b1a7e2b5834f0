package io.mvtrx.runtime.gentrx.server.round;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A round as the validator pushes it with {@code POST /round}: every miner's own assignment and the books held out
 * for scoring (authoritative for the held-out loader, gentrx.md §2.1).
 */
public record RoundPlan(long round, Map<Integer, Assignment> assignments, List<String> heldOutBooks, long block) {

    public RoundPlan {
        if (round < 0) {
            throw new IllegalArgumentException("round must be at least 0, got " + round);
        }
        assignments = Map.copyOf(new TreeMap<>(assignments));
        heldOutBooks = List.copyOf(heldOutBooks);
        for (Map.Entry<Integer, Assignment> e : assignments.entrySet()) {
            if (e.getValue().minerUid() != e.getKey() || e.getValue().round() != round) {
                throw new IllegalArgumentException("assignment under uid " + e.getKey() + " is for uid "
                        + e.getValue().minerUid() + " round " + e.getValue().round() + ", not round " + round);
            }
        }
    }
}
