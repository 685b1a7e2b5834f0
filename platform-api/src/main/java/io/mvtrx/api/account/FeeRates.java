package io.mvtrx.api.account;

/**
 * The fee schedule an account currently pays on a book.
 *
 * @param volume    rolling traded quote volume the policy uses, quote decimals
 * @param makerRate at {@code Rate.SCALE}; negative is a rebate
 * @param takerRate at {@code Rate.SCALE}; negative is a rebate
 */
public record FeeRates(long volume, long makerRate, long takerRate) {
}
