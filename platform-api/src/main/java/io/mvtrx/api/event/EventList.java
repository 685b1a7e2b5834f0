package io.mvtrx.api.event;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

import io.mvtrx.api.collect.DeferredList;

/**
 * A book's L3 events with its trades at hand and every other event built on first read. A miner receives every
 * book's events each publish — with hundreds of active makers, tens of thousands — and the trading kit reads only the
 * trades ({@link io.mvtrx.api.state.BookState#trades()}); the wire reader checks all the events when the request
 * arrives, builds the trades, and defers the rest. {@code BookState} keeps an {@code EventList} as it is.
 *
 * <p>The producer guarantees that {@link #trades()} are exactly the {@link Trade} events of the list, in order.
 * Thread-safe.
 */
public final class EventList extends AbstractList<BookEvent> implements RandomAccess {

    private final List<Trade> trades;
    private final DeferredList<BookEvent> events;

    private EventList(List<Trade> trades, DeferredList<BookEvent> events) {
        this.trades = trades;
        this.events = events;
    }

    /**
     * {@code size} events, of which {@code trades} are the trades in order; {@code all} gives every event when first
     * asked (called at most once).
     */
    public static EventList of(List<Trade> trades, int size, Supplier<? extends List<? extends BookEvent>> all) {
        List<Trade> copy = List.copyOf(trades);
        if (copy.size() > size) {
            throw new IllegalArgumentException(copy.size() + " trades in " + size + " events");
        }
        return new EventList(copy, DeferredList.of(size, Objects.requireNonNull(all, "all")));
    }

    /** The trades among the events, in order, without building the other events. */
    public List<Trade> trades() {
        return trades;
    }

    @Override
    public int size() {
        return events.size();
    }

    @Override
    public BookEvent get(int index) {
        return events.get(index);
    }

    /** Whether every event was built already (for tests and diagnostics). */
    public boolean built() {
        return events.built();
    }
}
