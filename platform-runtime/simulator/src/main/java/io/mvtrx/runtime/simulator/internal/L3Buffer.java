package io.mvtrx.runtime.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.runtime.simulator.log.EventLogWriter;

/**
 * A block's L3 events of the current step, in processing order, as primitives: {@value #STRIDE} longs per event,
 * book ids local to the block. At the barrier the simulation drains it into the event log and, when it publishes,
 * into {@link BookEvent} records with canonical book ids; then it is cleared.
 *
 * <p>Appending allocates only when the buffer grows. Confined to its block's thread, read at the barrier.
 */
public final class L3Buffer {
    // values() clones its array on every call; these are read once per order and event
    private static final Side[] SIDES = Side.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();

    static final int STRIDE = 13;

    private long[] data = new long[STRIDE * 4096];
    private int size;

    /** Events held. */
    public int size() {
        return size;
    }

    /** The events: {@value #STRIDE} longs each, laid out as {@link #writeTo} reads them (the Parquet logs). */
    long[] raw() {
        return data;
    }

    /** Forgets every event. */
    public void clear() {
        size = 0;
    }

    private int next() {
        int at = size * STRIDE;
        if (at + STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        size++;
        return at;
    }

    void placed(int bookId, long timestamp, long orderId, int agentId, long clientOrderId, OrderType type,
                Side side, long price, long volume, long leverage, StpMode stp) {
        int i = next();
        long[] d = data;
        d[i] = EventLogWriter.PLACED;
        d[i + 1] = bookId;
        d[i + 2] = timestamp;
        d[i + 3] = orderId;
        d[i + 4] = agentId;
        d[i + 5] = clientOrderId;
        d[i + 6] = type.ordinal();
        d[i + 7] = side.ordinal();
        d[i + 8] = stp.ordinal();
        d[i + 9] = price;
        d[i + 10] = volume;
        d[i + 11] = leverage;
    }

    void trade(int bookId, long timestamp, long tradeId, Side takerSide, long takerOrderId, long makerOrderId,
               int takerAgentId, int makerAgentId, long price, long volume, long takerFee, long makerFee) {
        int i = next();
        long[] d = data;
        d[i] = EventLogWriter.TRADE;
        d[i + 1] = bookId;
        d[i + 2] = timestamp;
        d[i + 3] = tradeId;
        d[i + 4] = takerSide.ordinal();
        d[i + 5] = takerOrderId;
        d[i + 6] = makerOrderId;
        d[i + 7] = takerAgentId;
        d[i + 8] = makerAgentId;
        d[i + 9] = price;
        d[i + 10] = volume;
        d[i + 11] = takerFee;
        d[i + 12] = makerFee;
    }

    void cancelled(int bookId, long timestamp, long orderId, int agentId, long price, long volume, long remaining,
                   CancelReason reason) {
        int i = next();
        long[] d = data;
        d[i] = EventLogWriter.CANCELLED;
        d[i + 1] = bookId;
        d[i + 2] = timestamp;
        d[i + 3] = orderId;
        d[i + 4] = agentId;
        d[i + 5] = price;
        d[i + 6] = volume;
        d[i + 7] = remaining;
        d[i + 8] = reason.ordinal();
    }

    /** Writes every event to the log, book ids shifted by {@code bookOffset} to canonical ids. */
    public void writeTo(EventLogWriter log, int bookOffset) {
        long[] d = data;
        for (int e = 0; e < size; e++) {
            int i = e * STRIDE;
            int book = (int) d[i + 1] + bookOffset;
            switch ((int) d[i]) {
                case EventLogWriter.PLACED -> log.placed(book, d[i + 2], d[i + 3], (int) d[i + 4], d[i + 5],
                        (int) d[i + 6], (int) d[i + 7], (int) d[i + 8], d[i + 9], d[i + 10], d[i + 11]);
                case EventLogWriter.TRADE -> log.trade(book, d[i + 2], d[i + 3], (int) d[i + 4], d[i + 5],
                        d[i + 6], (int) d[i + 7], (int) d[i + 8], d[i + 9], d[i + 10], d[i + 11], d[i + 12]);
                case EventLogWriter.CANCELLED -> log.cancelled(book, d[i + 2], d[i + 3], (int) d[i + 4],
                        d[i + 5], d[i + 6], d[i + 7], (int) d[i + 8]);
                default -> throw new IllegalStateException("corrupt L3 buffer: event type " + d[i]);
            }
        }
    }

    /**
     * The events as records, one list per local book, book ids shifted by {@code bookOffset} to canonical ids.
     *
     * @param books books of the block
     */
    public List<List<BookEvent>> records(int books, int bookOffset) {
        List<List<BookEvent>> perBook = new ArrayList<>(books);
        for (int b = 0; b < books; b++) {
            perBook.add(new ArrayList<>());
        }
        long[] d = data;
        for (int e = 0; e < size; e++) {
            int i = e * STRIDE;
            int local = (int) d[i + 1];
            int book = local + bookOffset;
            BookEvent event = switch ((int) d[i]) {
                case EventLogWriter.PLACED -> new OrderPlaced(book, d[i + 2], d[i + 3], (int) d[i + 4], d[i + 5],
                        ORDER_TYPES[(int) d[i + 6]], SIDES[(int) d[i + 7]], d[i + 9], d[i + 10],
                        d[i + 11], STP_MODES[(int) d[i + 8]]);
                case EventLogWriter.TRADE -> new Trade(book, d[i + 2], d[i + 3], SIDES[(int) d[i + 4]],
                        d[i + 5], d[i + 6], (int) d[i + 7], (int) d[i + 8], d[i + 9], d[i + 10], d[i + 11],
                        d[i + 12]);
                case EventLogWriter.CANCELLED -> new OrderCancelled(book, d[i + 2], d[i + 3], (int) d[i + 4],
                        d[i + 5], d[i + 6], d[i + 7], CANCEL_REASONS[(int) d[i + 8]]);
                default -> throw new IllegalStateException("corrupt L3 buffer: event type " + d[i]);
            };
            perBook.get(local).add(event);
        }
        return perBook;
    }
}
