package io.mvtrx.plugin.matching.pricetime;

import java.util.Arrays;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.RestingOrderVisitor;
import io.mvtrx.plugin.matching.pricetime.internal.Long2ObjectHashMap;

/**
 * A price-time priority book that does not allocate in steady state.
 *
 * <p><b>Rule.</b> Price priority, then time (FIFO) within a level; every trade is at the resting order's price.
 * Self-trade prevention applies when the resting order at the front of the best level belongs to the taker's agent
 * and the mode is not {@link StpMode#NONE}: CO cancels that resting order and goes on; CN ends the taker (nothing
 * rests); CB ends the taker and cancels the resting order; DC cancels the smaller of the two and reduces the larger
 * by its size (equal sizes: both go), going on only when the taker was the larger. {@link #match} returns the
 * unfilled quantity, 0 also when CN, CB or DC ended the taker. Orders leave the book the moment they reach zero and
 * the book is never crossed ({@link #rest} refuses an order that would cross).
 *
 * <p><b>Structure.</b> Resting orders are pooled {@code Node}s in an intrusive doubly-linked FIFO per level, found by
 * id through a primitive open-addressing map. Each side is a {@code Ladder}: a sorted array of pooled {@code Level}s
 * with a parallel {@code long[]} of keys (the price for bids, its negation for asks), so that both sides sort
 * ascending and the best level is always the <em>last</em> element. That choice suits a book whose activity sits
 * near the touch: the best level is one array read; consuming or adding the best level is O(1) (no shifting);
 * inserting or removing a level {@code d} levels behind the touch moves {@code d} references; finding any other
 * price is a binary search over a dense {@code long[]} (10 probes for 750 levels, all in a few cache lines), and
 * walking levels best first is a backward array scan. A tick-indexed ladder would find prices in O(1) but needs
 * re-centring when prices drift and a scan to find the next best level when one empties; a tree allocates or
 * chases pointers per level.
 *
 * <p><b>Allocation.</b> Nodes and levels come from free lists filled up front from {@link BookSpec#expectedOrders()};
 * when a list runs dry the book allocates one more and counts it ({@link #poolMisses()}); the id map and the ladder
 * arrays double when full ({@link #growths()}). Released objects return to the free lists, so a book that stays
 * within its high-water mark allocates nothing. The matching loop throws no exception for business outcomes, builds
 * no string and uses no lambda; exceptions are reserved for broken caller contracts (negative quantity, duplicate
 * id, a rest that would cross).
 *
 * <p><b>Sink.</b> The book applies each change before it calls the sink, so a sink that reads the book sees the state
 * after the event; sinks must not modify the book.
 *
 * <p>Not thread-safe: one writer per book. Level and side totals must fit in a {@code long}.
 */
public final class PriceTimeBook implements OrderBook {

    private static final int MIN_POOL = 16;
    private static final long HASH_START = 0x6D76_7472_785F_626BL;

    private final int bookId;
    private final Ladder bids;
    private final Ladder asks;
    private final Long2ObjectHashMap<Node> orders;
    private Node freeNodes;
    private Level freeLevels;
    private long poolMisses;

    /** An empty book with pools for {@link BookSpec#expectedOrders()} resting orders. */
    public PriceTimeBook(BookSpec spec) {
        this.bookId = spec.bookId();
        int expected = Math.max(MIN_POOL, spec.expectedOrders());
        this.bids = new Ladder(true, Math.max(MIN_POOL, expected / 2));
        this.asks = new Ladder(false, Math.max(MIN_POOL, expected / 2));
        this.orders = new Long2ObjectHashMap<>(expected);
        for (int i = 0; i < expected; i++) {
            Node node = new Node();
            node.next = freeNodes;
            freeNodes = node;
            Level level = new Level();
            level.nextFree = freeLevels;
            freeLevels = level;
        }
    }

    @Override
    public int bookId() {
        return bookId;
    }

    @Override
    public long bestBid() {
        return bids.bestPrice();
    }

    @Override
    public long bestAsk() {
        return asks.bestPrice();
    }

    @Override
    public long match(long takerOrderId, int takerAgentId, Side side, long limitPrice, long quantity, StpMode stp,
                      MatchSink sink) {
        if (quantity <= 0) {
            if (quantity < 0) {
                throw new IllegalArgumentException(String.format(
                        "book %d: order %d: quantity must be >= 0, got %d", bookId, takerOrderId, quantity));
            }
            return 0;
        }
        Ladder opposite = side == Side.BUY ? asks : bids;
        long limitKey = limitPrice == NO_PRICE ? Long.MIN_VALUE : opposite.key(limitPrice);
        boolean prevent = stp != StpMode.NONE;
        long remaining = quantity;
        while (remaining > 0) {
            int top = opposite.size - 1;
            if (top < 0 || opposite.keys[top] < limitKey) {
                break;
            }
            Level level = opposite.levels[top];
            Node node = level.head;
            long makerId = node.id;
            long price = level.price;
            long resting = node.quantity;
            if (prevent && node.agentId == takerAgentId) {
                switch (stp) {
                    case CO -> {
                        remove(node);
                        sink.onSelfTradeCancel(makerId, price, resting, 0);
                    }
                    case CN -> {
                        return 0;
                    }
                    case CB -> {
                        remove(node);
                        sink.onSelfTradeCancel(makerId, price, resting, 0);
                        return 0;
                    }
                    case DC -> {
                        if (resting <= remaining) {
                            remove(node);
                            remaining -= resting;
                            sink.onSelfTradeCancel(makerId, price, resting, 0);
                        } else {
                            long left = resting - remaining;
                            node.quantity = left;
                            level.quantity -= remaining;
                            sink.onSelfTradeCancel(makerId, price, remaining, left);
                            return 0;
                        }
                    }
                    case NONE -> throw new AssertionError("self-trade prevention with mode NONE");
                }
                continue;
            }
            int makerAgentId = node.agentId;
            long used = Math.min(resting, remaining);
            long left = resting - used;
            remaining -= used;
            if (left == 0) {
                remove(node);
            } else {
                node.quantity = left;
                level.quantity -= used;
            }
            sink.onFill(makerId, makerAgentId, price, used, left);
        }
        return remaining;
    }

    @Override
    public void rest(long orderId, int agentId, Side side, long price, long quantity, long timestamp) {
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: price and quantity must be > 0, got price %d quantity %d",
                    bookId, orderId, price, quantity));
        }
        Ladder own = side == Side.BUY ? bids : asks;
        Ladder opposite = side == Side.BUY ? asks : bids;
        if (opposite.size > 0 && opposite.keys[opposite.size - 1] >= opposite.key(price)) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: %s at %d would cross the best opposite price %d; match it first",
                    bookId, orderId, side, price, opposite.bestPrice()));
        }
        Node node = newNode();
        Node previous = orders.put(orderId, node);
        if (previous != null) {
            orders.put(orderId, previous);
            node.next = freeNodes;
            freeNodes = node;
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d is already resting", bookId, orderId));
        }
        long key = own.key(price);
        Level level;
        int top = own.size - 1;
        if (top >= 0 && own.keys[top] == key) {
            level = own.levels[top];
        } else {
            int index = own.search(key);
            if (index >= 0) {
                level = own.levels[index];
            } else {
                level = newLevel(own, price);
                own.insert(-index - 1, key, level);
            }
        }
        node.id = orderId;
        node.agentId = agentId;
        node.quantity = quantity;
        node.level = level;
        node.next = null;
        node.prev = level.tail;
        if (level.tail == null) {
            level.head = node;
        } else {
            level.tail.next = node;
        }
        level.tail = node;
        level.count++;
        level.quantity += quantity;
    }

    @Override
    public long reduce(long orderId, long quantity) {
        if (quantity <= 0) {
            return 0;
        }
        int slot = orders.indexOf(orderId);
        if (slot < 0) {
            return 0;
        }
        Node node = orders.valueAt(slot);
        if (quantity >= node.quantity) {
            long removed = node.quantity;
            orders.removeAt(slot);
            unlink(node);
            return removed;
        }
        node.quantity -= quantity;
        node.level.quantity -= quantity;
        return quantity;
    }

    @Override
    public long quantity(long orderId) {
        Node node = orders.get(orderId);
        return node == null ? -1 : node.quantity;
    }

    @Override
    public void walk(Side side, long limitPrice, RestingOrderVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        long limitKey = limitPrice == NO_PRICE ? Long.MIN_VALUE : ladder.key(limitPrice);
        for (int i = ladder.size - 1; i >= 0 && ladder.keys[i] >= limitKey; i--) {
            Level level = ladder.levels[i];
            for (Node node = level.head; node != null; node = node.next) {
                if (!visitor.visit(node.id, node.agentId, level.price, node.quantity)) {
                    return;
                }
            }
        }
    }

    @Override
    public void levels(Side side, int depth, LevelVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        int end = Math.max(0, ladder.size - Math.max(0, depth));
        for (int i = ladder.size - 1; i >= end; i--) {
            Level level = ladder.levels[i];
            if (!visitor.visit(level.price, level.quantity, level.count)) {
                return;
            }
        }
    }

    @Override
    public void levelOrders(Side side, long price, RestingOrderVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        int index = ladder.search(ladder.key(price));
        if (index < 0) {
            return;
        }
        Level level = ladder.levels[index];
        for (Node node = level.head; node != null; node = node.next) {
            if (!visitor.visit(node.id, node.agentId, price, node.quantity)) {
                return;
            }
        }
    }

    @Override
    public int orderCount() {
        return orders.size();
    }

    /**
     * The fingerprint every MVTRX book computes: for BUY then SELL, the level count, then per level best first its
     * price, quantity and order count followed by each order's id, agent and quantity in queue order, folded with
     * {@code x = (h ^ v) * 0x9E3779B97F4A7C15L; h = x ^ (x >>> 29)} from {@code 0x6D767472785F626BL}.
     */
    @Override
    public long stateHash() {
        return hashSide(hashSide(HASH_START, bids), asks);
    }

    /** Nodes and levels allocated because a free list was empty (0 while the book stays within its sizing). */
    public long poolMisses() {
        return poolMisses;
    }

    /** Times the id map or a side's level array doubled. */
    public long growths() {
        return orders.resizes() + bids.growths + asks.growths;
    }

    @Override
    public String toString() {
        return String.format("PriceTimeBook[%d: %d orders, %d bid levels, %d ask levels, best %d/%d]",
                bookId, orderCount(), bids.size, asks.size, bestBid(), bestAsk());
    }

    private static long hashSide(long hash, Ladder ladder) {
        long h = mix(hash, ladder.size);
        for (int i = ladder.size - 1; i >= 0; i--) {
            Level level = ladder.levels[i];
            h = mix(mix(mix(h, level.price), level.quantity), level.count);
            for (Node node = level.head; node != null; node = node.next) {
                h = mix(mix(mix(h, node.id), node.agentId), node.quantity);
            }
        }
        return h;
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x9E37_79B9_7F4A_7C15L;
        return h ^ (h >>> 29);
    }

    /** Forgets a resting order's id, unlinks it, drops its level when emptied, returns both to the pools. */
    private void remove(Node node) {
        orders.remove(node.id);
        unlink(node);
    }

    /** Unlinks a resting order whose id is already forgotten; drops its level when emptied; pools both. */
    private void unlink(Node node) {
        Level level = node.level;
        Node prev = node.prev;
        Node next = node.next;
        if (prev == null) {
            level.head = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            level.tail = prev;
        } else {
            next.prev = prev;
        }
        level.count--;
        level.quantity -= node.quantity;
        if (level.count == 0) {
            level.ladder.remove(level);
            level.ladder = null;
            level.head = null;
            level.tail = null;
            level.nextFree = freeLevels;
            freeLevels = level;
        }
        node.level = null;
        node.prev = null;
        node.next = freeNodes;
        freeNodes = node;
    }

    private Node newNode() {
        Node node = freeNodes;
        if (node == null) {
            poolMisses++;
            return new Node();
        }
        freeNodes = node.next;
        return node;
    }

    private Level newLevel(Ladder ladder, long price) {
        Level level = freeLevels;
        if (level == null) {
            poolMisses++;
            level = new Level();
        } else {
            freeLevels = level.nextFree;
            level.nextFree = null;
        }
        level.price = price;
        level.quantity = 0;
        level.count = 0;
        level.ladder = ladder;
        return level;
    }

    /** A resting order: a pooled node of its level's FIFO. */
    private static final class Node {
        long id;
        int agentId;
        long quantity;
        Level level;
        Node prev;
        Node next;
    }

    /** A price level: FIFO of nodes with cached totals; pooled. */
    private static final class Level {
        long price;
        long quantity;
        int count;
        Node head;
        Node tail;
        Ladder ladder;
        Level nextFree;
    }

    /**
     * One side: levels sorted ascending by key, best last. Key = price for bids, -price for asks, so "at least as
     * good as the limit" is {@code key >= key(limit)} on both sides.
     */
    private static final class Ladder {
        final boolean bid;
        long[] keys;
        Level[] levels;
        int size;
        long growths;

        Ladder(boolean bid, int capacity) {
            this.bid = bid;
            this.keys = new long[capacity];
            this.levels = new Level[capacity];
        }

        long key(long price) {
            return bid ? price : -price;
        }

        long bestPrice() {
            return size == 0 ? NO_PRICE : levels[size - 1].price;
        }

        /**
         * Index of {@code key}, or {@code -(insertion point) - 1}. Branch-free halving (the compare becomes a
         * conditional move), so its cost does not depend on how well the branch predictor guesses.
         */
        int search(long key) {
            int n = size;
            if (n == 0) {
                return -1;
            }
            long[] ks = keys;
            int base = 0;
            while (n > 1) {
                int half = n >>> 1;
                base = ks[base + half] <= key ? base + half : base;
                n -= half;
            }
            long found = ks[base];
            if (found == key) {
                return base;
            }
            return -(found < key ? base + 1 : base) - 1;
        }

        void insert(int index, long key, Level level) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                levels = Arrays.copyOf(levels, size * 2);
                growths++;
            }
            int tail = size - index;
            if (tail > 0) {
                System.arraycopy(keys, index, keys, index + 1, tail);
                System.arraycopy(levels, index, levels, index + 1, tail);
            }
            keys[index] = key;
            levels[index] = level;
            size++;
        }

        void remove(Level level) {
            int top = size - 1;
            int index = levels[top] == level ? top : search(key(level.price));
            int tail = top - index;
            if (tail > 0) {
                System.arraycopy(keys, index + 1, keys, index, tail);
                System.arraycopy(levels, index + 1, levels, index, tail);
            }
            levels[top] = null;
            size = top;
        }
    }
}
