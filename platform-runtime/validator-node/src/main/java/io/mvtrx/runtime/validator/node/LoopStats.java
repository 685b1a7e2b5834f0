package io.mvtrx.runtime.validator.node;

import java.util.Map;

import io.mvtrx.api.event.RejectReason;

/**
 * What the validator loop has done so far (all simulations of this process), read after any publish.
 *
 * @param publishes          publishes handled
 * @param simulations        simulations begun
 * @param scorings           scorings run
 * @param timestamp          simulation time of the last publish, ns
 * @param queried            miner queries made (one per serving miner and publish)
 * @param answered           queries answered in time
 * @param timeouts           queries not answered in time
 * @param refusedQueries     queries the miner refused
 * @param failedQueries      queries that failed (unreachable, unreadable answer)
 * @param foreignResponses   answers for another uid than the one asked, dropped whole
 * @param accepted           instructions passed to the simulator
 * @param refused            instructions refused by the validator, by reason
 * @param suppressedNotices  refusals beyond the per-response notice limit (counted, not told)
 * @param resetsSent         account resets of deregistered uids sent
 * @param resetsConfirmed    resets seen done in the uid's notices (histories cleared then)
 * @param weightsSet         successful weight settings
 * @param weightFailures     refused or failed weight settings
 * @param checkpoints        state checkpoints written
 * @param checkpointFailures state checkpoints that failed
 * @param rosterFailures     metagraph reads that failed (the previous copy was kept)
 * @param lastServing        miners queried at the last publish
 * @param lastAnswered       miners that answered at the last publish
 * @param lastWallNanos      wall ns the last publish took in the loop (query, screening, scoring)
 * @param lastBuildNanos     wall ns the simulation took to build the last publication, before the loop got it
 */
public record LoopStats(long publishes, long simulations, long scorings, long timestamp, long queried,
                        long answered, long timeouts, long refusedQueries, long failedQueries, long foreignResponses,
                        long accepted, Map<RejectReason, Long> refused, long suppressedNotices, long resetsSent,
                        long resetsConfirmed, long weightsSet, long weightFailures, long checkpoints,
                        long checkpointFailures, long rosterFailures, int lastServing, int lastAnswered,
                        long lastWallNanos, long lastBuildNanos) {

    public LoopStats {
        refused = Map.copyOf(refused);
    }

    /** Instructions refused, all reasons. */
    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}
