package io.mvtrx.api.book;

import java.util.List;

/**
 * The L2 state of a book: bids best (highest) first, asks best (lowest) first. The first {@code detailedDepth}
 * levels of each side carry their orders.
 *
 * @param bookId    book
 * @param timestamp ns
 * @param bids      bid levels, best first
 * @param asks      ask levels, best first
 */
public record BookSnapshot(int bookId, long timestamp, List<Level> bids, List<Level> asks) {

    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** Best bid price, or 0 when there is no bid. */
    public long bestBid() {
        return bids.isEmpty() ? 0 : bids.getFirst().price();
    }

    /** Best ask price, or 0 when there is no ask. */
    public long bestAsk() {
        return asks.isEmpty() ? 0 : asks.getFirst().price();
    }
}
