package io.mvtrx.api.spi.matching.support;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.RestingOrderVisitor;

/**
 * A skeletal {@link OrderBook} for price-priority rules that does not allocate in steady state: it keeps the
 * levels, the queues, the id index and the pools, and leaves to a subclass only how an incoming order meets one
 * level ({@link #matchLevel}). Every other {@code OrderBook} method is implemented here and final.
 *
 * <p><b>Contract kept for every rule.</b> {@link #match} takes the opposite side's levels best first, stopping at the
 * taker's limit or when {@link #matchLevel} ends the taker; every trade is at the resting order's price. Orders leave
 * the book the moment they reach zero, and so does a level with no order left. {@link #rest} appends to the back of the
 * level's queue and refuses an order that would cross, a duplicate id, a non-positive price or quantity or a negative
 * handle. The book applies each change before it calls the sink, so a sink that reads the book sees the state after the
 * event; sinks must not modify the book. {@link #stateHash} is the fold every MVTRX book computes.
 *
 * <p><b>Structure.</b> Resting orders are pooled {@link OrderSlot}s in an intrusive doubly-linked queue per
 * {@link LevelSlot} (oldest first), found by id through a primitive open-addressing map (the exchange's only id index:
 * each slot keeps the caller's handle, so fills and {@link #handle} lead the caller to its own record). Each side is a
 * ladder keyed by {@code key = price} for bids and {@code -price} for asks, so that "better" is "larger key" on both
 * sides. The ladder is a <em>tick-indexed window</em> of {@value #DEFAULT_WINDOW} slots by default (one per tick, a
 * level or null, with an occupancy bitmap) placed so the best level sits three quarters of the way up; levels worse
 * than the window go to an <em>overflow</em>, a sorted array (best last) that only far-away orders reach. When a better
 * price arrives above the window, or the best sinks into the window's bottom quarter, the window re-centres, moving
 * levels between window and overflow; when the window empties, the overflow's best levels move up into it.
 *
 * <p><b>Cost.</b> Best prices O(1); {@link #rest} into a level inside the window O(1) (one map insert);
 * {@link #reduce} O(1) expected; emptying the best level O(1) plus a bitmap scan, 64 ticks per word, to the next;
 * a level below the window costs a binary search and a shift of the overflow array; a re-centre is O(window), rare
 * (the price has moved by hundreds of ticks); {@link #match} is O(levels touched) plus what {@link #matchLevel}
 * does; {@link #walk}, {@link #levels} and {@link #stateHash} are O(what they visit). {@link #match} makes one
 * virtual call per level, to {@link #matchLevel}; inside it {@link #fill} and {@link #cancelSelfTrade} are final.
 * Each side's window costs about 4 bytes per tick of references plus one bit per tick of bitmap.
 *
 * <p><b>Allocation.</b> Order and level slots come from free lists filled up front from
 * {@link BookSpec#expectedOrders()}; when a list runs dry the book allocates one more and counts it
 * ({@link #poolMisses()}); the id map and the overflow arrays double when full ({@link #growths()}). Released slots
 * return to the free lists, so a book that stays within its high-water mark allocates nothing. Nothing here throws
 * for a business outcome, builds a string or captures a lambda on the matching path; exceptions are reserved for
 * broken caller contracts (negative quantity, duplicate id, a rest that would cross) and broken subclass contracts.
 *
 * <p><b>Checkpoints.</b> The book is {@link Snapshottable}: it saves each side's levels best first, each with its
 * orders in queue order (id, agent, quantity), and restores them by resting them again in that order, so the
 * restored book matches, trades and hashes as the saved one did (the window may sit elsewhere: that changes costs,
 * never results). A subclass with state of its own overrides both methods and calls these first.
 *
 * <p>Not thread-safe: one writer per book, and the sink runs on it. Level and side totals must fit in a
 * {@code long}.
 *
 * <p><b>Subclassing.</b> A subclass implements {@link #matchLevel} and a constructor; it should be final so that the
 * one virtual call per level stays monomorphic in a running exchange. A first-in-first-out rule without self-trade
 * prevention, for instance:
 * {@snippet :
 * public final class FifoBook extends LadderBook {
 *
 *     public FifoBook(BookSpec spec) {
 *         super(spec, DEFAULT_WINDOW);
 *     }
 *
 *     @Override
 *     protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining, MatchSink sink) {
 *         OrderSlot order = level.head();
 *         while (order != null && remaining > 0) {
 *             OrderSlot next = order.next();     // read before fill: a filled order returns to the pool
 *             long used = Math.min(order.quantity(), remaining);
 *             fill(order, used, sink);
 *             remaining -= used;
 *             order = next;
 *         }
 *         return remaining;                      // positive only when the level is now empty
 *     }
 * }
 * }
 */
public abstract class LadderBook implements OrderBook, Snapshottable {

    /** Ticks covered by each side's window unless a subclass says otherwise (a power of two). */
    public static final int DEFAULT_WINDOW = 4096;

    private static final int MIN_POOL = 16;
    private static final long HASH_START = 0x6D76_7472_785F_626BL;

    private final int bookId;
    private final Ladder bids;
    private final Ladder asks;
    private final Long2ObjectHashMap<OrderSlot> orders;
    private OrderSlot freeOrders;
    private LevelSlot freeLevels;
    private long poolMisses;

    /**
     * An empty book with pools for {@link BookSpec#expectedOrders()} resting orders (at least 16).
     *
     * @param spec   the book's id and sizing
     * @param window ticks covered by each side's window: a power of two, at least 64 (tests use small windows to
     *               reach the overflow; {@link #DEFAULT_WINDOW} otherwise)
     * @throws IllegalArgumentException if {@code window} is not a power of two at least 64
     */
    protected LadderBook(BookSpec spec, int window) {
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
            OrderSlot order = new OrderSlot();
            order.next = freeOrders;
            freeOrders = order;
            LevelSlot level = new LevelSlot();
            level.nextFree = freeLevels;
            freeLevels = level;
        }
    }

    /**
     * Matches the taker against one level: the best level of the opposite side, within the taker's limit.
     * {@link #match} calls it once per level, best first, while the taker has a remainder.
     *
     * <p>The implementation reads the level's orders from {@link LevelSlot#head()} (the oldest) through
     * {@link OrderSlot#next()}, and changes the book only through {@link #fill} and {@link #cancelSelfTrade}, which
     * apply the change, report it to {@code sink} and return an order that reaches zero to the pool (so read
     * {@code next()} first); when the level's last order leaves, the level returns to the pool and reads
     * {@link LevelSlot#count()} 0 and {@link LevelSlot#head()} null until the call returns. It must not call any
     * other method of this book that changes it, and should neither allocate nor throw for a business outcome.
     * {@link OrderSlot#scratch(long)} holds a per-order value across passes over the level.
     *
     * @param level        the level to match against; not empty
     * @param takerAgentId the taker's agent, for self-trade prevention
     * @param stp          the taker's self-trade prevention mode
     * @param remaining    the taker's remainder, positive
     * @param sink         the sink to hand to {@link #fill} and {@link #cancelSelfTrade}
     * @return the taker's remainder afterwards: 0 when it is filled or self-trade prevention ended it (matching
     *         stops); a positive value only once the level is empty (matching goes on at the next level)
     */
    protected abstract long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining,
                                       MatchSink sink);

    /**
     * Trades {@code quantity} against a resting order at its level's price: takes the quantity off the order (which
     * leaves the book at zero, its level too when emptied), then calls {@link MatchSink#onFill}.
     *
     * @return the order's remaining quantity (0: it left the book and its slot is back in the pool)
     * @throws IllegalArgumentException if {@code quantity} is not in {@code 1..order.quantity()}
     */
    protected final long fill(OrderSlot order, long quantity, MatchSink sink) {
        long id = order.id;
        int agentId = order.agentId;
        int handle = order.handle;
        long price = order.level.price;
        long left = take(order, quantity);
        sink.onFill(id, agentId, handle, price, quantity, left);
        return left;
    }

    /**
     * Removes {@code quantity} from a resting order of the taker's own agent for self-trade prevention: takes the
     * quantity off the order (which leaves the book at zero, its level too when emptied), then calls
     * {@link MatchSink#onSelfTradeCancel}.
     *
     * @return the order's remaining quantity (0: it left the book and its slot is back in the pool)
     * @throws IllegalArgumentException if {@code quantity} is not in {@code 1..order.quantity()}
     */
    protected final long cancelSelfTrade(OrderSlot order, long quantity, MatchSink sink) {
        long id = order.id;
        int handle = order.handle;
        long price = order.level.price;
        long left = take(order, quantity);
        sink.onSelfTradeCancel(id, handle, price, quantity, left);
        return left;
    }

    @Override
    public final int bookId() {
        return bookId;
    }

    @Override
    public final long bestBid() {
        return bids.bestPrice();
    }

    @Override
    public final long bestAsk() {
        return asks.bestPrice();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Calls {@link #matchLevel} for each level of the opposite side, best first, while the remainder is positive
     * and the level is within {@code limitPrice}.
     *
     * @throws IllegalStateException if {@link #matchLevel} returned a positive remainder and left its level
     *                               non-empty (a broken subclass)
     */
    @Override
    public final long match(long takerOrderId, int takerAgentId, Side side, long limitPrice, long quantity,
                            StpMode stp, MatchSink sink) {
        if (quantity <= 0) {
            if (quantity < 0) {
                throw new IllegalArgumentException(String.format(
                        "book %d: order %d: quantity must be >= 0, got %d", bookId, takerOrderId, quantity));
            }
            return 0;
        }
        Ladder opposite = side == Side.BUY ? asks : bids;
        long limitKey = limitPrice == NO_PRICE ? Long.MIN_VALUE : opposite.key(limitPrice);
        long remaining = quantity;
        while (remaining > 0) {
            LevelSlot level = opposite.best();
            if (level == null || opposite.key(level.price) < limitKey) {
                break;
            }
            remaining = matchLevel(level, takerAgentId, stp, remaining, sink);
            if (remaining > 0 && level.count != 0) {
                throw new IllegalStateException(String.format(
                        "book %d: order %d: %s.matchLevel returned remainder %d but left %d orders at %d",
                        bookId, takerOrderId, getClass().getName(), remaining, level.count, level.price));
            }
        }
        return remaining;
    }

    @Override
    public final void rest(long orderId, int agentId, Side side, long price, long quantity, long timestamp,
                           int handle) {
        if (price <= 0 || quantity <= 0 || handle < 0) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: price and quantity must be > 0 and handle >= 0, got price %d quantity %d"
                            + " handle %d", bookId, orderId, price, quantity, handle));
        }
        Ladder own = side == Side.BUY ? bids : asks;
        Ladder opposite = side == Side.BUY ? asks : bids;
        LevelSlot best = opposite.best();
        if (best != null && opposite.key(best.price) >= opposite.key(price)) {
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d: %s at %d would cross the best opposite price %d; match it first",
                    bookId, orderId, side, price, opposite.bestPrice()));
        }
        OrderSlot order = newOrder();
        OrderSlot previous = orders.put(orderId, order);
        if (previous != null) {
            orders.put(orderId, previous);
            order.next = freeOrders;
            freeOrders = order;
            throw new IllegalArgumentException(String.format(
                    "book %d: order %d is already resting", bookId, orderId));
        }
        LevelSlot level = own.find(price);
        if (level == null) {
            level = newLevel(own, price);
            own.insert(level);
        }
        order.id = orderId;
        order.agentId = agentId;
        order.handle = handle;
        order.quantity = quantity;
        order.level = level;
        order.next = null;
        order.prev = level.tail;
        if (level.tail == null) {
            level.head = order;
        } else {
            level.tail.next = order;
        }
        level.tail = order;
        level.count++;
        level.quantity += quantity;
    }

    @Override
    public final long reduce(long orderId, long quantity) {
        if (quantity <= 0) {
            return 0;
        }
        int slot = orders.indexOf(orderId);
        if (slot < 0) {
            return 0;
        }
        OrderSlot order = orders.valueAt(slot);
        if (quantity >= order.quantity) {
            long removed = order.quantity;
            orders.removeAt(slot);
            unlink(order);
            return removed;
        }
        order.quantity -= quantity;
        order.level.quantity -= quantity;
        return quantity;
    }

    @Override
    public final long quantity(long orderId) {
        OrderSlot order = orders.get(orderId);
        return order == null ? -1 : order.quantity;
    }

    @Override
    public final int handle(long orderId) {
        OrderSlot order = orders.get(orderId);
        return order == null ? NO_HANDLE : order.handle;
    }

    @Override
    public final void walk(Side side, long limitPrice, RestingOrderVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        long limitKey = limitPrice == NO_PRICE ? Long.MIN_VALUE : ladder.key(limitPrice);
        for (LevelSlot level = ladder.best(); level != null; level = ladder.worse(level)) {
            if (ladder.key(level.price) < limitKey) {
                return;
            }
            for (OrderSlot order = level.head; order != null; order = order.next) {
                if (!visitor.visit(order.id, order.agentId, level.price, order.quantity)) {
                    return;
                }
            }
        }
    }

    @Override
    public final void levels(Side side, int depth, LevelVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        int visited = 0;
        for (LevelSlot level = ladder.best(); level != null && visited < depth; level = ladder.worse(level)) {
            visited++;
            if (!visitor.visit(level.price, level.quantity, level.count)) {
                return;
            }
        }
    }

    @Override
    public final void levelOrders(Side side, long price, RestingOrderVisitor visitor) {
        Ladder ladder = side == Side.BUY ? bids : asks;
        LevelSlot level = ladder.find(price);
        if (level == null) {
            return;
        }
        for (OrderSlot order = level.head; order != null; order = order.next) {
            if (!visitor.visit(order.id, order.agentId, price, order.quantity)) {
                return;
            }
        }
    }

    @Override
    public final int orderCount() {
        return orders.size();
    }

    /**
     * The fingerprint every MVTRX book computes: for BUY then SELL, the level count, then per level best first its
     * price, quantity and order count followed by each order's id, agent and quantity in queue order, folded with
     * {@code x = (h ^ v) * 0x9E3779B97F4A7C15L; h = x ^ (x >>> 29)} from {@code 0x6D767472785F626BL}.
     */
    @Override
    public final long stateHash() {
        return hashSide(hashSide(HASH_START, bids), asks);
    }

    /**
     * Saves both sides: per side the level count, then per level, best first, its price, order count and orders (id,
     * agent, quantity, the caller's handle).
     */
    @Override
    public void writeState(StateWriter out) {
        writeSide(out, bids);
        writeSide(out, asks);
    }

    /**
     * Restores what {@link #writeState} saved into this book, which must be empty.
     *
     * @throws io.mvtrx.api.snapshot.StateFormatException if the book is not empty or the saved levels are
     *                                                    inconsistent
     */
    @Override
    public void readState(StateReader in) {
        in.check(orders.size() == 0, "book %d: state is restored into an empty book, this one holds %d orders",
                bookId, orders.size());
        readSide(in, Side.BUY);
        readSide(in, Side.SELL);
    }

    private static void writeSide(StateWriter out, Ladder ladder) {
        out.writeInt(ladder.levelCount());
        for (LevelSlot level = ladder.best(); level != null; level = ladder.worse(level)) {
            out.writeLong(level.price);
            out.writeInt(level.count);
            for (OrderSlot order = level.head; order != null; order = order.next) {
                out.writeLong(order.id);
                out.writeInt(order.agentId);
                out.writeLong(order.quantity);
                out.writeInt(order.handle);
            }
        }
    }

    private void readSide(StateReader in, Side side) {
        int levels = in.readInt();
        in.check(levels >= 0, "book %d: %d saved %s levels", bookId, levels, side);
        for (int l = 0; l < levels; l++) {
            long price = in.readLong();
            int count = in.readInt();
            in.check(count > 0, "book %d: saved %s level at %d holds %d orders", bookId, side, price, count);
            for (int o = 0; o < count; o++) {
                long id = in.readLong();
                int agentId = in.readInt();
                long quantity = in.readLong();
                int handle = in.readInt();
                rest(id, agentId, side, price, quantity, 0, handle);
            }
        }
    }

    /** Order and level slots allocated because a free list was empty (0 while the book stays within its sizing). */
    public final long poolMisses() {
        return poolMisses;
    }

    /** Times the id map or a side's overflow array doubled. */
    public final long growths() {
        return orders.resizes() + bids.overflow.growths + asks.overflow.growths;
    }

    @Override
    public String toString() {
        return String.format("%s[%d: %d orders, %d bid levels, %d ask levels, best %d/%d]",
                getClass().getSimpleName(), bookId, orderCount(), bids.levelCount(), asks.levelCount(), bestBid(),
                bestAsk());
    }

    private static long hashSide(long hash, Ladder ladder) {
        long h = mix(hash, ladder.levelCount());
        for (LevelSlot level = ladder.best(); level != null; level = ladder.worse(level)) {
            h = mix(mix(mix(h, level.price), level.quantity), level.count);
            for (OrderSlot order = level.head; order != null; order = order.next) {
                h = mix(mix(mix(h, order.id), order.agentId), order.quantity);
            }
        }
        return h;
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x9E37_79B9_7F4A_7C15L;
        return h ^ (h >>> 29);
    }

    /** Takes {@code quantity} off a resting order; removes it (and pools it) at zero. */
    private long take(OrderSlot order, long quantity) {
        long resting = order.quantity;
        if (quantity <= 0 || quantity > resting) {
            throw new IllegalArgumentException(String.format(
                    "book %d: cannot take %d from order %d holding %d", bookId, quantity, order.id, resting));
        }
        long left = resting - quantity;
        if (left == 0) {
            orders.remove(order.id);
            unlink(order);
        } else {
            order.quantity = left;
            order.level.quantity -= quantity;
        }
        return left;
    }

    /** Unlinks a resting order whose id is already forgotten; drops its level when emptied; pools both. */
    private void unlink(OrderSlot order) {
        LevelSlot level = order.level;
        OrderSlot prev = order.prev;
        OrderSlot next = order.next;
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
        level.quantity -= order.quantity;
        if (level.count == 0) {
            level.ladder.remove(level);
            level.ladder = null;
            level.head = null;
            level.tail = null;
            level.nextFree = freeLevels;
            freeLevels = level;
        }
        order.level = null;
        order.prev = null;
        order.next = freeOrders;
        freeOrders = order;
    }

    private OrderSlot newOrder() {
        OrderSlot order = freeOrders;
        if (order == null) {
            poolMisses++;
            return new OrderSlot();
        }
        freeOrders = order.next;
        return order;
    }

    private LevelSlot newLevel(Ladder ladder, long price) {
        LevelSlot level = freeLevels;
        if (level == null) {
            poolMisses++;
            level = new LevelSlot();
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

    /**
     * A resting order as {@link #matchLevel} sees it: a pooled slot of its level's queue, reused once the order
     * leaves the book. Valid only during the {@link #matchLevel} call that reached it, and only until it is filled
     * or cancelled to zero.
     */
    protected static final class OrderSlot {
        long id;
        int agentId;
        int handle;
        long quantity;
        long scratch;
        LevelSlot level;
        OrderSlot prev;
        OrderSlot next;

        OrderSlot() {
        }

        /** The order's id. */
        public long id() {
            return id;
        }

        /** Its owner. */
        public int agentId() {
            return agentId;
        }

        /** Its remaining quantity. */
        public long quantity() {
            return quantity;
        }

        /** The next younger order of the level, or null for the youngest. */
        public OrderSlot next() {
            return next;
        }

        /** The value last stored with {@link #scratch(long)}; meaningless outside the {@link #matchLevel} call. */
        public long scratch() {
            return scratch;
        }

        /** Stores a per-order value for a later pass over the level in the same {@link #matchLevel} call. */
        public void scratch(long value) {
            scratch = value;
        }
    }

    /**
     * A price level as {@link #matchLevel} sees it: a pooled queue of {@link OrderSlot}s, oldest first, with cached
     * totals.
     */
    protected static final class LevelSlot {
        long price;
        long quantity;
        int count;
        OrderSlot head;
        OrderSlot tail;
        Ladder ladder;
        LevelSlot nextFree;

        LevelSlot() {
        }

        /** The level's price. */
        public long price() {
            return price;
        }

        /** Total resting quantity of the level. */
        public long quantity() {
            return quantity;
        }

        /** Number of orders in the level (0 once the last one left). */
        public int count() {
            return count;
        }

        /** The oldest order of the level, or null once the last one left. */
        public OrderSlot head() {
            return head;
        }
    }
}
