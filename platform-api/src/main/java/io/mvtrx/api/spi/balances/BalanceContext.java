package io.mvtrx.api.spi.balances;

import io.mvtrx.api.number.BookDecimals;

/**
 * Where a distribution draws.
 *
 * @param decimals     the exchange's decimals (balances come out at the base and quote decimals)
 * @param seed         seed of the distribution's stream, used when the element gives none
 * @param initialPrice the exchange's initial price, used when the element gives none
 */
public record BalanceContext(BookDecimals decimals, long seed, double initialPrice) {
}
