package io.mvtrx.runtime.subtensor;

/**
 * The subnet settings that decide how weights may be set, read from chain storage at one block.
 *
 * @param block                 block they were read at
 * @param subnetSize            registered uids ({@code SubnetworkN})
 * @param tempo                 blocks per epoch (minus one)
 * @param weightsRateLimit      blocks between two weight settings of one validator
 * @param minAllowedWeights     fewest non-zero weights accepted (capped by the subnet size)
 * @param maxWeightsLimit       largest normalized weight accepted, ×65535
 * @param weightsVersionKey     lowest version key accepted (0: any)
 * @param commitRevealEnabled   whether weights must be committed first and revealed later
 * @param revealPeriodEpochs    epochs between a commit and its reveal
 */
public record Hyperparameters(long block, int subnetSize, int tempo, long weightsRateLimit, int minAllowedWeights,
                              int maxWeightsLimit, long weightsVersionKey, boolean commitRevealEnabled,
                              long revealPeriodEpochs) {

    /** The SDK's epoch of {@code block} on {@code netuid} (the chain counts epochs itself; this is its rule). */
    public long epoch(long block, int netuid) {
        return (block + netuid + 1) / (tempo + 1L);
    }
}
