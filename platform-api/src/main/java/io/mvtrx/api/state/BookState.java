package io.mvtrx.api.state;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.EventList;
import io.mvtrx.api.event.Trade;

/**
 * One book as published: its L2 snapshot and the L3 events since the last publish.
 *
 * @param snapshot        levels, with detailed levels carrying orders
 * @param events          L3 events since the previous publish, in processing order
 * @param makerTakerRatio the dynamic fee policy's maker/taker ratio at {@code Rate.SCALE}, or 0 when not applicable
 */
public record BookState(BookSnapshot snapshot, List<BookEvent> events, long makerTakerRatio) {

    public BookState {
        // an EventList is immutable already: kept as it is, its events other than trades unbuilt until read
        events = events instanceof EventList list ? list : List.copyOf(events);
    }

    /** The trades among the events, in order (from an {@link EventList} without building the other events). */
    public List<Trade> trades() {
        if (events instanceof EventList list) {
            return list.trades();
        }
        List<Trade> trades = new ArrayList<>();
        for (BookEvent event : events) {
            if (event instanceof Trade trade) {
                trades.add(trade);
            }
        }
        return List.copyOf(trades);
    }
}
