package io.mvtrx.runtime.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.state.BookState;

/**
 * Turns the books a step loop publishes ({@link BookState}: L2 snapshot and L3 events) into {@link BookView}s in
 * decimal units, remembering each book's recent trades and a bounded history of its mid and fundamental prices.
 *
 * <p>Cost: {@link #record} looks at each event once and keeps only trades; {@link #views} copies at most
 * {@code ladderDepth} levels per side. Not thread-safe: the step loop's thread owns it.
 */
public final class BookTracker {

    /** Trades kept per book. */
    public static final int TRADES_KEPT = 40;
    /** Price samples kept per book. */
    public static final int HISTORY_KEPT = 600;

    private final BookDecimals decimals;
    private final int ladderDepth;
    private final List<ArrayDeque<BookView.TradeView>> trades = new ArrayList<>();
    private final List<ArrayDeque<BookView.PricePoint>> history = new ArrayList<>();

    /**
     * @param decimals    how the books' prices and volumes are scaled
     * @param ladderDepth levels shown per side
     */
    public BookTracker(BookDecimals decimals, int ladderDepth) {
        if (ladderDepth < 1) {
            throw new IllegalArgumentException("ladder depth must be >= 1, got " + ladderDepth);
        }
        this.decimals = decimals;
        this.ladderDepth = ladderDepth;
    }

    /** Takes the trades of {@code books}' L3 events (call with every publish, so none is missed). */
    public void record(List<BookState> books) {
        grow(books.size());
        for (int b = 0; b < books.size(); b++) {
            ArrayDeque<BookView.TradeView> kept = trades.get(b);
            for (BookEvent event : books.get(b).events()) {
                if (event instanceof Trade t) {
                    kept.addFirst(new BookView.TradeView(t.timestamp(), decimals.price().toDouble(t.price()),
                            decimals.volume().toDouble(t.volume()), t.takerSide().name()));
                    if (kept.size() > TRADES_KEPT) {
                        kept.removeLast();
                    }
                }
            }
        }
    }

    /**
     * The books as views, and one price sample per book added to the history.
     *
     * @param books        every book, in canonical id order
     * @param fundamentals each book's fundamental price (NaN where there is none); may be shorter than {@code books}
     */
    public List<BookView> views(List<BookState> books, double[] fundamentals) {
        grow(books.size());
        List<BookView> views = new ArrayList<>(books.size());
        for (int b = 0; b < books.size(); b++) {
            BookSnapshot s = books.get(b).snapshot();
            double bid = s.bids().isEmpty() ? Double.NaN : decimals.price().toDouble(s.bestBid());
            double ask = s.asks().isEmpty() ? Double.NaN : decimals.price().toDouble(s.bestAsk());
            // from ticks, so that 300.04 and 300.05 make a mid of 300.045 and a spread of 0.01, not 0.00999…
            boolean twoSided = !s.bids().isEmpty() && !s.asks().isEmpty();
            double mid = twoSided ? decimals.price().toDouble(s.bestBid() + s.bestAsk()) / 2 : Double.NaN;
            double spread = twoSided ? decimals.price().toDouble(s.bestAsk() - s.bestBid()) : Double.NaN;
            double fundamental = b < fundamentals.length ? fundamentals[b] : Double.NaN;
            ArrayDeque<BookView.PricePoint> samples = history.get(b);
            samples.addLast(new BookView.PricePoint(s.timestamp(), mid, fundamental));
            if (samples.size() > HISTORY_KEPT) {
                samples.removeFirst();
            }
            views.add(new BookView(s.bookId(), s.timestamp(), bid, ask, mid, spread, fundamental, ladder(s.bids()),
                    ladder(s.asks()), List.copyOf(trades.get(b)), List.copyOf(samples)));
        }
        return views;
    }

    private List<BookView.LadderLevel> ladder(List<Level> levels) {
        List<BookView.LadderLevel> out = new ArrayList<>(Math.min(levels.size(), ladderDepth));
        Iterator<Level> it = levels.iterator();
        for (int i = 0; i < ladderDepth && it.hasNext(); i++) {
            Level level = it.next();
            List<BookView.RestingOrderView> orders = new ArrayList<>(level.orders().size());
            for (RestingOrder o : level.orders()) {
                orders.add(new BookView.RestingOrderView(o.orderId(), o.agentId(),
                        decimals.volume().toDouble(o.volume())));
            }
            out.add(new BookView.LadderLevel(decimals.price().toDouble(level.price()),
                    decimals.volume().toDouble(level.volume()), orders));
        }
        return out;
    }

    private void grow(int books) {
        while (trades.size() < books) {
            trades.add(new ArrayDeque<>());
            history.add(new ArrayDeque<>());
        }
    }
}
