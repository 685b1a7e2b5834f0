package io.mvtrx.api.account;

/**
 * One currency of an account on one book, at that currency's decimals. Invariant: {@code total = free + reserved},
 * all three {@code >= 0}.
 *
 * @param total    everything held
 * @param free     available for new orders
 * @param reserved locked by open orders
 * @param initial  what the account started with
 */
public record Balance(long total, long free, long reserved, long initial) {

    public Balance {
        if (total != free + reserved) {
            throw new IllegalArgumentException(
                    "balance total " + total + " differs from free " + free + " + reserved " + reserved);
        }
    }
}
