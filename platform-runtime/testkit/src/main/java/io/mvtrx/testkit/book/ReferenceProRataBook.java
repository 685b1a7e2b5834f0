package io.mvtrx.testkit.book;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.RestingOrderVisitor;

/**
 * The obviously correct pro-rata book: the twin every fast pro-rata book is replayed against. It keeps its orders in a
 * {@link ReferenceBook} and writes only {@link #match} anew, out of that book's public operations (read a level with
 * {@code levelOrders}, apply a fill or a cancel with {@code reduce}), with exact {@link BigInteger} shares.
 *
 * <p><b>Rule</b> (the one documented in {@code doc/matching.md}). Levels are taken best first within the limit. At a
 * level, self-trade prevention first deals with the taker agent's own orders there, all at once, in queue order:
 * <ul>
 *   <li>CO: each own order is cancelled; allocation goes on among the others;</li>
 *   <li>CN: if the level holds an own order, the taker ends there (nothing at that level fills);</li>
 *   <li>CB: if it holds any, every own order of the level is cancelled and the taker ends;</li>
 *   <li>DC: the taker is decremented against each own order in turn (smaller cancelled, larger reduced; equal both),
 *       and allocation goes on among the others only if the taker survives all of them;</li>
 *   <li>NONE: own orders take part like any other.</li>
 * </ul>
 * Then, with {@code q} the taker's remainder and {@code T} the level's total: if {@code q >= T} every order fills
 * completely; otherwise order {@code i} of size {@code s_i} gets {@code floor(q * s_i / T)} lots, and the lots left
 * over (fewer than the number of orders) go by time priority: the oldest order takes as many as it has room for
 * (its size less its share), then the next oldest, and so on. Fills are reported in queue order.
 *
 * <p>Not thread-safe; slow and allocating (tests only).
 */
public final class ReferenceProRataBook implements OrderBook {

    private final ReferenceBook book;

    /** An empty book. */
    public ReferenceProRataBook(int bookId) {
        this.book = new ReferenceBook(bookId);
    }

    @Override
    public long match(long takerOrderId, int takerAgentId, Side side, long limitPrice, long quantity, StpMode stp,
                      MatchSink sink) {
        if (quantity < 0) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: quantity must be >= 0, got %d", bookId(), takerOrderId, quantity));
        }
        Side restingSide = side.opposite();
        long remaining = quantity;
        while (remaining > 0) {
            long price = side == Side.BUY ? bestAsk() : bestBid();
            if (price == NO_PRICE
                    || limitPrice != NO_PRICE && (side == Side.BUY ? price > limitPrice : price < limitPrice)) {
                break;
            }
            List<long[]> orders = ordersAt(restingSide, price);
            if (stp != StpMode.NONE) {
                List<long[]> own = new ArrayList<>();
                List<long[]> others = new ArrayList<>();
                for (long[] order : orders) {
                    (order[1] == takerAgentId ? own : others).add(order);
                }
                if (!own.isEmpty()) {
                    switch (stp) {
                        case CN -> {
                            return 0;
                        }
                        case CB -> {
                            for (long[] order : own) {
                                cancel(order, order[2], price, sink);
                            }
                            return 0;
                        }
                        case CO -> {
                            for (long[] order : own) {
                                cancel(order, order[2], price, sink);
                            }
                        }
                        case DC -> {
                            for (long[] order : own) {
                                if (order[2] <= remaining) {
                                    cancel(order, order[2], price, sink);
                                    remaining -= order[2];
                                } else {
                                    cancel(order, remaining, price, sink);
                                    remaining = 0;
                                }
                                if (remaining == 0) {
                                    return 0;
                                }
                            }
                        }
                        case NONE -> throw new AssertionError("unreachable");
                    }
                    orders = others;
                }
                if (orders.isEmpty()) {
                    continue;
                }
            }
            long total = 0;
            for (long[] order : orders) {
                total += order[2];
            }
            if (remaining >= total) {
                for (long[] order : orders) {
                    fill(order, order[2], price, sink);
                }
                remaining -= total;
                continue;
            }
            long[] shares = new long[orders.size()];
            long allocated = 0;
            for (int i = 0; i < shares.length; i++) {
                shares[i] = BigInteger.valueOf(remaining).multiply(BigInteger.valueOf(orders.get(i)[2]))
                        .divide(BigInteger.valueOf(total)).longValueExact();
                allocated += shares[i];
            }
            long leftover = remaining - allocated;
            for (int i = 0; i < shares.length; i++) {
                long[] order = orders.get(i);
                long extra = Math.min(leftover, order[2] - shares[i]);
                leftover -= extra;
                if (shares[i] + extra > 0) {
                    fill(order, shares[i] + extra, price, sink);
                }
            }
            remaining = 0;
        }
        return remaining;
    }

    private List<long[]> ordersAt(Side side, long price) {
        List<long[]> orders = new ArrayList<>();
        book.levelOrders(side, price,
                (id, agent, p, quantity) -> orders.add(new long[] {id, agent, quantity, book.handle(id)}));
        return orders;
    }

    private void fill(long[] order, long quantity, long price, MatchSink sink) {
        book.reduce(order[0], quantity);
        sink.onFill(order[0], (int) order[1], (int) order[3], price, quantity, order[2] - quantity);
    }

    private void cancel(long[] order, long quantity, long price, MatchSink sink) {
        book.reduce(order[0], quantity);
        sink.onSelfTradeCancel(order[0], (int) order[3], price, quantity, order[2] - quantity);
    }

    @Override
    public int bookId() {
        return book.bookId();
    }

    @Override
    public long bestBid() {
        return book.bestBid();
    }

    @Override
    public long bestAsk() {
        return book.bestAsk();
    }

    @Override
    public void rest(long orderId, int agentId, Side side, long price, long quantity, long timestamp, int handle) {
        book.rest(orderId, agentId, side, price, quantity, timestamp, handle);
    }

    @Override
    public int handle(long orderId) {
        return book.handle(orderId);
    }

    @Override
    public long reduce(long orderId, long quantity) {
        return book.reduce(orderId, quantity);
    }

    @Override
    public long quantity(long orderId) {
        return book.quantity(orderId);
    }

    @Override
    public void walk(Side side, long limitPrice, RestingOrderVisitor visitor) {
        book.walk(side, limitPrice, visitor);
    }

    @Override
    public void levels(Side side, int depth, LevelVisitor visitor) {
        book.levels(side, depth, visitor);
    }

    @Override
    public void levelOrders(Side side, long price, RestingOrderVisitor visitor) {
        book.levelOrders(side, price, visitor);
    }

    @Override
    public int orderCount() {
        return book.orderCount();
    }

    @Override
    public long stateHash() {
        return book.stateHash();
    }

    @Override
    public String toString() {
        return "ReferenceProRataBook over " + book;
    }
}
