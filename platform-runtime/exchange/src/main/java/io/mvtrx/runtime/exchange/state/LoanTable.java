package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * One book's open loans, one per leveraged order that has traded (later fills of the same order merge into it), in
 * pooled slots of parallel primitive arrays, found by order id, and chained per account in ascending order id
 * (the FIFO repayment order). A buy loan is owed in quote, a sell loan in base.
 *
 * <p>A loan remembers the notional and quantity of the fills that opened it, so its margin-call price follows the
 * volume-weighted entry price of the whole position.
 *
 * <p>Not thread-safe: one writer per book. Look-up O(1); linking O(loans of the account).
 */
public final class LoanTable {

    /** Returned for an order without a loan. */
    public static final int MISSING = LongIntMap.MISSING;

    /** A buy loan (quote). */
    public static final int BUY = 0;

    /** A sell loan (base). */
    public static final int SELL = 1;

    private static final int END = -1;

    private final LongIntMap byOrder = new LongIntMap(64);
    private int[] accountHead = new int[0];
    private int capacity;
    private int highWater;
    private int freeTop;
    private int[] free;
    private int live;

    private boolean[] used;
    private long[] orderId;
    private int[] agentId;
    private int[] account;
    private int[] side;
    private long[] amount;
    private long[] leverage;
    private long[] baseCollateral;
    private long[] quoteCollateral;
    private long[] entryNotional;
    private long[] entryQuantity;
    private long[] marginCallPrice;
    private int[] next;

    public LoanTable() {
        free = new int[0];
        resize(16);
    }

    private void resize(int n) {
        used = used == null ? new boolean[n] : Arrays.copyOf(used, n);
        orderId = copy(orderId, n);
        agentId = copy(agentId, n);
        account = copy(account, n);
        side = copy(side, n);
        amount = copy(amount, n);
        leverage = copy(leverage, n);
        baseCollateral = copy(baseCollateral, n);
        quoteCollateral = copy(quoteCollateral, n);
        entryNotional = copy(entryNotional, n);
        entryQuantity = copy(entryQuantity, n);
        marginCallPrice = copy(marginCallPrice, n);
        next = copy(next, n);
        free = Arrays.copyOf(free, n);
        capacity = n;
    }

    private static long[] copy(long[] a, int n) {
        return a == null ? new long[n] : Arrays.copyOf(a, n);
    }

    private static int[] copy(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }

    /** Loans held. */
    public int size() {
        return live;
    }

    /** One past the highest slot ever used. */
    public int limit() {
        return highWater;
    }

    public boolean isUsed(int slot) {
        return used[slot];
    }

    /** The loan of an order, or {@link #MISSING}. */
    public int slot(long order) {
        return byOrder.get(order);
    }

    /** The account's oldest loan on this book, or -1. */
    public int first(int accountNumber) {
        return accountNumber < accountHead.length ? accountHead[accountNumber] - 1 : END;
    }

    /** The account's next loan after {@code slot}, or -1. */
    public int next(int slot) {
        return next[slot];
    }

    /** Opens an empty loan for an order and links it into its account's FIFO chain. */
    public int open(long order, int agent, int accountNumber, int loanSide, long lev) {
        int slot;
        if (freeTop > 0) {
            slot = free[--freeTop];
        } else {
            if (highWater == capacity) {
                resize(capacity * 2);
            }
            slot = highWater++;
        }
        used[slot] = true;
        orderId[slot] = order;
        agentId[slot] = agent;
        account[slot] = accountNumber;
        side[slot] = loanSide;
        leverage[slot] = lev;
        byOrder.put(order, slot);
        if (accountNumber >= accountHead.length) {
            accountHead = Arrays.copyOf(accountHead, Math.max(accountNumber + 1, accountHead.length * 2));
        }
        int previous = END;
        int current = accountHead[accountNumber] - 1;
        while (current != END && orderId[current] < order) {
            previous = current;
            current = next[current];
        }
        next[slot] = current;
        if (previous == END) {
            accountHead[accountNumber] = slot + 1;
        } else {
            next[previous] = slot;
        }
        live++;
        return slot;
    }

    /** Removes a repaid loan and unlinks it. */
    public void close(int slot) {
        int accountNumber = account[slot];
        int previous = END;
        int current = accountHead[accountNumber] - 1;
        while (current != slot) {
            previous = current;
            current = next[current];
        }
        if (previous == END) {
            accountHead[accountNumber] = next[slot] + 1;
        } else {
            next[previous] = next[slot];
        }
        byOrder.remove(orderId[slot]);
        used[slot] = false;
        amount[slot] = 0;
        baseCollateral[slot] = 0;
        quoteCollateral[slot] = 0;
        entryNotional[slot] = 0;
        entryQuantity[slot] = 0;
        marginCallPrice[slot] = 0;
        free[freeTop++] = slot;
        live--;
    }

    public long orderId(int slot) {
        return orderId[slot];
    }

    public int agentId(int slot) {
        return agentId[slot];
    }

    public int account(int slot) {
        return account[slot];
    }

    /** {@link #BUY} (owed in quote) or {@link #SELL} (owed in base). */
    public int side(int slot) {
        return side[slot];
    }

    /** Outstanding amount: quote for a buy loan, base for a sell loan. */
    public long amount(int slot) {
        return amount[slot];
    }

    public long leverage(int slot) {
        return leverage[slot];
    }

    public long baseCollateral(int slot) {
        return baseCollateral[slot];
    }

    public long quoteCollateral(int slot) {
        return quoteCollateral[slot];
    }

    public long entryNotional(int slot) {
        return entryNotional[slot];
    }

    public long entryQuantity(int slot) {
        return entryQuantity[slot];
    }

    public long marginCallPrice(int slot) {
        return marginCallPrice[slot];
    }

    /** Adds a fill's borrowing: amount owed, collateral locked, and the fill's notional and base quantity. */
    public void borrow(int slot, long owed, long base, long quote, long notional, long quantity) {
        amount[slot] += owed;
        baseCollateral[slot] += base;
        quoteCollateral[slot] += quote;
        entryNotional[slot] += notional;
        entryQuantity[slot] += quantity;
    }

    /** Reduces a loan by a repayment and the collateral it frees. */
    public void repay(int slot, long owed, long base, long quote) {
        amount[slot] -= owed;
        baseCollateral[slot] -= base;
        quoteCollateral[slot] -= quote;
    }

    public void marginCallPrice(int slot, long price) {
        marginCallPrice[slot] = price;
    }

    /** Saves the loans in use with their fields and links, the per-account list heads and the free list. */
    public void writeState(StateWriter out) {
        out.writeInt(highWater);
        out.writeInt(live);
        for (int slot = 0; slot < highWater; slot++) {
            out.writeBoolean(used[slot]);
            if (used[slot]) {
                out.writeLong(orderId[slot]);
                out.writeInt(agentId[slot]);
                out.writeInt(account[slot]);
                out.writeInt(side[slot]);
                out.writeLong(amount[slot]);
                out.writeLong(leverage[slot]);
                out.writeLong(baseCollateral[slot]);
                out.writeLong(quoteCollateral[slot]);
                out.writeLong(entryNotional[slot]);
                out.writeLong(entryQuantity[slot]);
                out.writeLong(marginCallPrice[slot]);
                out.writeInt(next[slot]);
            }
        }
        out.writeInts(accountHead);
        out.writeInt(freeTop);
        for (int i = 0; i < freeTop; i++) {
            out.writeInt(free[i]);
        }
    }

    /** Restores what {@link #writeState} saved into an empty table. */
    public void readState(StateReader in) {
        in.check(live == 0 && highWater == 0, "loan table: state is restored into an empty table");
        int slots = in.readInt();
        int saved = in.readInt();
        in.check(slots >= 0 && saved >= 0 && saved <= slots, "loan table: %d loans in %d slots", saved, slots);
        if (slots > capacity) {
            resize(Integer.highestOneBit(slots - 1) << 1);
        }
        highWater = slots;
        for (int slot = 0; slot < slots; slot++) {
            used[slot] = in.readBoolean();
            if (used[slot]) {
                orderId[slot] = in.readLong();
                agentId[slot] = in.readInt();
                account[slot] = in.readInt();
                side[slot] = in.readInt();
                amount[slot] = in.readLong();
                leverage[slot] = in.readLong();
                baseCollateral[slot] = in.readLong();
                quoteCollateral[slot] = in.readLong();
                entryNotional[slot] = in.readLong();
                entryQuantity[slot] = in.readLong();
                marginCallPrice[slot] = in.readLong();
                next[slot] = in.readInt();
                byOrder.put(orderId[slot], slot);
                live++;
            }
        }
        in.check(live == saved, "loan table: %d loans saved, %d found", saved, live);
        accountHead = in.readInts();
        freeTop = in.readInt();
        in.check(freeTop == slots - saved, "loan table: %d free slots saved for %d slots and %d loans", freeTop,
                slots, saved);
        for (int i = 0; i < freeTop; i++) {
            free[i] = in.readInt();
        }
    }
}
