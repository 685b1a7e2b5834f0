package io.mvtrx.api.spi.trading.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.state.BookState;

/**
 * Read-only questions about one published book: best prices, mid, spread, depth, imbalance, microprice and this
 * interval's trades. Exact answers are scaled longs (prices in ticks, volumes in lots); model inputs (mid price,
 * microprice, imbalance) are doubles in currency units. Level volumes are the leveraged totals the book shows.
 *
 * <p>Questions that need both sides ({@link #spread}, {@link #mid}, {@link #midPrice}, {@link #microprice},
 * {@link #relativeSpread}) throw {@link IllegalStateException} on a one-sided book: ask {@link #isTwoSided} first,
 * or use {@link #referencePrice}. Immutable.
 */
public final class BookView {

    private final BookState state;
    private final Units units;

    private BookView(BookState state, Units units) {
        this.state = state;
        this.units = units;
    }

    /** A view of {@code state} at the exchange's decimals. */
    public static BookView of(BookState state, BookDecimals decimals) {
        return new BookView(state, new Units(decimals));
    }

    /** Book id. */
    public int bookId() {
        return state.snapshot().bookId();
    }

    /** The state as published. */
    public BookState state() {
        return state;
    }

    /** The L2 snapshot. */
    public BookSnapshot snapshot() {
        return state.snapshot();
    }

    /** Conversions at the book's decimals. */
    public Units units() {
        return units;
    }

    /** Levels of a side, best first. */
    public List<Level> levels(Side side) {
        return side == Side.BUY ? state.snapshot().bids() : state.snapshot().asks();
    }

    /** Whether the book has a bid. */
    public boolean hasBid() {
        return !state.snapshot().bids().isEmpty();
    }

    /** Whether the book has an ask. */
    public boolean hasAsk() {
        return !state.snapshot().asks().isEmpty();
    }

    /** Whether both sides have a level. */
    public boolean isTwoSided() {
        return hasBid() && hasAsk();
    }

    /** Best bid in ticks, 0 when there is none. */
    public long bestBid() {
        return state.snapshot().bestBid();
    }

    /** Best ask in ticks, 0 when there is none. */
    public long bestAsk() {
        return state.snapshot().bestAsk();
    }

    /** Best price of a side (BUY: bid, SELL: ask), 0 when empty. */
    public long best(Side side) {
        return side == Side.BUY ? bestBid() : bestAsk();
    }

    /** Volume at the best bid in lots, 0 when there is none. */
    public long bestBidVolume() {
        return hasBid() ? state.snapshot().bids().getFirst().volume() : 0;
    }

    /** Volume at the best ask in lots, 0 when there is none. */
    public long bestAskVolume() {
        return hasAsk() ? state.snapshot().asks().getFirst().volume() : 0;
    }

    /** Best ask minus best bid, in ticks. */
    public long spread() {
        requireTwoSided("spread");
        return bestAsk() - bestBid();
    }

    /** The mid in ticks; a half tick is rounded by {@code mode} (FLOOR for a bid-side anchor, CEILING for asks). */
    public long mid(RoundingMode mode) {
        requireTwoSided("mid");
        return BigDecimal.valueOf(bestBid()).add(BigDecimal.valueOf(bestAsk()))
                .divide(BigDecimal.valueOf(2), 0, mode).longValueExact();
    }

    /** The mid price in currency units, unrounded. */
    public double midPrice() {
        requireTwoSided("mid price");
        // (bid + ask) / 10^d is correctly rounded and halving is exact: the double nearest the true mid.
        return units.priceValue(Math.addExact(bestBid(), bestAsk())) / 2;
    }

    /** Spread over mid, e.g. 0.0006667 for 299.90 / 300.10. */
    public double relativeSpread() {
        requireTwoSided("relative spread");
        return units.priceValue(bestAsk() - bestBid()) / midPrice();
    }

    /**
     * The best-level volume-weighted mid in currency units: {@code (bid·askVolume + ask·bidVolume) / (bidVolume +
     * askVolume)}. It leans toward the side with less volume, where the next trade is likelier.
     */
    public double microprice() {
        requireTwoSided("microprice");
        double bidVolume = bestBidVolume();
        double askVolume = bestAskVolume();
        double total = bidVolume + askVolume;
        if (total == 0) {
            return midPrice();
        }
        return (units.priceValue(bestBid()) * askVolume + units.priceValue(bestAsk()) * bidVolume) / total;
    }

    /** Total volume of the first {@code levels} levels of a side, in lots. */
    public long depth(Side side, int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("levels must be >= 0, got " + levels);
        }
        long total = 0;
        List<Level> book = levels(side);
        for (int i = 0; i < Math.min(levels, book.size()); i++) {
            total = Math.addExact(total, book.get(i).volume());
        }
        return total;
    }

    /** Volume resting at exactly {@code price} on a side, in lots (0 when there is no such level). */
    public long volumeAt(Side side, long price) {
        for (Level level : levels(side)) {
            if (level.price() == price) {
                return level.volume();
            }
        }
        return 0;
    }

    /**
     * Order-book imbalance over the first {@code levels} levels: {@code (bidDepth − askDepth) / (bidDepth +
     * askDepth)} in [-1, 1], 0 when both are empty.
     */
    public double imbalance(int levels) {
        double bids = depth(Side.BUY, levels);
        double asks = depth(Side.SELL, levels);
        return bids + asks == 0 ? 0 : (bids - asks) / (bids + asks);
    }

    /**
     * A price to anchor quotes on whatever the book's shape: the mid rounded down when two-sided, else the one best
     * price there is, else the last trade of this interval, else {@code fallback} (e.g. the initial price).
     */
    public long referencePrice(long fallback) {
        if (isTwoSided()) {
            return mid(RoundingMode.FLOOR);
        }
        if (hasBid()) {
            return bestBid();
        }
        if (hasAsk()) {
            return bestAsk();
        }
        long last = lastTradePrice();
        return last > 0 ? last : fallback;
    }

    /** The trades of this interval, in order. */
    public List<Trade> trades() {
        return new ArrayList<>(state.trades());
    }

    /** Price of this interval's last trade in ticks, 0 when nothing traded. */
    public long lastTradePrice() {
        List<Trade> trades = state.trades();
        return trades.isEmpty() ? 0 : trades.get(trades.size() - 1).price();
    }

    /** Volume traded this interval, in lots. */
    public long tradedVolume() {
        long total = 0;
        for (Trade trade : state.trades()) {
            total = Math.addExact(total, trade.volume());
        }
        return total;
    }

    private void requireTwoSided(String what) {
        if (!isTwoSided()) {
            throw new IllegalStateException(String.format("book %d has no %s: it is not two-sided (bid %d, ask %d)",
                    bookId(), what, bestBid(), bestAsk()));
        }
    }

    @Override
    public String toString() {
        return String.format("book %d: %s / %s", bookId(), units.decimals().price().format(bestBid()),
                units.decimals().price().format(bestAsk()));
    }
}
