package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

/**
 * Every agent's balances on every book, in primitive arrays indexed by an account number
 * {@code agentIndex × bookCount + bookId}. Base amounts are at the book's base decimals, quote amounts at its quote
 * decimals. Per currency the arrays hold {@code total} and {@code reserved}; {@code free = total - reserved}.
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

    private final int bookCount;
    private final IntIndex agents;
    private int capacity;

    private long[] baseTotal;
    private long[] baseReserved;
    private long[] baseInitial;
    private long[] quoteTotal;
    private long[] quoteReserved;
    private long[] quoteInitial;
    private long[] baseLoan;
    private long[] quoteLoan;
    private long[] baseCollateral;
    private long[] quoteCollateral;
    private int[] openOrders;
    private int[] leveragedBuys;
    private int[] leveragedSells;

    /**
     * @param bookCount      books per agent
     * @param expectedAgents agents to size the arrays for
     */
    public Accounts(int bookCount, int expectedAgents) {
        this.bookCount = bookCount;
        this.agents = new IntIndex(expectedAgents);
        allocate(Math.max(8, expectedAgents));
    }

    private void allocate(int agentCapacity) {
        int n = agentCapacity * bookCount;
        baseTotal = grow(baseTotal, n);
        baseReserved = grow(baseReserved, n);
        baseInitial = grow(baseInitial, n);
        quoteTotal = grow(quoteTotal, n);
        quoteReserved = grow(quoteReserved, n);
        quoteInitial = grow(quoteInitial, n);
        baseLoan = grow(baseLoan, n);
        quoteLoan = grow(quoteLoan, n);
        baseCollateral = grow(baseCollateral, n);
        quoteCollateral = grow(quoteCollateral, n);
        openOrders = grow(openOrders, n);
        leveragedBuys = grow(leveragedBuys, n);
        leveragedSells = grow(leveragedSells, n);
        capacity = agentCapacity;
    }

    private static long[] grow(long[] array, int n) {
        return array == null ? new long[n] : Arrays.copyOf(array, n);
    }

    private static int[] grow(int[] array, int n) {
        return array == null ? new int[n] : Arrays.copyOf(array, n);
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
            allocate(capacity * 2);
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
        return baseTotal[account];
    }

    public long baseReserved(int account) {
        return baseReserved[account];
    }

    public long baseFree(int account) {
        return baseTotal[account] - baseReserved[account];
    }

    public long baseInitial(int account) {
        return baseInitial[account];
    }

    /** Adds (or, negative, removes) free base. */
    public void creditBase(int account, long amount) {
        baseTotal[account] += amount;
    }

    /** Moves free base into the reserved part. */
    public void reserveBase(int account, long amount) {
        baseReserved[account] += amount;
    }

    /** Moves reserved base back to free. */
    public void releaseBase(int account, long amount) {
        baseReserved[account] -= amount;
    }

    /** Spends reserved base (it leaves the account). */
    public void spendBase(int account, long amount) {
        baseReserved[account] -= amount;
        baseTotal[account] -= amount;
    }

    // ---- quote

    public long quoteTotal(int account) {
        return quoteTotal[account];
    }

    public long quoteReserved(int account) {
        return quoteReserved[account];
    }

    public long quoteFree(int account) {
        return quoteTotal[account] - quoteReserved[account];
    }

    public long quoteInitial(int account) {
        return quoteInitial[account];
    }

    /** Adds (or, negative, removes) free quote. */
    public void creditQuote(int account, long amount) {
        quoteTotal[account] += amount;
    }

    /** Moves free quote into the reserved part. */
    public void reserveQuote(int account, long amount) {
        quoteReserved[account] += amount;
    }

    /** Moves reserved quote back to free. */
    public void releaseQuote(int account, long amount) {
        quoteReserved[account] -= amount;
    }

    /** Spends reserved quote (it leaves the account). */
    public void spendQuote(int account, long amount) {
        quoteReserved[account] -= amount;
        quoteTotal[account] -= amount;
    }

    /** Records a deposit: free balances and the initial amounts grow by it. */
    public void deposit(int account, long base, long quote) {
        baseTotal[account] += base;
        quoteTotal[account] += quote;
        baseInitial[account] += base;
        quoteInitial[account] += quote;
    }

    /** Empties an account: balances, initial amounts, loans and collateral to 0 (orders must be gone). */
    public void clear(int account) {
        baseTotal[account] = 0;
        baseReserved[account] = 0;
        baseInitial[account] = 0;
        quoteTotal[account] = 0;
        quoteReserved[account] = 0;
        quoteInitial[account] = 0;
        baseLoan[account] = 0;
        quoteLoan[account] = 0;
        baseCollateral[account] = 0;
        quoteCollateral[account] = 0;
    }

    // ---- loans and collateral

    public long baseLoan(int account) {
        return baseLoan[account];
    }

    public long quoteLoan(int account) {
        return quoteLoan[account];
    }

    public long baseCollateral(int account) {
        return baseCollateral[account];
    }

    public long quoteCollateral(int account) {
        return quoteCollateral[account];
    }

    /** Changes the loan aggregates by the given amounts (negative repays). */
    public void addLoan(int account, long base, long quote) {
        baseLoan[account] += base;
        quoteLoan[account] += quote;
    }

    /** Changes the collateral aggregates by the given amounts (negative releases). */
    public void addCollateral(int account, long base, long quote) {
        baseCollateral[account] += base;
        quoteCollateral[account] += quote;
    }

    // ---- orders

    public int openOrders(int account) {
        return openOrders[account];
    }

    public void addOpenOrders(int account, int delta) {
        openOrders[account] += delta;
    }

    /** Open leveraged orders of the account on a side (0 buy, 1 sell). */
    public int leveragedOrders(int account, int side) {
        return side == 0 ? leveragedBuys[account] : leveragedSells[account];
    }

    public void addLeveragedOrders(int account, int side, int delta) {
        if (side == 0) {
            leveragedBuys[account] += delta;
        } else {
            leveragedSells[account] += delta;
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
                check(a, baseReserved[a] >= 0 && baseReserved[a] <= baseTotal[a], "0 <= base reserved <= total",
                        baseReserved[a], baseTotal[a]);
                check(a, quoteReserved[a] >= 0 && quoteReserved[a] <= quoteTotal[a],
                        "0 <= quote reserved <= total", quoteReserved[a], quoteTotal[a]);
                check(a, baseLoan[a] >= 0 && quoteLoan[a] >= 0, "loans >= 0", baseLoan[a], quoteLoan[a]);
                check(a, baseCollateral[a] >= 0 && quoteCollateral[a] >= 0, "collateral >= 0",
                        baseCollateral[a], quoteCollateral[a]);
                check(a, openOrders[a] >= 0, "open orders >= 0", openOrders[a], 0);
            }
        }
    }

    private void check(int account, boolean holds, String invariant, long first, long second) {
        if (!holds) {
            throw new IllegalStateException(String.format("agent %d book %d: invariant %s broken (%d, %d)",
                    agents.keyAt(account / bookCount), account % bookCount, invariant, first, second));
        }
    }
}
