package io.mvtrx.api.gentrx;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One round of GenTRX training work for one miner (gentrx.md §1.4–1.5): train the model at {@code modelVersion} on
 * the listed data pages and upload the compressed parameter change before the round closes.
 *
 * @param round        the GenTRX round; gradients are keyed by it
 * @param modelVersion the model version to start from (0: whatever the miner has)
 * @param books        the assigned book ids
 * @param tsStartNs    simulation time the pages start at, ns
 * @param tsEndNs      simulation time the pages end at, ns
 * @param dataKeys     object keys of the assigned pages, relative to {@code bucketPrefix}
 * @param data         where the pages are and how to read them
 * @param validatorUid the assigning validator
 * @param bucketPrefix the shard prefix of the keys, e.g. {@code gentrx/localnet/simulation/}
 * @param advice       optional hints, e.g. {@code top_k_frac}; never required
 */
public record TrainingAssignment(long round, long modelVersion, List<String> books, long tsStartNs, long tsEndNs,
                                 List<String> dataKeys, BucketAccess data, int validatorUid, String bucketPrefix,
                                 Map<String, String> advice) {

    public TrainingAssignment {
        if (round < 0 || modelVersion < 0) {
            throw new IllegalArgumentException("round and modelVersion must be >= 0, got " + round + " and "
                    + modelVersion);
        }
        if (tsEndNs < tsStartNs) {
            throw new IllegalArgumentException("tsEndNs " + tsEndNs + " is before tsStartNs " + tsStartNs);
        }
        books = List.copyOf(books);
        dataKeys = List.copyOf(dataKeys);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(bucketPrefix, "bucketPrefix");
        advice = Map.copyOf(advice);
    }
}
