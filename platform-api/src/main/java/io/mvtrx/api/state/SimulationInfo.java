package io.mvtrx.api.state;

import io.mvtrx.api.number.BookDecimals;

/**
 * What every agent is told about the running simulation (the reference's {@code MarketSimulationConfig}).
 *
 * @param simulationId      id of the run
 * @param remoteAgentCount  number of remote (miner) accounts
 * @param blockCount        blocks of books
 * @param booksPerBlock     books in each block
 * @param duration          ns
 * @param gracePeriod       ns before the first publish
 * @param publishInterval   ns between publishes
 * @param decimals          price/volume/base/quote decimals
 * @param minOrderSize      at the volume decimals
 * @param maxOpenOrders     per agent and book
 * @param maxLeverage       at the volume decimals
 * @param maxLoan           at the quote decimals
 * @param maintenanceMargin at {@code Rate.SCALE}
 * @param initialPrice      at the price decimals
 * @param feePolicy         the fee policy's config name
 */
public record SimulationInfo(
        String simulationId,
        int remoteAgentCount,
        int blockCount,
        int booksPerBlock,
        long duration,
        long gracePeriod,
        long publishInterval,
        BookDecimals decimals,
        long minOrderSize,
        int maxOpenOrders,
        long maxLeverage,
        long maxLoan,
        long maintenanceMargin,
        long initialPrice,
        String feePolicy) {

    /** All books of the simulation. */
    public int bookCount() {
        return blockCount * booksPerBlock;
    }
}
