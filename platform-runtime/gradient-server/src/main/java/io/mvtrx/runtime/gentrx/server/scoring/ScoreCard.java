package io.mvtrx.runtime.gentrx.server.scoring;

import java.util.List;
import java.util.Optional;

/**
 * One miner's outcome for a round (gentrx.md §6.1, §6.2, §6.8).
 *
 * @param minerUid          the miner
 * @param score             what is ranked: {@code scoreHeld}, or {@code scoreOwn} when nothing was held out
 * @param scoreOwn          loss improvement on the miner's own pages (proof of work)
 * @param scoreHeld         loss improvement on the held-out pages
 * @param overfitting       {@code scoreOwn > scoreHeld × overfit ratio} (diagnostic only)
 * @param versionMismatched trained from another model version, or untagged
 * @param noHeld            no held-out pages existed; not rewardable outside warm-up
 * @param accepted          entered aggregation (and is paid)
 * @param wasRollbackWinner accepted in a round whose aggregate was rolled back
 * @param gradNorm          L2 norm of the delta's values
 * @param books             the miner's books
 * @param rejection         why the gradient was not scored, if it was not
 */
public record ScoreCard(int minerUid, double score, double scoreOwn, double scoreHeld, boolean overfitting,
                        boolean versionMismatched, boolean noHeld, boolean accepted, boolean wasRollbackWinner,
                        double gradNorm, List<String> books, Optional<String> rejection) {

    public ScoreCard {
        books = List.copyOf(books);
    }

    /** Score 0, not accepted: no gradient, or one refused before scoring. */
    public static ScoreCard zero(int uid, List<String> books, String why) {
        return new ScoreCard(uid, 0, 0, 0, false, false, false, false, false, 0, books, Optional.of(why));
    }

    public ScoreCard withRollbackWinner() {
        return new ScoreCard(minerUid, score, scoreOwn, scoreHeld, overfitting, versionMismatched, noHeld, accepted,
                true, gradNorm, books, rejection);
    }
}
