package io.mvtrx.plugin.balances.internal;

import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.StartingBalance;

/**
 * The same amounts for every account, book and draw. Immutable and thread-safe.
 *
 * @param balance the amounts, at the base and quote decimals
 */
public record StaticBalances(StartingBalance balance) implements BalanceDistribution {

    @Override
    public StartingBalance draw(int agentId, int bookId, int draw) {
        return balance;
    }
}
