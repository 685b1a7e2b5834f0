package io.mvtrx.testkit.agents;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.spi.agentmodel.MarketView;

/**
 * A book whose state a test sets: price levels per side (best first) and the last trade price. Not thread-safe.
 *
 * {@snippet :
 * env.book(0).quote(29_995, 500_000, 30_005, 500_000).lastTrade(30_000);
 * }
 */
public final class ScriptedMarket implements MarketView {

    private final int bookId;
    private final List<long[]> bids = new ArrayList<>();
    private final List<long[]> asks = new ArrayList<>();
    private long lastTradePrice;

    ScriptedMarket(int bookId) {
        this.bookId = bookId;
    }

    /** Replaces both sides by one level each (a price 0 leaves that side empty). */
    public ScriptedMarket quote(long bid, long bidVolume, long ask, long askVolume) {
        bids.clear();
        asks.clear();
        if (bid > 0) {
            bids.add(new long[] {bid, bidVolume});
        }
        if (ask > 0) {
            asks.add(new long[] {ask, askVolume});
        }
        return this;
    }

    /** Appends a bid level below the existing ones. */
    public ScriptedMarket addBid(long price, long volume) {
        bids.add(new long[] {price, volume});
        return this;
    }

    /** Appends an ask level above the existing ones. */
    public ScriptedMarket addAsk(long price, long volume) {
        asks.add(new long[] {price, volume});
        return this;
    }

    /** Empties both sides. */
    public ScriptedMarket clear() {
        bids.clear();
        asks.clear();
        return this;
    }

    /** Sets the last trade price. */
    public ScriptedMarket lastTrade(long price) {
        this.lastTradePrice = price;
        return this;
    }

    @Override
    public int bookId() {
        return bookId;
    }

    @Override
    public long bestBid() {
        return bids.isEmpty() ? 0 : bids.getFirst()[0];
    }

    @Override
    public long bestAsk() {
        return asks.isEmpty() ? 0 : asks.getFirst()[0];
    }

    @Override
    public long lastTradePrice() {
        return lastTradePrice;
    }

    @Override
    public long depthVolume(boolean bidSide, int depth) {
        List<long[]> side = bidSide ? bids : asks;
        long total = 0;
        for (int i = 0; i < Math.min(depth, side.size()); i++) {
            total += side.get(i)[1];
        }
        return total;
    }

    @Override
    public BookSnapshot snapshot(int depth) {
        return new BookSnapshot(bookId, 0, levels(bids, depth), levels(asks, depth));
    }

    private static List<Level> levels(List<long[]> side, int depth) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < Math.min(depth, side.size()); i++) {
            levels.add(Level.broad(side.get(i)[0], side.get(i)[1]));
        }
        return levels;
    }
}
