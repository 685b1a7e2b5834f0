package io.mvtrx.testkit.book;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.spi.matching.MatchSink;

/**
 * A {@link MatchSink} that records every callback as a record, in order, for assertions and for comparing two
 * books event by event.
 *
 * {@snippet :
 * RecordingSink sink = new RecordingSink();
 * long left = book.match(7, 3, Side.BUY, 10_100, 50, StpMode.CO, sink);
 * assertThat(sink.events()).containsExactly(new RecordingSink.Fill(1, 2, 10_000, 50, 0));
 * }
 *
 * <p>Not thread-safe; allocates one record per event (tests only).
 */
public final class RecordingSink implements MatchSink {

    /** One recorded callback. */
    public sealed interface Event permits Fill, SelfTradeCancel {
    }

    /** A recorded {@link MatchSink#onFill}. */
    public record Fill(long makerOrderId, int makerAgentId, long price, long quantity, long makerRemaining)
            implements Event {
    }

    /** A recorded {@link MatchSink#onSelfTradeCancel}. */
    public record SelfTradeCancel(long makerOrderId, long price, long quantity, long makerRemaining)
            implements Event {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<Integer> handles = new ArrayList<>();

    @Override
    public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                       long makerRemaining) {
        events.add(new Fill(makerOrderId, makerAgentId, price, quantity, makerRemaining));
        handles.add(makerHandle);
    }

    @Override
    public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                  long makerRemaining) {
        events.add(new SelfTradeCancel(makerOrderId, price, quantity, makerRemaining));
        handles.add(makerHandle);
    }

    /** Every event since the last {@link #clear()}, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The maker's handle of each event of {@link #events()}, in the same order. */
    public List<Integer> handles() {
        return List.copyOf(handles);
    }

    /** The fills only, in order. */
    public List<Fill> fills() {
        List<Fill> fills = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof Fill fill) {
                fills.add(fill);
            }
        }
        return fills;
    }

    /** The self-trade cancels only, in order. */
    public List<SelfTradeCancel> selfTradeCancels() {
        List<SelfTradeCancel> cancels = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof SelfTradeCancel cancel) {
                cancels.add(cancel);
            }
        }
        return cancels;
    }

    /** Total filled quantity recorded. */
    public long filledQuantity() {
        long total = 0;
        for (Event event : events) {
            if (event instanceof Fill fill) {
                total += fill.quantity();
            }
        }
        return total;
    }

    /** Total quantity removed from resting orders by self-trade prevention. */
    public long selfTradeCancelledQuantity() {
        long total = 0;
        for (Event event : events) {
            if (event instanceof SelfTradeCancel cancel) {
                total += cancel.quantity();
            }
        }
        return total;
    }

    /** Forgets everything recorded. */
    public void clear() {
        events.clear();
        handles.clear();
    }
}
