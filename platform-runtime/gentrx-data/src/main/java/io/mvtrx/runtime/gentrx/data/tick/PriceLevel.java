package io.mvtrx.runtime.gentrx.data.tick;

/**
 * One level of a tick's L2 snapshot, in decimal units as the simulator publishes them.
 *
 * @param price    level price
 * @param quantity aggregated resting quantity, in base units
 */
public record PriceLevel(double price, double quantity) {
}
