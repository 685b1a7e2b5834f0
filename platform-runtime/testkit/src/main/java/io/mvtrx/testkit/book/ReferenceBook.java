package io.mvtrx.testkit.book;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.RestingOrderVisitor;

/**
 * The obviously correct price-time book: the twin every fast price-time book is replayed against.
 *
 * <p>Each side is a {@link TreeMap} from price to a FIFO {@link ArrayDeque} of orders, ordered best first (bids
 * descending, asks ascending); a {@link HashMap} finds orders by id. Matching is price priority, then time; trades
 * happen at the resting price. Self-trade prevention applies when the resting order's agent is the taker's agent
 * and the mode is not {@link StpMode#NONE}:
 * <ul>
 *   <li>CO: the resting order is cancelled, matching continues;</li>
 *   <li>CN: the taker's remainder is cancelled (nothing rests), matching stops;</li>
 *   <li>CB: the taker's remainder and the resting order are cancelled, matching stops;</li>
 *   <li>DC: the smaller of the two is cancelled and the larger reduced by its size (equal: both go); matching
 *       continues only when the taker is the larger.</li>
 * </ul>
 * Orders leave the book as soon as they reach zero, and a book is never crossed: {@link #rest} refuses an order
 * that would cross. The book applies each change before it tells the sink, so a sink that reads the book sees the
 * state after the event; sinks must not modify the book.
 *
 * <p>Not thread-safe. Cost: O(log L) per level lookup, O(n) to cancel inside a level; it allocates freely. Use it
 * in tests only.
 */
public final class ReferenceBook implements OrderBook {

    private final int bookId;
    private final NavigableMap<Long, ArrayDeque<Resting>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, ArrayDeque<Resting>> asks = new TreeMap<>();
    private final Map<Long, Resting> byId = new HashMap<>();

    /** An empty book. */
    public ReferenceBook(int bookId) {
        this.bookId = bookId;
    }

    @Override
    public int bookId() {
        return bookId;
    }

    @Override
    public long bestBid() {
        return bids.isEmpty() ? NO_PRICE : bids.firstKey();
    }

    @Override
    public long bestAsk() {
        return asks.isEmpty() ? NO_PRICE : asks.firstKey();
    }

    @Override
    public long match(long takerOrderId, int takerAgentId, Side side, long limitPrice, long quantity, StpMode stp,
                      MatchSink sink) {
        if (quantity < 0) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: quantity must be >= 0, got %d", bookId, takerOrderId, quantity));
        }
        NavigableMap<Long, ArrayDeque<Resting>> opposite = sideOf(side.opposite());
        long remaining = quantity;
        while (remaining > 0 && !opposite.isEmpty()) {
            long price = opposite.firstKey();
            if (limitPrice != NO_PRICE && (side == Side.BUY ? price > limitPrice : price < limitPrice)) {
                break;
            }
            Resting resting = opposite.firstEntry().getValue().peekFirst();
            if (stp != StpMode.NONE && resting.agentId == takerAgentId) {
                switch (stp) {
                    case CO -> {
                        long cancelled = resting.quantity;
                        remove(resting);
                        sink.onSelfTradeCancel(resting.id, resting.handle, price, cancelled, 0);
                    }
                    case CN -> {
                        return 0;
                    }
                    case CB -> {
                        long cancelled = resting.quantity;
                        remove(resting);
                        sink.onSelfTradeCancel(resting.id, resting.handle, price, cancelled, 0);
                        return 0;
                    }
                    case DC -> {
                        if (resting.quantity <= remaining) {
                            long cancelled = resting.quantity;
                            remove(resting);
                            remaining -= cancelled;
                            sink.onSelfTradeCancel(resting.id, resting.handle, price, cancelled, 0);
                        } else {
                            resting.quantity -= remaining;
                            sink.onSelfTradeCancel(resting.id, resting.handle, price, remaining, resting.quantity);
                            return 0;
                        }
                    }
                    case NONE -> throw new AssertionError("unreachable");
                }
                continue;
            }
            long used = Math.min(resting.quantity, remaining);
            resting.quantity -= used;
            remaining -= used;
            if (resting.quantity == 0) {
                remove(resting);
            }
            sink.onFill(resting.id, resting.agentId, resting.handle, price, used, resting.quantity);
        }
        return remaining;
    }

    @Override
    public void rest(long orderId, int agentId, Side side, long price, long quantity, long timestamp, int handle) {
        if (price <= 0 || quantity <= 0 || handle < 0) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: price and quantity must be > 0 and handle >= 0, got price %d quantity %d"
                            + " handle %d", bookId, orderId, price, quantity, handle));
        }
        if (byId.containsKey(orderId)) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d is already resting", bookId, orderId));
        }
        long opposite = side == Side.BUY ? bestAsk() : bestBid();
        if (opposite != NO_PRICE && (side == Side.BUY ? price >= opposite : price <= opposite)) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: %s at %d would cross the best opposite price %d; match it first",
                    bookId, orderId, side, price, opposite));
        }
        Resting order = new Resting(orderId, agentId, side, price, quantity, timestamp, handle);
        sideOf(side).computeIfAbsent(price, p -> new ArrayDeque<>()).addLast(order);
        byId.put(orderId, order);
    }

    @Override
    public long reduce(long orderId, long quantity) {
        Resting order = byId.get(orderId);
        if (order == null || quantity <= 0) {
            return 0;
        }
        long removed = Math.min(quantity, order.quantity);
        order.quantity -= removed;
        if (order.quantity == 0) {
            remove(order);
        }
        return removed;
    }

    @Override
    public long quantity(long orderId) {
        Resting order = byId.get(orderId);
        return order == null ? -1 : order.quantity;
    }

    @Override
    public int handle(long orderId) {
        Resting order = byId.get(orderId);
        return order == null ? NO_HANDLE : order.handle;
    }

    @Override
    public void walk(Side side, long limitPrice, RestingOrderVisitor visitor) {
        for (Map.Entry<Long, ArrayDeque<Resting>> level : sideOf(side).entrySet()) {
            long price = level.getKey();
            if (limitPrice != NO_PRICE && (side == Side.SELL ? price > limitPrice : price < limitPrice)) {
                return;
            }
            for (Resting order : level.getValue()) {
                if (!visitor.visit(order.id, order.agentId, price, order.quantity)) {
                    return;
                }
            }
        }
    }

    @Override
    public void levels(Side side, int depth, LevelVisitor visitor) {
        int visited = 0;
        for (Map.Entry<Long, ArrayDeque<Resting>> level : sideOf(side).entrySet()) {
            if (visited++ >= depth) {
                return;
            }
            long total = 0;
            for (Resting order : level.getValue()) {
                total += order.quantity;
            }
            if (!visitor.visit(level.getKey(), total, level.getValue().size())) {
                return;
            }
        }
    }

    @Override
    public void levelOrders(Side side, long price, RestingOrderVisitor visitor) {
        ArrayDeque<Resting> level = sideOf(side).get(price);
        if (level == null) {
            return;
        }
        for (Resting order : level) {
            if (!visitor.visit(order.id, order.agentId, price, order.quantity)) {
                return;
            }
        }
    }

    @Override
    public int orderCount() {
        return byId.size();
    }

    @Override
    public long stateHash() {
        long hash = BookHash.EMPTY;
        for (Side side : Side.values()) {
            NavigableMap<Long, ArrayDeque<Resting>> levels = sideOf(side);
            hash = BookHash.mix(hash, levels.size());
            for (Map.Entry<Long, ArrayDeque<Resting>> level : levels.entrySet()) {
                long total = 0;
                for (Resting order : level.getValue()) {
                    total += order.quantity;
                }
                hash = BookHash.level(hash, level.getKey(), total, level.getValue().size());
                for (Resting order : level.getValue()) {
                    hash = BookHash.order(hash, order.id, order.agentId, order.quantity);
                }
            }
        }
        return hash;
    }

    @Override
    public String toString() {
        return String.format("ReferenceBook[%d: bids %s, asks %s]", bookId, bids, asks);
    }

    private NavigableMap<Long, ArrayDeque<Resting>> sideOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private void remove(Resting order) {
        NavigableMap<Long, ArrayDeque<Resting>> levels = sideOf(order.side);
        ArrayDeque<Resting> level = levels.get(order.price);
        level.removeFirstOccurrence(order);
        if (level.isEmpty()) {
            levels.remove(order.price);
        }
        byId.remove(order.id);
    }

    private static final class Resting {
        final long id;
        final int agentId;
        final Side side;
        final long price;
        final long timestamp;
        final int handle;
        long quantity;

        Resting(long id, int agentId, Side side, long price, long quantity, long timestamp, int handle) {
            this.id = id;
            this.agentId = agentId;
            this.side = side;
            this.price = price;
            this.quantity = quantity;
            this.timestamp = timestamp;
            this.handle = handle;
        }

        @Override
        public String toString() {
            return String.format("#%d(agent %d, %d @ %d, t %d)", id, agentId, quantity, price, timestamp);
        }
    }
}
