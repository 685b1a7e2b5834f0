package io.mvtrx.runtime.gentrx.server.round;

import java.util.List;
import java.util.Objects;

/**
 * One miner's training assignment for a round, as the validator pushed it (gentrx.md §1.4, §2.1).
 *
 * @param minerUid     the miner
 * @param round        the round the gradient answers
 * @param modelVersion the model version the miner should train from (0 = any)
 * @param books        the miner's books
 * @param dataKeys     the miner's pages (storage keys relative to the network prefix)
 * @param tsStartNs    start of the shared time window
 * @param tsEndNs      end of the shared time window
 * @param body         the pushed JSON text, served back by {@code GET /assignment}
 */
public record Assignment(int minerUid, long round, long modelVersion, List<String> books, List<String> dataKeys,
                         long tsStartNs, long tsEndNs, String body) {

    public Assignment {
        if (minerUid < 0) {
            throw new IllegalArgumentException("miner uid must be at least 0, got " + minerUid);
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be at least 0, got " + round);
        }
        books = List.copyOf(books);
        dataKeys = List.copyOf(dataKeys);
        Objects.requireNonNull(body, "body");
    }
}
