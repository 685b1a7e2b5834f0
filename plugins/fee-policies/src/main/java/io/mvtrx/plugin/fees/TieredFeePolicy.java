package io.mvtrx.plugin.fees;

import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.spi.fees.FeePolicy;

/**
 * The reference's tiered schedule over a rolling window (simulator.md §2.11, C.4). Per agent and book the policy
 * keeps {@code historySlots} buckets of traded quote volume; new volume goes to the newest bucket. At a step start
 * whose time is a multiple of {@code slotPeriod}, every agent moves to the highest tier whose
 * {@code volumeRequired} is at most the window's sum, then the window rolls (the oldest bucket is dropped, a new
 * empty one opens). So tiers change at most once per period, and an agent that never traded stays on tier 0 (the
 * lowest {@code volumeRequired}).
 *
 * <p>Threading: each book's history is touched only by that book's writer ({@link #recordTrade}, rate look-ups);
 * {@link #onStep} and {@link #reset} touch every book and must run while no book trades (the step barrier). Rate
 * look-ups and recording are allocation-free except the first time an agent is seen on a book. Cost: look-ups
 * O(1); a roll O(agents × books).
 */
public final class TieredFeePolicy implements FeePolicy {

    private final Tier[] tiers;
    private final int slots;
    private final long slotPeriod;
    private final BookHistory[] books;

    /**
     * @param bookCount    books served
     * @param historySlots buckets per window
     * @param slotPeriod   ns per bucket
     * @param tiers        tiers sorted ascending by volume required, at least one
     */
    public TieredFeePolicy(int bookCount, int historySlots, long slotPeriod, List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tiered fee policy needs at least one tier");
        }
        this.tiers = tiers.toArray(new Tier[0]);
        for (int i = 1; i < this.tiers.length; i++) {
            if (this.tiers[i].volumeRequired() <= this.tiers[i - 1].volumeRequired()) {
                throw new IllegalArgumentException("tiers must be sorted by strictly increasing volumeRequired");
            }
        }
        this.slots = historySlots;
        this.slotPeriod = slotPeriod;
        this.books = new BookHistory[bookCount];
        for (int b = 0; b < bookCount; b++) {
            books[b] = new BookHistory(historySlots, this.tiers[0]);
        }
    }

    /** The tier index an agent currently pays on a book. */
    public int tier(int agentId, int bookId) {
        return (int) books[bookId].read(agentId, BookHistory.TIER);
    }

    @Override
    public long makerRate(int agentId, int bookId) {
        return books[bookId].read(agentId, BookHistory.MAKER);
    }

    @Override
    public long takerRate(int agentId, int bookId) {
        return books[bookId].read(agentId, BookHistory.TAKER);
    }

    @Override
    public void recordTrade(int bookId, long timestamp, int makerAgentId, int takerAgentId, long quoteVolume) {
        BookHistory book = books[bookId];
        book.add(makerAgentId, quoteVolume);
        book.add(takerAgentId, quoteVolume);
    }

    /** Re-tiers and rolls every window when {@code timestamp} is a multiple of the slot period. */
    @Override
    public void onStep(long timestamp) {
        if (timestamp % slotPeriod != 0) {
            return;
        }
        for (BookHistory book : books) {
            book.roll(tiers);
        }
    }

    @Override
    public void reset(int agentId) {
        for (BookHistory book : books) {
            book.reset(agentId);
        }
    }

    @Override
    public long volume(int agentId, int bookId) {
        return books[bookId].read(agentId, BookHistory.SUM);
    }

    /**
     * The window of one book. Each agent's figures sit together in one stretch of {@code data}, {@link #stride}
     * longs: its rolling sum, its current maker and taker rates and tier (so a rate look-up reads one cache line and
     * no {@link Tier}), then its ring of buckets, newest at {@code head}.
     */
    private static final class BookHistory {

        static final int SUM = 0;
        static final int MAKER = 1;
        static final int TAKER = 2;
        static final int TIER = 3;
        static final int BUCKETS = 4;

        final int slots;
        final int stride;
        final long makerRate0;
        final long takerRate0;
        final AgentSlots agents = new AgentSlots();
        long[] data;
        int capacity;
        int head;

        BookHistory(int slots, Tier first) {
            this.slots = slots;
            // whole cache lines per agent, so that the sum and the rates share one
            this.stride = (BUCKETS + slots + 7) & ~7;
            this.makerRate0 = first.makerRate();
            this.takerRate0 = first.takerRate();
            this.capacity = 16;
            this.data = new long[capacity * stride];
        }

        /** An agent's {@link #SUM}, {@link #MAKER}, {@link #TAKER} or {@link #TIER}; tier 0's for one never seen. */
        long read(int agentId, int field) {
            int slot = agents.slot(agentId);
            if (slot == AgentSlots.MISSING) {
                return field == MAKER ? makerRate0 : field == TAKER ? takerRate0 : 0;
            }
            return data[slot * stride + field];
        }

        void add(int agentId, long volume) {
            int known = agents.size();
            int slot = agents.slotOrAdd(agentId);
            int at = slot * stride;
            if (slot == known) {
                // first sight: tier 0
                if (slot == capacity) {
                    capacity *= 2;
                    data = Arrays.copyOf(data, capacity * stride);
                }
                data[at + MAKER] = makerRate0;
                data[at + TAKER] = takerRate0;
            }
            data[at + BUCKETS + head] += volume;
            data[at + SUM] += volume;
        }

        void roll(Tier[] tiers) {
            int next = (head + 1) % slots;
            for (int slot = 0; slot < agents.size(); slot++) {
                int at = slot * stride;
                int t = 0;
                for (int i = tiers.length - 1; i >= 0; i--) {
                    if (tiers[i].volumeRequired() <= data[at + SUM]) {
                        t = i;
                        break;
                    }
                }
                data[at + TIER] = t;
                data[at + MAKER] = tiers[t].makerRate();
                data[at + TAKER] = tiers[t].takerRate();
                data[at + SUM] -= data[at + BUCKETS + next];
                data[at + BUCKETS + next] = 0;
            }
            head = next;
        }

        void reset(int agentId) {
            int slot = agents.slot(agentId);
            if (slot == AgentSlots.MISSING) {
                return;
            }
            int at = slot * stride;
            Arrays.fill(data, at, at + stride, 0);
            data[at + MAKER] = makerRate0;
            data[at + TAKER] = takerRate0;
        }
    }
}
