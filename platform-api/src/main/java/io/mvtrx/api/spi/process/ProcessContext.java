package io.mvtrx.api.spi.process;

/**
 * Where a process instance runs.
 *
 * @param bookId       book it belongs to
 * @param seed         seed of the process's own random stream (derived from the simulation seed and the book)
 * @param initialValue starting value (the exchange's initial price for price processes)
 * @param startTime    simulation start, ns
 */
public record ProcessContext(int bookId, long seed, double initialValue, long startTime) {
}
