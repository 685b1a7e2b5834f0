package io.mvtrx.plugin.chain.local;

import java.time.Duration;

/**
 * The local chain's rules.
 *
 * @param blockTime         wall-clock time per block
 * @param maxUids           uids per subnet
 * @param immunityPeriod    blocks during which a new registration cannot be replaced
 * @param maxValidators     validator permits per subnet (largest stakes win)
 * @param minValidatorStake stake needed for a permit
 * @param weightsRateLimit  blocks between two weight settings of one validator
 */
public record LocalChainRules(Duration blockTime, int maxUids, long immunityPeriod, int maxValidators,
                              long minValidatorStake, long weightsRateLimit) {

    public LocalChainRules {
        if (blockTime.isZero() || blockTime.isNegative()) {
            throw new IllegalArgumentException("blockTime must be > 0, got " + blockTime);
        }
        if (maxUids < 1 || maxUids > 65_535) {
            throw new IllegalArgumentException("maxUids must be within 1..65535, got " + maxUids);
        }
        if (immunityPeriod < 0 || weightsRateLimit < 0 || minValidatorStake < 0) {
            throw new IllegalArgumentException("immunityPeriod, weightsRateLimit and minValidatorStake must be >= 0");
        }
        if (maxValidators < 0) {
            throw new IllegalArgumentException("maxValidators must be >= 0, got " + maxValidators);
        }
    }
}
