package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.number.BookDecimals;

/**
 * Where a population of background agents runs: one agent element of the configuration in one block.
 *
 * @param bookCount     books of the block; every instance trades on all of them (ids {@code 0..bookCount-1})
 * @param instanceCount instances in the population (the element's {@code instanceCount})
 * @param decimals      the exchange's decimals
 * @param initialPrice  the exchange's {@code initialPrice} at the price decimals
 * @param maxLeverage   the exchange's {@code maxLeverage} at the volume decimals (0 when leverage is off)
 * @param startTime     simulation start, ns
 * @param duration      simulation duration, ns ({@code > 0})
 * @param seed          seed for population-level draws (independent of the instances' own streams)
 */
public record PopulationContext(int bookCount, int instanceCount, BookDecimals decimals, long initialPrice,
                                long maxLeverage, long startTime, long duration, long seed) {

    public PopulationContext {
        if (bookCount < 1) {
            throw new IllegalArgumentException("a population needs at least one book, got " + bookCount);
        }
        if (instanceCount < 1) {
            throw new IllegalArgumentException("a population needs at least one instance, got " + instanceCount);
        }
        if (decimals == null) {
            throw new IllegalArgumentException("population decimals are required");
        }
        if (initialPrice <= 0) {
            throw new IllegalArgumentException("initialPrice must be > 0, got " + initialPrice);
        }
        if (maxLeverage < 0) {
            throw new IllegalArgumentException("maxLeverage must be >= 0, got " + maxLeverage);
        }
        if (duration <= 0) {
            throw new IllegalArgumentException("duration must be > 0 ns, got " + duration);
        }
    }
}
