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

    private final long[] makerRates;
    private final long[] takerRates;
    private final long[] volumesRequired;
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
        Tier[] sorted = tiers.toArray(new Tier[0]);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].volumeRequired() <= sorted[i - 1].volumeRequired()) {
                throw new IllegalArgumentException("tiers must be sorted by strictly increasing volumeRequired");
            }
        }
        this.makerRates = new long[sorted.length];
        this.takerRates = new long[sorted.length];
        this.volumesRequired = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            makerRates[i] = sorted[i].makerRate();
            takerRates[i] = sorted[i].takerRate();
            volumesRequired[i] = sorted[i].volumeRequired();
        }
        this.slots = historySlots;
        this.slotPeriod = slotPeriod;
        this.books = new BookHistory[bookCount];
        for (int b = 0; b < bookCount; b++) {
            books[b] = new BookHistory(historySlots);
        }
    }

    /** The tier index an agent currently pays on a book. */
    public int tier(int agentId, int bookId) {
        return books[bookId].tier(agentId);
    }

    @Override
    public long makerRate(int agentId, int bookId) {
        return makerRates[books[bookId].tier(agentId)];
    }

    @Override
    public long takerRate(int agentId, int bookId) {
        return takerRates[books[bookId].tier(agentId)];
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
            book.roll(volumesRequired);
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
        return books[bookId].sum(agentId);
    }

    /**
     * The window of one book. The rate look-ups on every fill read only small dense arrays that stay in the core's
     * first-level cache: the agent's slot ({@link AgentSlots}), its tier ({@code tier}, an int per agent) and the
     * tier's rate. Volumes live apart, {@link #STRIDE_PAD}-aligned stretches of {@code data} per agent: the rolling
     * sum and the volume of the period under way side by side (a recorded trade touches one cache line of the
     * agent), then the ring of closed buckets; {@code head} is the period under way, filled from {@link #CURRENT} at
     * the roll.
     */
    private static final class BookHistory {

        static final int SUM = 0;
        static final int CURRENT = 1;
        static final int BUCKETS = 2;
        static final int STRIDE_PAD = 8;

        final int slots;
        final int stride;
        final AgentSlots agents = new AgentSlots();
        int[] tier = new int[16];
        long[] data;
        int head;

        BookHistory(int slots) {
            this.slots = slots;
            this.stride = (BUCKETS + slots + STRIDE_PAD - 1) & -STRIDE_PAD;
            this.data = new long[tier.length * stride];
        }

        /** The agent's tier, 0 for one never seen. */
        int tier(int agentId) {
            int slot = agents.slot(agentId);
            return slot == AgentSlots.MISSING ? 0 : tier[slot];
        }

        /** The agent's rolling sum, 0 for one never seen. */
        long sum(int agentId) {
            int slot = agents.slot(agentId);
            return slot == AgentSlots.MISSING ? 0 : data[slot * stride + SUM];
        }

        void add(int agentId, long volume) {
            int slot = agents.slotOrAdd(agentId);
            if (slot == tier.length) {
                tier = Arrays.copyOf(tier, 2 * slot);
                data = Arrays.copyOf(data, 2 * slot * stride);
            }
            int at = slot * stride;
            data[at + CURRENT] += volume;
            data[at + SUM] += volume;
        }

        void roll(long[] volumesRequired) {
            int next = (head + 1) % slots;
            for (int slot = 0; slot < agents.size(); slot++) {
                int at = slot * stride;
                data[at + BUCKETS + head] = data[at + CURRENT];
                data[at + CURRENT] = 0;
                int t = 0;
                for (int i = volumesRequired.length - 1; i >= 0; i--) {
                    if (volumesRequired[i] <= data[at + SUM]) {
                        t = i;
                        break;
                    }
                }
                tier[slot] = t;
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
            Arrays.fill(data, slot * stride, (slot + 1) * stride, 0);
            tier[slot] = 0;
        }
    }
}
