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
 * id through a primitive open-addressing map. Each side is a {@code Ladder} keyed by {@code key = price} for bids and
 * {@code -price} for asks, so that "better" is "larger key" on both sides. The ladder is a <em>tick-indexed
 * window</em> of {@value #WINDOW} slots (one per tick, a {@code Level} or null, with an occupancy bitmap) placed so the
 * best level sits three quarters of the way up; levels worse than the window go to an <em>overflow</em>, a sorted
 * array (best last) that only far-away orders reach. Near the touch every operation is O(1): finding or adding a
 * level is an array index, the best level is a cached slot, and the next best after the best empties is found by
 * scanning the bitmap 64 ticks per word. When a better price arrives above the window, or the best sinks into the
 * window's bottom quarter, the window re-centres (O(window), rare: the price has moved by hundreds of ticks), moving
 * levels between window and overflow; when the window empties, the overflow's best levels move up into it. A pure
 * sorted array (binary search plus shifting every level between the change and the touch) measured ~75 ns/op on the
 * benchmark mix, dominated by search and shifting; a tree would chase pointers and allocate per level.
 *
 * <p><b>Allocation.</b> Nodes and levels come from free lists filled up front from {@link BookSpec#expectedOrders()};
 * when a list runs dry the book allocates one more and counts it ({@link #poolMisses()}); the id map and the overflow
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
    /** Ticks covered by each side's window (a power of two). */
    static final int WINDOW = 4096;
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
        this(spec, WINDOW);
    }

    /** An empty book whose price windows span {@code window} ticks (a power of two, at least 64); for tests. */
    PriceTimeBook(BookSpec spec, int window) {
        if (window < 64 || Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException(String.format(
                    "book %d: window must be a power of two >= 64, got %d", spec.bookId(), window));
        }
        this.bookId = spec.bookId();
        int expected = Math.max(MIN_POOL, spec.expectedOrders());
        this.bids = new Ladder(true, window, MIN_POOL);
        this.asks = new Ladder(false, window, MIN_POOL);
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
            Level level = opposite.best();
            if (level == null || opposite.key(level.price) < limitKey) {
                break;
            }
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
        Level best = opposite.best();
        if (best != null && opposite.key(best.price) >= opposite.key(price)) {
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
        Level level = own.find(price);
        if (level == null) {
            level = newLevel(own, price);
            own.insert(level);
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
        for (Level level = ladder.best(); level != null; level = ladder.worse(level)) {
            if (ladder.key(level.price) < limitKey) {
                return;
            }
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
        int visited = 0;
        for (Level level = ladder.best(); level != null && visited < depth; level = ladder.worse(level)) {
            visited++;
            if (!visitor.visit(level.price, level.quantity, level.count)) {
                return;
            }
        }
    }

    @Override
    public void levelOrders(Side side, long price, RestingOrderVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        Level level = ladder.find(price);
        if (level == null) {
            return;
        }
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

    /** Times the id map or a side's overflow array doubled. */
    public long growths() {
        return orders.resizes() + bids.overflow.growths + asks.overflow.growths;
    }

    @Override
    public String toString() {
        return String.format("PriceTimeBook[%d: %d orders, %d bid levels, %d ask levels, best %d/%d]",
                bookId, orderCount(), bids.levelCount(), asks.levelCount(), bestBid(), bestAsk());
    }

    private static long hashSide(long hash, Ladder ladder) {
        long h = mix(hash, ladder.levelCount());
        for (Level level = ladder.best(); level != null; level = ladder.worse(level)) {
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
     * One side of the book. Keys are {@code price} (bids) or {@code -price} (asks): larger is better on both sides.
     * Levels with keys in {@code [base, base + window)} live in {@code slots[key - base]} with a bit set in
     * {@code bits}; levels with keys below {@code base} live in {@code overflow}. Invariants: no level has a key at
     * or above {@code base + window}; the window is empty only when the overflow is empty too; {@code bestSlot} is the
     * highest occupied slot (-1 when empty).
     */
    private static final class Ladder {
        final boolean bid;
        final int window;
        final Level[] slots;
        final long[] bits;
        final Overflow overflow;
        long base;
        int windowLevels;
        int bestSlot = -1;

        Ladder(boolean bid, int window, int overflowCapacity) {
            this.bid = bid;
            this.window = window;
            this.slots = new Level[window];
            this.bits = new long[window >>> 6];
            this.overflow = new Overflow(overflowCapacity);
        }

        long key(long price) {
            return bid ? price : -price;
        }

        int levelCount() {
            return windowLevels + overflow.size;
        }

        Level best() {
            return bestSlot < 0 ? null : slots[bestSlot];
        }

        long bestPrice() {
            return bestSlot < 0 ? NO_PRICE : slots[bestSlot].price;
        }

        /** The level at {@code price}, or null. */
        Level find(long price) {
            long offset = key(price) - base;
            if (offset >= 0) {
                return offset < window ? slots[(int) offset] : null;
            }
            int index = overflow.search(key(price));
            return index >= 0 ? overflow.levels[index] : null;
        }

        /** The next level worse than {@code level}, or null. */
        Level worse(Level level) {
            long key = key(level.price);
            long offset = key - base;
            if (offset >= 0) {
                int slot = highestBelow((int) offset);
                if (slot >= 0) {
                    return slots[slot];
                }
                return overflow.size == 0 ? null : overflow.levels[overflow.size - 1];
            }
            int index = overflow.search(key);
            return index > 0 ? overflow.levels[index - 1] : null;
        }

        /** Adds a level whose price is not in the ladder yet. */
        void insert(Level level) {
            long key = key(level.price);
            if (windowLevels == 0 || key - base >= window) {
                recentre(key - window + window / 4);
            }
            long offset = key - base;
            if (offset < 0) {
                overflow.insert(key, level);
                return;
            }
            int slot = (int) offset;
            slots[slot] = level;
            bits[slot >>> 6] |= 1L << slot;
            windowLevels++;
            if (slot > bestSlot) {
                bestSlot = slot;
            }
        }

        /** Removes an emptied level. */
        void remove(Level level) {
            long key = key(level.price);
            long offset = key - base;
            if (offset < 0) {
                overflow.remove(key);
                return;
            }
            int slot = (int) offset;
            slots[slot] = null;
            bits[slot >>> 6] &= ~(1L << slot);
            windowLevels--;
            if (slot == bestSlot) {
                bestSlot = highestBelow(slot);
                if (windowLevels == 0) {
                    if (overflow.size > 0) {
                        recentre(overflow.keys[overflow.size - 1] - window + window / 4);
                    }
                } else if (bestSlot < window / 4) {
                    recentre(base + bestSlot - window + window / 4);
                }
            }
        }

        /** Highest occupied slot strictly below {@code slot}, or -1. */
        int highestBelow(int slot) {
            if (slot <= 0) {
                return -1;
            }
            int word = (slot - 1) >>> 6;
            long bitsOf = bits[word] & (-1L >>> (63 - ((slot - 1) & 63)));
            while (true) {
                if (bitsOf != 0) {
                    return (word << 6) + 63 - Long.numberOfLeadingZeros(bitsOf);
                }
                if (--word < 0) {
                    return -1;
                }
                bitsOf = bits[word];
            }
        }

        /**
         * Moves the window to start at {@code newBase}: levels that fall below it go to the overflow, overflow levels
         * that now fit come up. Never moves a level above the window: callers move the base down only by less than
         * the distance from the best slot to the top, or when the window is empty.
         */
        void recentre(long newBase) {
            long shift = newBase - base;
            if (windowLevels == 0) {
                base = newBase;
            } else if (shift > 0) {
                int out = (int) Math.min(shift, window);
                for (int i = 0; i < out; i++) {
                    if (slots[i] != null) {
                        overflow.append(base + i, slots[i]);
                        slots[i] = null;
                    }
                }
                if (out < window) {
                    System.arraycopy(slots, out, slots, 0, window - out);
                    Arrays.fill(slots, window - out, window, null);
                }
                base = newBase;
            } else if (shift < 0) {
                int in = (int) -shift;
                System.arraycopy(slots, 0, slots, in, window - in);
                Arrays.fill(slots, 0, in, null);
                base = newBase;
            }
            while (overflow.size > 0 && overflow.keys[overflow.size - 1] >= base) {
                long key = overflow.keys[overflow.size - 1];
                slots[(int) (key - base)] = overflow.pop();
            }
            Arrays.fill(bits, 0);
            windowLevels = 0;
            bestSlot = -1;
            for (int i = 0; i < window; i++) {
                if (slots[i] != null) {
                    bits[i >>> 6] |= 1L << i;
                    windowLevels++;
                    bestSlot = i;
                }
            }
        }
    }

    /** Levels below a ladder's window: sorted ascending by key, best last. */
    private static final class Overflow {
        long[] keys;
        Level[] levels;
        int size;
        long growths;

        Overflow(int capacity) {
            this.keys = new long[capacity];
            this.levels = new Level[capacity];
        }

        /** Index of {@code key}, or {@code -(insertion point) - 1}. */
        int search(long key) {
            return Arrays.binarySearch(keys, 0, size, key);
        }

        void insert(long key, Level level) {
            int index = -search(key) - 1;
            ensureRoom();
            int tail = size - index;
            if (tail > 0) {
                System.arraycopy(keys, index, keys, index + 1, tail);
                System.arraycopy(levels, index, levels, index + 1, tail);
            }
            keys[index] = key;
            levels[index] = level;
            size++;
        }

        /** Adds a level better than every level held. */
        void append(long key, Level level) {
            ensureRoom();
            keys[size] = key;
            levels[size] = level;
            size++;
        }

        /** Removes and returns the best level. */
        Level pop() {
            Level level = levels[--size];
            levels[size] = null;
            return level;
        }

        void remove(long key) {
            int index = search(key);
            int tail = size - 1 - index;
            if (tail > 0) {
                System.arraycopy(keys, index + 1, keys, index, tail);
                System.arraycopy(levels, index + 1, levels, index, tail);
            }
            levels[--size] = null;
        }

        private void ensureRoom() {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                levels = Arrays.copyOf(levels, size * 2);
                growths++;
            }
        }
    }
}
