package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * The engine's side of one book's open orders: everything the book plugin does not keep (owner account, leverage,
 * the two reservation legs, time in force, client id, settle flag, SL/TP offsets), in pooled slots of one packed
 * {@code long[]} (sixteen longs per order, the fields a fill touches in the first eight, so an order costs one or two
 * cache lines rather than one per field). The table keeps no id index: a resting order's slot is its handle in the
 * book ({@code OrderBook#rest}), so the book's own id index finds it ({@link BookState#slot}) and a fill names it
 * ({@code MatchSink#onFill}); an order that never rests is reached only through the command that placed it.
 *
 * <p>An order holds a slot from acceptance until it leaves (filled, cancelled, expired, or — for IOC, FOK and
 * market orders — at the end of its own matching). Slots are recycled through a free list, so steady state does
 * not allocate; the pool doubles when it runs out (counted by {@link #growths()}).
 *
 * <p>Not thread-safe: one writer per book.
 */
public final class OrderTable {

    /** Returned for an order not in the table. */
    public static final int MISSING = -1;

    private static final int STRIDE = 16;
    private static final int ID = 0;
    private static final int META = 1;
    private static final int ACCOUNT = 2;
    private static final int PRICE = 3;
    private static final int QUANTITY = 4;
    private static final int RESERVED_BASE = 5;
    private static final int RESERVED_QUOTE = 6;
    private static final int LEVERAGE = 7;
    private static final int SETTLE = 8;
    private static final int CLIENT = 9;
    private static final int TIMESTAMP = 10;
    private static final int EXPIRY = 11;
    private static final int STOP_LOSS = 12;
    private static final int TAKE_PROFIT = 13;
    /** Not saved: a restored table gives every order a fresh revision. */
    private static final int REVISION = 14;

    // Each table draws its revisions from a range of its own, so that no two tables of a process (two books, or the
    // same book in the next simulation or after a restore) ever give one order id the same revision.
    private static final long REVISIONS_PER_TABLE = 1L << 40;
    private static final AtomicLong REVISION_RANGES = new AtomicLong();

    // META: agent id in the high 32 bits; used (bit 0), side (bit 1), type (bit 2), tif (bits 3-4), stp (bits 5-7),
    // stop-loss or take-profit set (bit 8)
    private static final long USED = 1;
    private static final long PROTECTED = 1 << 8;

    private long[] data;
    private int capacity;
    private int highWater;
    private int freeTop;
    private int[] free;
    private int live;
    private int growths;
    private long lastRevision;

    // Which slots each agent holds, for slotsOf. A publication reads every remote agent's account on every book
    // between two steps; scanning the whole table for each (agents x books x slots) was most of a validator's
    // per-step CPU with 256 miners. The index is built when slotsOf is asked twice while the table is unchanged,
    // so a lone read between mutations still costs one plain scan and no allocation.
    private static final int[] NO_SLOTS = new int[0];
    private long version;
    private long scannedAt = -1;
    private long indexedAt = -1;
    // the index: agent ids ascending, and each one's slots ascending (no boxed keys: it is rebuilt every step)
    private int[] indexedAgents = new int[0];
    private int[][] indexedSlots = new int[0][];

    /** A table sized for {@code expected} open orders. */
    public OrderTable(int expected) {
        this(expected, REVISION_RANGES.getAndIncrement() * REVISIONS_PER_TABLE);
    }

    /** A table whose last revision given is {@code lastRevision} (a test's way to the end of a range). */
    OrderTable(int expected, long lastRevision) {
        this.lastRevision = lastRevision;
        int initial = Math.max(16, expected);
        data = new long[initial * STRIDE];
        free = new int[initial];
        capacity = initial;
    }

    /** Orders held. */
    public int size() {
        return live;
    }

    /** Times the pool had to double. */
    public int growths() {
        return growths;
    }

    /** One past the highest slot ever used; iterate {@code 0..limit()} with {@link #isUsed}. */
    public int limit() {
        return highWater;
    }

    /** Whether a slot holds an order. */
    public boolean isUsed(int slot) {
        return (data[slot * STRIDE + META] & USED) != 0;
    }

    /**
     * Takes a slot for a new order id. The caller sets every other field ({@link #describe}, quantity, reservation
     * legs) before the slot is read.
     */
    public int add(long orderId) {
        int slot;
        if (freeTop > 0) {
            slot = free[--freeTop];
        } else {
            if (highWater == capacity) {
                growths++;
                capacity *= 2;
                data = Arrays.copyOf(data, capacity * STRIDE);
                free = Arrays.copyOf(free, capacity);
            }
            slot = highWater++;
        }
        int base = slot * STRIDE;
        data[base + ID] = orderId;
        data[base + META] = USED;
        data[base + REVISION] = nextRevision();
        live++;
        version++;
        return slot;
    }

    /** Frees a slot (its other fields are overwritten when it is taken again). */
    public void remove(int slot) {
        int base = slot * STRIDE;
        data[base + META] = 0;
        data[base + QUANTITY] = 0;
        data[base + RESERVED_BASE] = 0;
        data[base + RESERVED_QUOTE] = 0;
        free[freeTop++] = slot;
        live--;
        version++;
    }

    /**
     * The slots holding {@code agentId}'s orders, in slot order (empty when it has none). The first call after a
     * change scans the table; a second call before the next change indexes every agent's slots in one scan and
     * later calls read the index, until the next add, remove or describe.
     */
    public int[] slotsOf(int agentId) {
        return slotsOf(agentId, false);
    }

    /**
     * {@link #slotsOf(int)} for a caller that will ask for many agents before the next change (a publication reads
     * every remote agent's account): the first call indexes at once instead of scanning for one agent first.
     */
    public int[] slotsOfMany(int agentId) {
        return slotsOf(agentId, true);
    }

    private int[] slotsOf(int agentId, boolean many) {
        if (indexedAt != version) {
            if (!many && scannedAt != version) {
                scannedAt = version;
                return scan(agentId);
            }
            index();
            indexedAt = version;
        }
        int at = Arrays.binarySearch(indexedAgents, agentId);
        return at < 0 ? NO_SLOTS : indexedSlots[at];
    }

    private int[] scan(int agentId) {
        int count = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (isUsed(slot) && agentId(slot) == agentId) {
                count++;
            }
        }
        if (count == 0) {
            return NO_SLOTS;
        }
        int[] out = new int[count];
        int at = 0;
        for (int slot = 0; slot < highWater && at < count; slot++) {
            if (isUsed(slot) && agentId(slot) == agentId) {
                out[at++] = slot;
            }
        }
        return out;
    }

    /**
     * Indexes every used slot by agent, each agent's slots ascending: the agents of the used slots read in one pass
     * over the table, then counted and placed by agent (agent ids span little more than the orders, so no sort);
     * (agent, slot) pairs sorted as longs when they span more.
     */
    private void index() {
        int[] agents = new int[live];
        int[] slots = new int[live];
        int n = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int slot = 0; slot < highWater; slot++) {
            if (isUsed(slot)) {
                int agent = agentId(slot);
                agents[n] = agent;
                slots[n++] = slot;
                min = Math.min(min, agent);
                max = Math.max(max, agent);
            }
        }
        if (n == 0) {
            indexedAgents = new int[0];
            indexedSlots = new int[0][];
            return;
        }
        long span = (long) max - min + 1;
        if (span > 4L * n + 1024) {
            indexBySort(agents, slots, n);
            return;
        }
        int[] counts = new int[(int) span];
        for (int i = 0; i < n; i++) {
            counts[agents[i] - min]++;
        }
        int distinct = 0;
        for (int count : counts) {
            if (count > 0) {
                distinct++;
            }
        }
        indexedAgents = new int[distinct];
        indexedSlots = new int[distinct][];
        int[] position = counts; // reused: an agent's index among the distinct agents, once its array exists
        for (int k = 0, j = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                indexedAgents[j] = k + min;
                indexedSlots[j] = new int[counts[k]];
                position[k] = j++;
            }
        }
        int[] filled = new int[distinct];
        for (int i = 0; i < n; i++) {
            int j = position[agents[i] - min];
            indexedSlots[j][filled[j]++] = slots[i];
        }
    }

    /** {@link #index} for agent ids that span far more than the orders: (agent, slot) pairs sorted as longs. */
    private void indexBySort(int[] agents, int[] slots, int n) {
        long[] pairs = new long[n];
        for (int i = 0; i < n; i++) {
            pairs[i] = (long) agents[i] << 32 | slots[i];
        }
        Arrays.sort(pairs);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || (int) (pairs[i] >> 32) != (int) (pairs[i - 1] >> 32)) {
                distinct++;
            }
        }
        indexedAgents = new int[distinct];
        indexedSlots = new int[distinct][];
        int agent = -1;
        for (int i = 0, start = 0; i <= n; i++) {
            if (i == n || i > start && (int) (pairs[i] >> 32) != (int) (pairs[start] >> 32)) {
                int[] own = new int[i - start];
                for (int j = start; j < i; j++) {
                    own[j - start] = (int) pairs[j];
                }
                indexedAgents[++agent] = (int) (pairs[start] >> 32);
                indexedSlots[agent] = own;
                start = i;
            }
        }
    }

    public long id(int slot) {
        return data[slot * STRIDE + ID];
    }

    public int agentId(int slot) {
        return (int) (data[slot * STRIDE + META] >> 32);
    }

    public int account(int slot) {
        return (int) data[slot * STRIDE + ACCOUNT];
    }

    /** 0 buy, 1 sell. */
    public int side(int slot) {
        return (int) (data[slot * STRIDE + META] >>> 1) & 1;
    }

    /** 0 limit, 1 market. */
    public int type(int slot) {
        return (int) (data[slot * STRIDE + META] >>> 2) & 1;
    }

    /** {@code TimeInForce} ordinal. */
    public int timeInForce(int slot) {
        return (int) (data[slot * STRIDE + META] >>> 3) & 3;
    }

    /** {@code StpMode} ordinal. */
    public int stp(int slot) {
        return (int) (data[slot * STRIDE + META] >>> 5) & 7;
    }

    /** Whether the order carries a stop-loss or take-profit offset. */
    public boolean isProtected(int slot) {
        return (data[slot * STRIDE + META] & PROTECTED) != 0;
    }

    public long price(int slot) {
        return data[slot * STRIDE + PRICE];
    }

    /** Remaining traded (leveraged) quantity, volume decimals. */
    public long quantity(int slot) {
        return data[slot * STRIDE + QUANTITY];
    }

    public long leverage(int slot) {
        return data[slot * STRIDE + LEVERAGE];
    }

    public long reservedBase(int slot) {
        return data[slot * STRIDE + RESERVED_BASE];
    }

    public long reservedQuote(int slot) {
        return data[slot * STRIDE + RESERVED_QUOTE];
    }

    public long clientOrderId(int slot) {
        return data[slot * STRIDE + CLIENT];
    }

    public long settleFlag(int slot) {
        return data[slot * STRIDE + SETTLE];
    }

    public long timestamp(int slot) {
        return data[slot * STRIDE + TIMESTAMP];
    }

    public long expiry(int slot) {
        return data[slot * STRIDE + EXPIRY];
    }

    public long stopLoss(int slot) {
        return data[slot * STRIDE + STOP_LOSS];
    }

    public long takeProfit(int slot) {
        return data[slot * STRIDE + TAKE_PROFIT];
    }

    /** Sets the order's fixed attributes at acceptance. */
    public void describe(int slot, int agent, int accountNumber, int sideOrdinal, int typeOrdinal, int tif,
                         int stpOrdinal, long limitPrice, long lev, long clientId, long settle, long time,
                         long expiresAt, long sl, long tp) {
        int base = slot * STRIDE;
        data[base + META] = ((long) agent << 32) | ((long) stpOrdinal << 5) | ((long) tif << 3)
                | ((long) typeOrdinal << 2) | ((long) sideOrdinal << 1) | USED
                | (sl != 0 || tp != 0 ? PROTECTED : 0);
        data[base + REVISION] = nextRevision();
        version++;
        data[base + ACCOUNT] = accountNumber;
        data[base + PRICE] = limitPrice;
        data[base + LEVERAGE] = lev;
        data[base + CLIENT] = clientId;
        data[base + SETTLE] = settle;
        data[base + TIMESTAMP] = time;
        data[base + EXPIRY] = expiresAt;
        data[base + STOP_LOSS] = sl;
        data[base + TAKE_PROFIT] = tp;
    }

    public void quantity(int slot, long value) {
        data[slot * STRIDE + QUANTITY] = value;
        data[slot * STRIDE + REVISION] = nextRevision();
    }

    /** A revision not given before in this process: the next of this table's range, or of a new one once used up. */
    private long nextRevision() {
        if ((++lastRevision & (REVISIONS_PER_TABLE - 1)) == 0) {
            lastRevision = REVISION_RANGES.getAndIncrement() * REVISIONS_PER_TABLE + 1;
        }
        return lastRevision;
    }

    /**
     * The last revision this table gave: no order here has a later one, and every revision it gives from now on is
     * later (a new range is later than every range before it). An order whose revision is at most a value read
     * earlier has not changed since it was read.
     */
    public long lastRevision() {
        return lastRevision;
    }

    /**
     * The order's revision: taken anew whenever the order is added, described or its quantity set, never the same
     * for two states of one order id in any table of this process. A publication hands it on with the order
     * ({@code OrderList.Columns#revision}) so that comparing two publications' orders reads it instead of every field.
     */
    public long revision(int slot) {
        return data[slot * STRIDE + REVISION];
    }

    public void reservedBase(int slot, long value) {
        data[slot * STRIDE + RESERVED_BASE] = value;
    }

    public void reservedQuote(int slot, long value) {
        data[slot * STRIDE + RESERVED_QUOTE] = value;
    }

    /**
     * Saves the slots in use with their fields, and the free list in order (it decides which slot the next order
     * takes, and so the order in which a reset walks an agent's orders).
     */
    public void writeState(StateWriter out) {
        out.writeInt(highWater);
        out.writeInt(live);
        for (int slot = 0; slot < highWater; slot++) {
            boolean used = isUsed(slot);
            out.writeBoolean(used);
            if (used) {
                out.writeLongs(data, slot * STRIDE, slot * STRIDE + TAKE_PROFIT + 1);
            }
        }
        out.writeInt(freeTop);
        for (int i = 0; i < freeTop; i++) {
            out.writeInt(free[i]);
        }
    }

    /** Restores what {@link #writeState} saved into an empty table. */
    public void readState(StateReader in) {
        in.check(live == 0 && highWater == 0, "order table: state is restored into an empty table");
        int slots = in.readInt();
        int saved = in.readInt();
        in.check(slots >= 0 && saved >= 0 && saved <= slots, "order table: %d orders in %d slots", saved, slots);
        if (slots > capacity) {
            capacity = Integer.highestOneBit(slots - 1) << 1;
            data = Arrays.copyOf(data, capacity * STRIDE);
            free = Arrays.copyOf(free, capacity);
        }
        highWater = slots;
        version++;
        for (int slot = 0; slot < slots; slot++) {
            if (in.readBoolean()) {
                long[] fields = in.readLongs("order slot", TAKE_PROFIT + 1);
                System.arraycopy(fields, 0, data, slot * STRIDE, fields.length);
                data[slot * STRIDE + REVISION] = nextRevision();
                live++;
            }
        }
        in.check(live == saved, "order table: %d orders saved, %d found", saved, live);
        freeTop = in.readInt();
        in.check(freeTop == slots - saved, "order table: %d free slots saved for %d slots and %d orders", freeTop,
                slots, saved);
        for (int i = 0; i < freeTop; i++) {
            free[i] = in.readInt();
        }
    }
}
