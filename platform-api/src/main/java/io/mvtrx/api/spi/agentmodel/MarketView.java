package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.book.BookSnapshot;

/**
 * Read-only view of one book at the current simulation time (the reference's {@code RETRIEVE_L1} and
 * {@code RETRIEVE_L2} answers). Prices at the price decimals, volumes (leveraged totals) at the volume decimals.
 * Allocation-free except {@link #snapshot}.
 */
public interface MarketView {

    /** Book id. */
    int bookId();

    /** Best bid, or 0 when the side is empty. */
    long bestBid();

    /** Best ask, or 0 when the side is empty. */
    long bestAsk();

    /** Price of the last trade, or the initial price before any trade. */
    long lastTradePrice();

    /** Total resting volume of the first {@code depth} levels of a side (bid if {@code bids}). */
    long depthVolume(boolean bids, int depth);

    /** An L2 snapshot of up to {@code depth} levels a side (allocates: call at wake-up, not in loops). */
    BookSnapshot snapshot(int depth);
}
