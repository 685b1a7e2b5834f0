package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * Every agent's balances on every book, packed sixteen longs per account in one {@code long[]} (the fields an order
 * touches share a cache line), indexed by an account number {@code agentIndex × bookCount + bookId}. Base amounts
 * are at the book's base decimals, quote amounts at its quote decimals. Per currency an account holds
 * {@code total} and {@code reserved}; {@code free = total - reserved}.
 *
 * <p>Invariants the engine keeps (and {@link #checkInvariants} asserts): {@code 0 <= reserved <= total} for both
 * currencies, loans and collateral {@code >= 0}, open orders {@code >= 0}.
 *
 * <p>Not thread-safe: owned by one exchange, touched by its single writer. Reads and writes are O(1) and
 * allocation-free; opening an account for a new agent may grow the arrays.
 */
public final class Accounts {

    /** Returned for an agent without an account. */
    public static final int MISSING = -1;

    private static final int STRIDE = 16;
    private static final int BASE_TOTAL = 0;
    private static final int BASE_RESERVED = 1;
    private static final int QUOTE_TOTAL = 2;
    private static final int QUOTE_RESERVED = 3;
    private static final int OPEN_ORDERS = 4;
    private static final int BASE_LOAN = 5;
    private static final int QUOTE_LOAN = 6;
    private static final int LEVERAGED_BUYS = 7;
    private static final int LEVERAGED_SELLS = 8;
    private static final int BASE_COLLATERAL = 9;
    private static final int QUOTE_COLLATERAL = 10;
    private static final int BASE_INITIAL = 11;
    private static final int QUOTE_INITIAL = 12;

    private final int bookCount;
    private final IntIndex agents;
    private int capacity;
    private long[] data;

    /**
     * @param bookCount      books per agent
     * @param expectedAgents agents to size the arrays for
     */
    public Accounts(int bookCount, int expectedAgents) {
        this.bookCount = bookCount;
        this.agents = new IntIndex(expectedAgents);
        this.capacity = Math.max(8, expectedAgents);
        this.data = new long[capacity * bookCount * STRIDE];
    }

    /** Books per agent. */
    public int bookCount() {
        return bookCount;
    }

    /** Agents with accounts. */
    public int agentCount() {
        return agents.size();
    }

    /** The agent id of an agent index. */
    public int agentId(int agentIndex) {
        return agents.keyAt(agentIndex);
    }

    /** The agent's index, or {@link #MISSING}. */
    public int agentIndex(int agentId) {
        return agents.get(agentId);
    }

    /** Opens the agent's accounts on every book (all zero) if it has none; returns its index. */
    public int open(int agentId) {
        int index = agents.getOrAdd(agentId);
        if (index >= capacity) {
            capacity *= 2;
            data = Arrays.copyOf(data, capacity * bookCount * STRIDE);
        }
        return index;
    }

    /** The account number of an agent index on a book. */
    public int account(int agentIndex, int bookId) {
        return agentIndex * bookCount + bookId;
    }

    /** The account number of an agent on a book, or {@link #MISSING}. */
    public int accountOf(int agentId, int bookId) {
        int index = agents.get(agentId);
        return index == IntIndex.MISSING ? MISSING : index * bookCount + bookId;
    }

    // ---- base

    public long baseTotal(int account) {
        return data[account * STRIDE + BASE_TOTAL];
    }

    public long baseReserved(int account) {
        return data[account * STRIDE + BASE_RESERVED];
    }

    public long baseFree(int account) {
        return data[account * STRIDE + BASE_TOTAL] - data[account * STRIDE + BASE_RESERVED];
    }

    public long baseInitial(int account) {
        return data[account * STRIDE + BASE_INITIAL];
    }

    /** Adds (or, negative, removes) free base. */
    public void creditBase(int account, long amount) {
        data[account * STRIDE + BASE_TOTAL] += amount;
    }

    /** Moves free base into the reserved part. */
    public void reserveBase(int account, long amount) {
        data[account * STRIDE + BASE_RESERVED] += amount;
    }

    /** Moves reserved base back to free. */
    public void releaseBase(int account, long amount) {
        data[account * STRIDE + BASE_RESERVED] -= amount;
    }

    /** Spends reserved base (it leaves the account). */
    public void spendBase(int account, long amount) {
        data[account * STRIDE + BASE_RESERVED] -= amount;
        data[account * STRIDE + BASE_TOTAL] -= amount;
    }

    // ---- quote

    public long quoteTotal(int account) {
        return data[account * STRIDE + QUOTE_TOTAL];
    }

    public long quoteReserved(int account) {
        return data[account * STRIDE + QUOTE_RESERVED];
    }

    public long quoteFree(int account) {
        return data[account * STRIDE + QUOTE_TOTAL] - data[account * STRIDE + QUOTE_RESERVED];
    }

    public long quoteInitial(int account) {
        return data[account * STRIDE + QUOTE_INITIAL];
    }

    /** Adds (or, negative, removes) free quote. */
    public void creditQuote(int account, long amount) {
        data[account * STRIDE + QUOTE_TOTAL] += amount;
    }

    /** Moves free quote into the reserved part. */
    public void reserveQuote(int account, long amount) {
        data[account * STRIDE + QUOTE_RESERVED] += amount;
    }

    /** Moves reserved quote back to free. */
    public void releaseQuote(int account, long amount) {
        data[account * STRIDE + QUOTE_RESERVED] -= amount;
    }

    /** Spends reserved quote (it leaves the account). */
    public void spendQuote(int account, long amount) {
        data[account * STRIDE + QUOTE_RESERVED] -= amount;
        data[account * STRIDE + QUOTE_TOTAL] -= amount;
    }

    /** Records a deposit: free balances and the initial amounts grow by it. */
    public void deposit(int account, long base, long quote) {
        data[account * STRIDE + BASE_TOTAL] += base;
        data[account * STRIDE + QUOTE_TOTAL] += quote;
        data[account * STRIDE + BASE_INITIAL] += base;
        data[account * STRIDE + QUOTE_INITIAL] += quote;
    }

    /** Empties an account: balances, initial amounts, loans and collateral to 0 (orders must be gone). */
    public void clear(int account) {
        Arrays.fill(data, account * STRIDE, account * STRIDE + STRIDE, 0);
    }

    // ---- loans and collateral

    public long baseLoan(int account) {
        return data[account * STRIDE + BASE_LOAN];
    }

    public long quoteLoan(int account) {
        return data[account * STRIDE + QUOTE_LOAN];
    }

    public long baseCollateral(int account) {
        return data[account * STRIDE + BASE_COLLATERAL];
    }

    public long quoteCollateral(int account) {
        return data[account * STRIDE + QUOTE_COLLATERAL];
    }

    /** Changes the loan aggregates by the given amounts (negative repays). */
    public void addLoan(int account, long base, long quote) {
        data[account * STRIDE + BASE_LOAN] += base;
        data[account * STRIDE + QUOTE_LOAN] += quote;
    }

    /** Changes the collateral aggregates by the given amounts (negative releases). */
    public void addCollateral(int account, long base, long quote) {
        data[account * STRIDE + BASE_COLLATERAL] += base;
        data[account * STRIDE + QUOTE_COLLATERAL] += quote;
    }

    // ---- orders

    public int openOrders(int account) {
        return (int) data[account * STRIDE + OPEN_ORDERS];
    }

    public void addOpenOrders(int account, int delta) {
        data[account * STRIDE + OPEN_ORDERS] += delta;
    }

    /** Open leveraged orders of the account on a side (0 buy, 1 sell). */
    public int leveragedOrders(int account, int side) {
        return (int) data[account * STRIDE + (side == 0 ? LEVERAGED_BUYS : LEVERAGED_SELLS)];
    }

    public void addLeveragedOrders(int account, int side, int delta) {
        if (side == 0) {
            data[account * STRIDE + LEVERAGED_BUYS] += delta;
        } else {
            data[account * STRIDE + LEVERAGED_SELLS] += delta;
        }
    }

    /**
     * Checks every invariant of every account.
     *
     * @throws IllegalStateException naming the agent, the book and the broken invariant
     */
    public void checkInvariants() {
        for (int agent = 0; agent < agents.size(); agent++) {
            for (int book = 0; book < bookCount; book++) {
                int a = account(agent, book);
                check(a, baseReserved(a) >= 0 && baseReserved(a) <= baseTotal(a), "0 <= base reserved <= total",
                        baseReserved(a), baseTotal(a));
                check(a, quoteReserved(a) >= 0 && quoteReserved(a) <= quoteTotal(a), "0 <= quote reserved <= total",
                        quoteReserved(a), quoteTotal(a));
                check(a, baseLoan(a) >= 0 && quoteLoan(a) >= 0, "loans >= 0", baseLoan(a), quoteLoan(a));
                check(a, baseCollateral(a) >= 0 && quoteCollateral(a) >= 0, "collateral >= 0", baseCollateral(a),
                        quoteCollateral(a));
                check(a, openOrders(a) >= 0, "open orders >= 0", openOrders(a), 0);
            }
        }
    }

    private void check(int account, boolean holds, String invariant, long first, long second) {
        if (!holds) {
            throw new IllegalStateException(String.format("agent %d book %d: invariant %s broken (%d, %d)",
                    agents.keyAt(account / bookCount), account % bookCount, invariant, first, second));
        }
    }

    /** Saves the agents in index order and every account's sixteen fields. */
    public void writeState(StateWriter out) {
        out.writeInt(bookCount);
        out.writeInt(agents.size());
        for (int index = 0; index < agents.size(); index++) {
            out.writeInt(agents.keyAt(index));
        }
        out.writeLongs(data, 0, agents.size() * bookCount * STRIDE);
    }

    /** Restores what {@link #writeState} saved into empty accounts of the same book count. */
    public void readState(StateReader in) {
        int books = in.readInt();
        in.check(books == bookCount, "accounts: saved for %d books, the exchange has %d", books, bookCount);
        in.check(agents.size() == 0, "accounts: state is restored into empty accounts");
        int count = in.readInt();
        for (int index = 0; index < count; index++) {
            int id = in.readInt();
            in.check(open(id) == index, "accounts: agent %d saved twice", id);
        }
        long[] saved = in.readLongs("accounts", count * bookCount * STRIDE);
        System.arraycopy(saved, 0, data, 0, saved.length);
    }
}
