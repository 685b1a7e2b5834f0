package io.mvtrx.plugin.fees;

/**
 * One step of a tiered schedule.
 *
 * @param volumeRequired rolling quote volume from which the tier applies, at the quote decimals
 * @param makerRate      at {@code Rate.SCALE}
 * @param takerRate      at {@code Rate.SCALE}
 */
public record Tier(long volumeRequired, long makerRate, long takerRate) {
}
