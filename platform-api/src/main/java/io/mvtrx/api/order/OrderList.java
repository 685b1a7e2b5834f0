package io.mvtrx.api.order;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable list of orders held as columns, a slice of a shared {@link Columns} block. A publication snapshots
 * every remote account's open orders (with hundreds of miners, about a million orders a publish) into one block and
 * gives each account its slice: a few large arrays instead of an object per order, which the garbage collector never
 * has to trace or copy, and which a wire encoder reads column by column without building an {@link Order}.
 *
 * <p>{@link #get} builds the {@link Order} record on each call; equality and hash code are the {@link List}
 * contract's, so a slice equals any list of the same orders.
 */
public final class OrderList extends AbstractList<Order> implements RandomAccess {

    private static final Side[] SIDES = Side.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final OrderList EMPTY = new OrderList(new Columns(0), 0, 0);

    private final Columns columns;
    private final int from;
    private final int size;
    /** What changed from a base list, as its builder recorded it ({@link #withChangesFrom}); null when unknown. */
    private final Changes changes;

    private OrderList(Columns columns, int from, int size) {
        this(columns, from, size, null);
    }

    private OrderList(Columns columns, int from, int size, Changes changes) {
        this.columns = columns;
        this.from = from;
        this.size = size;
        this.changes = changes;
    }

    /** No orders. */
    public static OrderList empty() {
        return EMPTY;
    }

    /** {@code orders} as columns: itself when it already is an {@code OrderList}, else a copy. */
    public static OrderList of(List<Order> orders) {
        if (orders instanceof OrderList list) {
            return list;
        }
        if (orders.isEmpty()) {
            return EMPTY;
        }
        Columns columns = new Columns(orders.size());
        for (Order order : orders) {
            columns.add(Objects.requireNonNull(order, "order"));
        }
        return columns.slice(0, orders.size());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Order get(int index) {
        int i = at(index);
        Columns c = columns;
        return new Order(c.orderId[i], c.bookId[i], c.agentId[i], c.clientOrderId[i], SIDES[c.side[i]], c.price[i],
                c.volume[i], c.leverage[i], c.timestamp[i], TIMES_IN_FORCE[c.timeInForce[i]], c.expiry[i],
                STP_MODES[c.stp[i]]);
    }

    /** {@link Order#orderId()} of order {@code index}, without building the record. */
    public long orderId(int index) {
        return columns.orderId[at(index)];
    }

    /** {@link Order#bookId()} of order {@code index}. */
    public int bookId(int index) {
        return columns.bookId[at(index)];
    }

    /** {@link Order#agentId()} of order {@code index}. */
    public int agentId(int index) {
        return columns.agentId[at(index)];
    }

    /** {@link Order#clientOrderId()} of order {@code index}. */
    public long clientOrderId(int index) {
        return columns.clientOrderId[at(index)];
    }

    /** {@link Order#side()} of order {@code index}. */
    public Side side(int index) {
        return SIDES[columns.side[at(index)]];
    }

    /** {@link Order#price()} of order {@code index}. */
    public long price(int index) {
        return columns.price[at(index)];
    }

    /** {@link Order#volume()} of order {@code index}. */
    public long volume(int index) {
        return columns.volume[at(index)];
    }

    /** {@link Order#leverage()} of order {@code index}. */
    public long leverage(int index) {
        return columns.leverage[at(index)];
    }

    /** {@link Order#timestamp()} of order {@code index}. */
    public long timestamp(int index) {
        return columns.timestamp[at(index)];
    }

    /** {@link Order#timeInForce()} of order {@code index}. */
    public TimeInForce timeInForce(int index) {
        return TIMES_IN_FORCE[columns.timeInForce[at(index)]];
    }

    /** {@link Order#expiry()} of order {@code index}. */
    public long expiry(int index) {
        return columns.expiry[at(index)];
    }

    /** {@link Order#stp()} of order {@code index}. */
    public StpMode stp(int index) {
        return STP_MODES[columns.stp[at(index)]];
    }

    /**
     * The revision of order {@code index} as whoever filled the block gave it ({@link Columns#revision}); 0 when it
     * gave none. Not part of the {@link Order}: two lists of the same orders are equal whatever their revisions.
     */
    public long revision(int index) {
        return columns.revision[at(index)];
    }

    /**
     * These orders, with what changed since {@code base} as whoever built both lists knows it: the positions in
     * {@code base} of the orders gone or changed and the positions here of the orders new or changed, each strictly
     * ascending. {@link Diff#compute} of exactly that base (the same rows of the same block) and the returned list then
     * copies the record instead of comparing the lists. A validator's publication knows its accounts' changes from the
     * exchange's revisions and its notices, where a comparison reads every resting order of every miner twice a
     * publish, hundreds of thousands of them growing with the makers' quotes.
     *
     * <p>Like a {@link Columns#revision}, the record is a promise the caller must be able to keep: both lists strictly
     * ascend by order id, and {@code base} less the removed positions, merged by order id with the added ones, is this
     * list. A wrong record hides a change. Only the base's block and rows are remembered, not the base itself, so a
     * chain of publications does not keep every earlier one alive.
     *
     * @throws IllegalArgumentException when a position is out of range or out of order, or the counts do not add up
     *                                  to this list's size
     */
    public OrderList withChangesFrom(OrderList base, int[] removedPositions, int[] addedPositions) {
        return withChangesFrom(base, removedPositions, addedPositions, null);
    }

    /**
     * As {@link #withChangesFrom(OrderList, int[], int[])}, with the added orders also copied, in order, to rows of
     * their own ({@code addedOrders}, a slice of a small block the builder fills as it records): a reader of the few
     * added orders of each of thousands of accounts then reads consecutive rows, where in this list's block each
     * order's fields lie in a dozen columns of hundreds of thousands of rows, every read a cache miss.
     *
     * @throws IllegalArgumentException as the other, and when {@code addedOrders} are not the added orders by id
     */
    public OrderList withChangesFrom(OrderList base, int[] removedPositions, int[] addedPositions,
                                     OrderList addedOrders) {
        Objects.requireNonNull(base, "base");
        int[] removed = checkedPositions(removedPositions.clone(), base.size, "removed");
        int[] added = checkedPositions(addedPositions.clone(), size, "added");
        if (base.size - removed.length + added.length != size) {
            throw new IllegalArgumentException(String.format("a base of %d orders less %d removed plus %d added is "
                    + "not these %d", base.size, removed.length, added.length, size));
        }
        if (addedOrders != null) {
            if (addedOrders.size != added.length) {
                throw new IllegalArgumentException(String.format("%d added orders given for %d added positions",
                        addedOrders.size, added.length));
            }
            for (int k = 0; k < added.length; k++) {
                if (addedOrders.orderId(k) != orderId(added[k])) {
                    throw new IllegalArgumentException(String.format("added order [%d] is order %d, position %d "
                            + "holds order %d", k, addedOrders.orderId(k), added[k], orderId(added[k])));
                }
            }
        }
        return new OrderList(columns, from, size,
                new Changes(base.columns.id, base.from, base.size, removed, added, addedOrders));
    }

    /** Whether this list carries a record of its changes from {@code base} ({@link #withChangesFrom}). */
    public boolean hasChangesFrom(OrderList base) {
        return changes != null && changes.of(base);
    }

    private static int[] checkedPositions(int[] positions, int limit, String what) {
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            if (p < 0 || p >= limit || (k > 0 && p <= positions[k - 1])) {
                throw new IllegalArgumentException(String.format("%s position [%d] = %d: positions must ascend "
                        + "strictly within 0..%d", what, k, p, limit - 1));
            }
        }
        return positions;
    }

    /** The changes from a base list: its block's identity and rows, the positions, the added orders' own rows. */
    private record Changes(long baseBlock, int baseFrom, int baseSize, int[] removed, int[] added,
                           OrderList addedOrders) {

        boolean of(OrderList base) {
            return base.columns.id == baseBlock && base.from == baseFrom && base.size == baseSize;
        }
    }

    /**
     * What changed from one list to another, both strictly ascending by order id, an order being unchanged when every
     * field is equal (known without reading the fields when both rows carry the same nonzero {@link #revision}, as
     * {@link Columns#revision} promises): the positions in the base of the orders gone or changed, and the positions in
     * the other list of the orders new or changed. One pass over both lists' columns, into arrays this object keeps and
     * reuses (a validator compares each miner's orders on every book with those it sent the publish before: about a
     * million orders a publish, which should leave no garbage behind).
     *
     * <p>Not thread-safe: one per thread.
     */
    public static final class Diff {
        private int[] removed = new int[16];
        private int[] added = new int[16];
        private int removedCount;
        private int addedCount;
        private OrderList addedOrders;

        /**
         * Compares {@code current} with {@code base}; false (and nothing recorded) when either list does not strictly
         * ascend by order id. When {@code current} carries a record of its changes from exactly {@code base}
         * ({@link OrderList#withChangesFrom}), copies it instead, reading no order: the record is its builder's
         * promise, ascending lists included.
         */
        public boolean compute(OrderList base, OrderList current) {
            removedCount = 0;
            addedCount = 0;
            addedOrders = null;
            if (current.hasChangesFrom(base)) {
                // recorded by the builder of both lists: no order read
                Changes known = current.changes;
                addedOrders = known.addedOrders;
                removedCount = known.removed.length;
                addedCount = known.added.length;
                if (removed.length < removedCount) {
                    removed = new int[Math.max(removedCount, 2 * removed.length)];
                }
                if (added.length < addedCount) {
                    added = new int[Math.max(addedCount, 2 * added.length)];
                }
                System.arraycopy(known.removed, 0, removed, 0, removedCount);
                System.arraycopy(known.added, 0, added, 0, addedCount);
                return true;
            }
            long[] baseIds = base.columns.orderId;
            long[] ids = current.columns.orderId;
            int n = base.size;
            int m = current.size;
            for (int k = 1; k < n; k++) {
                if (baseIds[base.from + k] <= baseIds[base.from + k - 1]) {
                    return false;
                }
            }
            for (int k = 1; k < m; k++) {
                if (ids[current.from + k] <= ids[current.from + k - 1]) {
                    return false;
                }
            }
            if (removed.length < n) {
                removed = new int[Math.max(n, 2 * removed.length)];
            }
            if (added.length < m) {
                added = new int[Math.max(m, 2 * added.length)];
            }
            Columns a = base.columns;
            Columns b = current.columns;
            int i = 0;
            int j = 0;
            while (i < n && j < m) {
                int x = base.from + i;
                int y = current.from + j;
                long baseId = baseIds[x];
                long id = ids[y];
                if (baseId == id) {
                    long revision = a.revision[x];
                    // the same nonzero revision is the filler's promise of the same fields: two columns read, not
                    // twelve
                    if ((revision == 0 || revision != b.revision[y]) && !same(a, x, b, y)) {
                        removed[removedCount++] = i;
                        added[addedCount++] = j;
                    }
                    i++;
                    j++;
                } else if (baseId < id) {
                    removed[removedCount++] = i++;
                } else {
                    added[addedCount++] = j++;
                }
            }
            while (i < n) {
                removed[removedCount++] = i++;
            }
            while (j < m) {
                added[addedCount++] = j++;
            }
            return true;
        }

        /**
         * The added orders in rows of their own, in the order of {@link #added}, when the last {@link #compute} copied
         * a record carrying them ({@link OrderList#withChangesFrom(OrderList, int[], int[], OrderList)}); null
         * otherwise (read them from the other list at {@link #added}).
         */
        public OrderList addedOrders() {
            return addedOrders;
        }

        /** Orders of the base gone or changed, as of the last {@link #compute}. */
        public int removedCount() {
            return removedCount;
        }

        /** The base position of the {@code k}-th order gone or changed, ascending in {@code k}. */
        public int removed(int k) {
            Objects.checkIndex(k, removedCount);
            return removed[k];
        }

        /** Orders of the other list new or changed, as of the last {@link #compute}. */
        public int addedCount() {
            return addedCount;
        }

        /** The position in the other list of the {@code k}-th order new or changed, ascending in {@code k}. */
        public int added(int k) {
            Objects.checkIndex(k, addedCount);
            return added[k];
        }
    }

    private static boolean same(Columns a, int i, Columns b, int j) {
        return a.volume[i] == b.volume[j] && a.price[i] == b.price[j] && a.timestamp[i] == b.timestamp[j]
                && a.expiry[i] == b.expiry[j] && a.bookId[i] == b.bookId[j] && a.agentId[i] == b.agentId[j]
                && a.clientOrderId[i] == b.clientOrderId[j] && a.side[i] == b.side[j]
                && a.leverage[i] == b.leverage[j] && a.timeInForce[i] == b.timeInForce[j] && a.stp[i] == b.stp[j];
    }

    private int at(int index) {
        Objects.checkIndex(index, size);
        return from + index;
    }

    /**
     * A block of order columns filled once, front to back, and then read through {@link #slice}s. Rows are
     * {@link #append reserved} and then {@link #set}; a slice reads only its own rows, so appending after a slice was
     * taken leaves the slice as it was. Not thread-safe while being filled; hand the slices to other threads through
     * a happens-before edge (an executor, a concurrent collection).
     */
    public static final class Columns {
        private static final AtomicLong BLOCKS = new AtomicLong();

        /** This block's identity, for a list's record of its changes ({@link #withChangesFrom}). */
        private final long id = BLOCKS.incrementAndGet();
        private long[] orderId;
        private int[] bookId;
        private int[] agentId;
        private long[] clientOrderId;
        private byte[] side;
        private long[] price;
        private long[] volume;
        private long[] leverage;
        private long[] timestamp;
        private byte[] timeInForce;
        private long[] expiry;
        private byte[] stp;
        private long[] revision;
        private int rows;

        /** A block with room for {@code capacity} orders; it grows past that when needed. */
        public Columns(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
            }
            allocate(capacity);
        }

        /** Rows reserved so far. */
        public int rows() {
            return rows;
        }

        /** Reserves {@code count} rows, to be {@link #set}; returns the first. */
        public int append(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0, got " + count);
            }
            int first = rows;
            if (count > orderId.length - first) {
                allocate(Math.max(Math.max(16, first + count), (int) Math.min(Integer.MAX_VALUE - 8, 2L * first)));
            }
            rows = first + count;
            return first;
        }

        /** Sets the order of a reserved row. */
        public void set(int row, long orderId, int bookId, int agentId, long clientOrderId, Side side, long price,
                        long volume, long leverage, long timestamp, TimeInForce timeInForce, long expiry,
                        StpMode stp) {
            Objects.checkIndex(row, rows);
            this.orderId[row] = orderId;
            this.bookId[row] = bookId;
            this.agentId[row] = agentId;
            this.clientOrderId[row] = clientOrderId;
            this.side[row] = (byte) side.ordinal();
            this.price[row] = price;
            this.volume[row] = volume;
            this.leverage[row] = leverage;
            this.timestamp[row] = timestamp;
            this.timeInForce[row] = (byte) timeInForce.ordinal();
            this.expiry[row] = expiry;
            this.stp[row] = (byte) stp.ordinal();
            this.revision[row] = 0;
        }

        /**
         * Gives the order of a {@link #set} row a revision: a value its source takes anew whenever any field of the
         * order changes, so that two rows of one order id (in this block or another from the same source) with the same
         * nonzero revision hold the same fields. {@link Diff} then compares the revisions instead of the fields. 0, the
         * default, promises nothing. A source that cannot keep that promise must leave it 0: a wrong promise hides a
         * change.
         */
        public void revision(int row, long revision) {
            Objects.checkIndex(row, rows);
            this.revision[row] = revision;
        }

        /** Appends one order record; returns its row. */
        public int add(Order o) {
            int row = append(1);
            set(row, o.orderId(), o.bookId(), o.agentId(), o.clientOrderId(), o.side(), o.price(), o.volume(),
                    o.leverage(), o.timestamp(), o.timeInForce(), o.expiry(), o.stp());
            return row;
        }

        /** Appends {@code source}'s order {@code index}, column by column; returns its row. */
        public int add(OrderList source, int index) {
            int i = source.at(index);
            Columns c = source.columns;
            int row = append(1);
            orderId[row] = c.orderId[i];
            bookId[row] = c.bookId[i];
            agentId[row] = c.agentId[i];
            clientOrderId[row] = c.clientOrderId[i];
            side[row] = c.side[i];
            price[row] = c.price[i];
            volume[row] = c.volume[i];
            leverage[row] = c.leverage[i];
            timestamp[row] = c.timestamp[i];
            timeInForce[row] = c.timeInForce[i];
            expiry[row] = c.expiry[i];
            stp[row] = c.stp[i];
            revision[row] = c.revision[i];
            return row;
        }

        /** The rows {@code from} (inclusive) to {@code to} as a list. */
        public OrderList slice(int from, int to) {
            Objects.checkFromToIndex(from, to, rows);
            return from == to ? EMPTY : new OrderList(this, from, to - from);
        }

        private void allocate(int capacity) {
            orderId = grow(orderId, capacity);
            bookId = grow(bookId, capacity);
            agentId = grow(agentId, capacity);
            clientOrderId = grow(clientOrderId, capacity);
            side = grow(side, capacity);
            price = grow(price, capacity);
            volume = grow(volume, capacity);
            leverage = grow(leverage, capacity);
            timestamp = grow(timestamp, capacity);
            timeInForce = grow(timeInForce, capacity);
            expiry = grow(expiry, capacity);
            stp = grow(stp, capacity);
            revision = grow(revision, capacity);
        }

        private static long[] grow(long[] a, int capacity) {
            return a == null ? new long[capacity] : Arrays.copyOf(a, capacity);
        }

        private static int[] grow(int[] a, int capacity) {
            return a == null ? new int[capacity] : Arrays.copyOf(a, capacity);
        }

        private static byte[] grow(byte[] a, int capacity) {
            return a == null ? new byte[capacity] : Arrays.copyOf(a, capacity);
        }
    }
}
