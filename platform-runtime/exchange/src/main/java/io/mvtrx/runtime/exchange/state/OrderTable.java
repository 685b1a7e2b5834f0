package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

/**
 * The engine's side of one book's open orders: everything the book plugin does not keep (owner account, leverage,
 * the two reservation legs, time in force, client id, settle flag, SL/TP offsets), in pooled slots of parallel
 * primitive arrays, found by order id through a {@link LongIntMap}.
 *
 * <p>An order holds a slot from acceptance until it leaves (filled, cancelled, expired, or — for IOC, FOK and
 * market orders — at the end of its own matching). Slots are recycled through a free list, so steady state does
 * not allocate; the pool doubles when it runs out (counted by {@link #growths()}).
 *
 * <p>Not thread-safe: one writer per book.
 */
public final class OrderTable {

    /** Returned for an order not in the table. */
    public static final int MISSING = LongIntMap.MISSING;

    private final LongIntMap byId;
    private int capacity;
    private int highWater;
    private int freeTop;
    private int[] free;
    private int live;
    private int growths;

    private boolean[] used;
    private long[] id;
    private int[] agentId;
    private int[] account;
    private byte[] side;
    private byte[] type;
    private byte[] timeInForce;
    private byte[] stp;
    private long[] price;
    private long[] quantity;
    private long[] leverage;
    private long[] reservedBase;
    private long[] reservedQuote;
    private long[] clientOrderId;
    private long[] settleFlag;
    private long[] timestamp;
    private long[] expiry;
    private long[] stopLoss;
    private long[] takeProfit;

    /** A table sized for {@code expected} open orders. */
    public OrderTable(int expected) {
        int initial = Math.max(16, expected);
        byId = new LongIntMap(initial);
        free = new int[0];
        resize(initial);
    }

    private void resize(int n) {
        used = used == null ? new boolean[n] : Arrays.copyOf(used, n);
        id = copy(id, n);
        agentId = copy(agentId, n);
        account = copy(account, n);
        side = copy(side, n);
        type = copy(type, n);
        timeInForce = copy(timeInForce, n);
        stp = copy(stp, n);
        price = copy(price, n);
        quantity = copy(quantity, n);
        leverage = copy(leverage, n);
        reservedBase = copy(reservedBase, n);
        reservedQuote = copy(reservedQuote, n);
        clientOrderId = copy(clientOrderId, n);
        settleFlag = copy(settleFlag, n);
        timestamp = copy(timestamp, n);
        expiry = copy(expiry, n);
        stopLoss = copy(stopLoss, n);
        takeProfit = copy(takeProfit, n);
        free = Arrays.copyOf(free, n);
        capacity = n;
    }

    private static long[] copy(long[] a, int n) {
        return a == null ? new long[n] : Arrays.copyOf(a, n);
    }

    private static int[] copy(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }

    private static byte[] copy(byte[] a, int n) {
        return a == null ? new byte[n] : Arrays.copyOf(a, n);
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
        return used[slot];
    }

    /** The slot of an order, or {@link #MISSING}. */
    public int slot(long orderId) {
        return byId.get(orderId);
    }

    /** Takes a slot for a new order id; every field but the id starts at 0. */
    public int add(long orderId) {
        int slot;
        if (freeTop > 0) {
            slot = free[--freeTop];
        } else {
            if (highWater == capacity) {
                growths++;
                resize(capacity * 2);
            }
            slot = highWater++;
        }
        used[slot] = true;
        id[slot] = orderId;
        byId.put(orderId, slot);
        live++;
        return slot;
    }

    /** Frees a slot and clears it. */
    public void remove(int slot) {
        byId.remove(id[slot]);
        used[slot] = false;
        agentId[slot] = 0;
        account[slot] = 0;
        side[slot] = 0;
        type[slot] = 0;
        timeInForce[slot] = 0;
        stp[slot] = 0;
        price[slot] = 0;
        quantity[slot] = 0;
        leverage[slot] = 0;
        reservedBase[slot] = 0;
        reservedQuote[slot] = 0;
        clientOrderId[slot] = 0;
        settleFlag[slot] = 0;
        timestamp[slot] = 0;
        expiry[slot] = 0;
        stopLoss[slot] = 0;
        takeProfit[slot] = 0;
        free[freeTop++] = slot;
        live--;
    }

    public long id(int slot) {
        return id[slot];
    }

    public int agentId(int slot) {
        return agentId[slot];
    }

    public int account(int slot) {
        return account[slot];
    }

    /** 0 buy, 1 sell. */
    public int side(int slot) {
        return side[slot];
    }

    /** 0 limit, 1 market. */
    public int type(int slot) {
        return type[slot];
    }

    /** {@code TimeInForce} ordinal. */
    public int timeInForce(int slot) {
        return timeInForce[slot];
    }

    /** {@code StpMode} ordinal. */
    public int stp(int slot) {
        return stp[slot];
    }

    public long price(int slot) {
        return price[slot];
    }

    /** Remaining traded (leveraged) quantity, volume decimals. */
    public long quantity(int slot) {
        return quantity[slot];
    }

    public long leverage(int slot) {
        return leverage[slot];
    }

    public long reservedBase(int slot) {
        return reservedBase[slot];
    }

    public long reservedQuote(int slot) {
        return reservedQuote[slot];
    }

    public long clientOrderId(int slot) {
        return clientOrderId[slot];
    }

    public long settleFlag(int slot) {
        return settleFlag[slot];
    }

    public long timestamp(int slot) {
        return timestamp[slot];
    }

    public long expiry(int slot) {
        return expiry[slot];
    }

    public long stopLoss(int slot) {
        return stopLoss[slot];
    }

    public long takeProfit(int slot) {
        return takeProfit[slot];
    }

    /** Sets the order's fixed attributes at acceptance. */
    public void describe(int slot, int agent, int accountNumber, int sideOrdinal, int typeOrdinal, int tif,
                         int stpOrdinal, long limitPrice, long lev, long clientId, long settle, long time,
                         long expiresAt, long sl, long tp) {
        agentId[slot] = agent;
        account[slot] = accountNumber;
        side[slot] = (byte) sideOrdinal;
        type[slot] = (byte) typeOrdinal;
        timeInForce[slot] = (byte) tif;
        stp[slot] = (byte) stpOrdinal;
        price[slot] = limitPrice;
        leverage[slot] = lev;
        clientOrderId[slot] = clientId;
        settleFlag[slot] = settle;
        timestamp[slot] = time;
        expiry[slot] = expiresAt;
        stopLoss[slot] = sl;
        takeProfit[slot] = tp;
    }

    public void quantity(int slot, long value) {
        quantity[slot] = value;
    }

    public void reservedBase(int slot, long value) {
        reservedBase[slot] = value;
    }

    public void reservedQuote(int slot, long value) {
        reservedQuote[slot] = value;
    }
}
