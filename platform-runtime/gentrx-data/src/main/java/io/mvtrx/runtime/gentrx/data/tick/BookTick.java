package io.mvtrx.runtime.gentrx.data.tick;

import java.util.List;

/**
 * One book's part of a tick: its L2 snapshot (best level first on both sides) and the events of the tick.
 *
 * @param bookId the simulator's book number
 * @param bids   bid levels, best (highest) first
 * @param asks   ask levels, best (lowest) first
 * @param events in log order
 */
public record BookTick(int bookId, List<PriceLevel> bids, List<PriceLevel> asks, List<TickEvent> events) {

    public BookTick {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        events = List.copyOf(events);
    }
}
