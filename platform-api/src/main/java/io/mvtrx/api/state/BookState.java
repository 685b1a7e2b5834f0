package io.mvtrx.api.state;

import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.event.BookEvent;

/**
 * One book as published: its L2 snapshot and the L3 events since the last publish.
 *
 * @param snapshot        levels, with detailed levels carrying orders
 * @param events          L3 events since the previous publish, in processing order
 * @param makerTakerRatio the dynamic fee policy's maker/taker ratio at {@code Rate.SCALE}, or 0 when not applicable
 */
public record BookState(BookSnapshot snapshot, List<BookEvent> events, long makerTakerRatio) {

    public BookState {
        events = List.copyOf(events);
    }
}
