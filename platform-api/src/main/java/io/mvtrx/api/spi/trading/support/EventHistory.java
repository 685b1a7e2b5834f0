package io.mvtrx.api.spi.trading.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.StateUpdate;

/**
 * What an agent saw over past steps, with bounded memory: per book the last trades and a mid-price series (one
 * sample per update in which the book was two-sided); the agent's own fills and all its notices. Each list keeps at
 * most its limit and drops the oldest first, so memory stays flat however long the simulation runs.
 *
 * <p>Feed it with {@link #record(StateUpdate)} once per update and {@link #recordNotice} for notices delivered
 * between updates; {@link TradingAgentBase} does both. Not thread-safe: the agent thread owns it.
 *
 * @see Limits
 */
public final class EventHistory {

    /**
     * How much is kept.
     *
     * @param tradesPerBook market trades kept per book
     * @param midsPerBook   mid samples kept per book
     * @param fills         own fills kept (all books)
     * @param notices       notices kept (all kinds, all books)
     */
    public record Limits(int tradesPerBook, int midsPerBook, int fills, int notices) {

        /** 1000 of each. */
        public static final Limits DEFAULT = new Limits(1_000, 1_000, 1_000, 1_000);

        public Limits {
            if (tradesPerBook < 1 || midsPerBook < 1 || fills < 1 || notices < 1) {
                throw new IllegalArgumentException("every history limit must be >= 1, got " + tradesPerBook + "/"
                        + midsPerBook + "/" + fills + "/" + notices);
            }
        }
    }

    private final Limits limits;
    private final Map<Integer, ArrayDeque<Trade>> trades = new HashMap<>();
    private final Map<Integer, PriceSeries> mids = new HashMap<>();
    private final ArrayDeque<TradeNotice> fills = new ArrayDeque<>();
    private final ArrayDeque<Notice> notices = new ArrayDeque<>();
    private long updates;

    /** A history keeping at most what {@code limits} says. */
    public EventHistory(Limits limits) {
        this.limits = limits;
    }

    /** A history with {@link Limits#DEFAULT}. */
    public EventHistory() {
        this(Limits.DEFAULT);
    }

    /** The limits. */
    public Limits limits() {
        return limits;
    }

    /** Appends an update's trades, mids (two-sided books only), fills and notices. */
    public void record(StateUpdate state) {
        BookDecimals decimals = state.simulation().decimals();
        for (BookState book : state.books()) {
            int bookId = book.snapshot().bookId();
            for (Trade trade : book.trades()) {
                push(trades.computeIfAbsent(bookId, id -> new ArrayDeque<>()), trade, limits.tradesPerBook());
            }
            long bid = book.snapshot().bestBid();
            long ask = book.snapshot().bestAsk();
            if (bid > 0 && ask > 0) {
                double mid = decimals.price().toDouble(Math.addExact(bid, ask)) / 2;
                mids.computeIfAbsent(bookId, id -> new PriceSeries(limits.midsPerBook()))
                        .add(state.timestamp(), mid);
            }
        }
        for (Notice notice : state.notices()) {
            recordNotice(notice);
        }
        updates++;
    }

    /** Appends a notice (and, for a {@link TradeNotice}, a fill). */
    public void recordNotice(Notice notice) {
        push(notices, notice, limits.notices());
        if (notice instanceof TradeNotice fill) {
            push(fills, fill, limits.fills());
        }
    }

    /** Updates recorded since the start or the last {@link #clear}. */
    public long updates() {
        return updates;
    }

    /** A book's recent market trades, oldest first. */
    public List<Trade> trades(int bookId) {
        ArrayDeque<Trade> kept = trades.get(bookId);
        return kept == null ? List.of() : List.copyOf(kept);
    }

    /** A book's mid-price series in currency units (empty until the book was seen two-sided). */
    public PriceSeries mids(int bookId) {
        return mids.computeIfAbsent(bookId, id -> new PriceSeries(limits.midsPerBook()));
    }

    /** The agent's recent fills on every book, oldest first. */
    public List<TradeNotice> fills() {
        return List.copyOf(fills);
    }

    /** The agent's recent fills on one book, oldest first. */
    public List<TradeNotice> fills(int bookId) {
        return fills.stream().filter(fill -> fill.trade().bookId() == bookId).toList();
    }

    /** The agent's recent notices, oldest first. */
    public List<Notice> notices() {
        return new ArrayList<>(notices);
    }

    /** Forgets everything (a new simulation starts). */
    public void clear() {
        trades.clear();
        mids.clear();
        fills.clear();
        notices.clear();
        updates = 0;
    }

    private static <T> void push(ArrayDeque<T> queue, T item, int limit) {
        if (queue.size() == limit) {
            queue.removeFirst();
        }
        queue.addLast(item);
    }
}
