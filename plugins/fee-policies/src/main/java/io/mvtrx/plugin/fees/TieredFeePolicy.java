package io.mvtrx.plugin.fees;

import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
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
public final class TieredFeePolicy implements FeePolicy, Snapshottable {

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
     * Saves every book's history: the head slot, then per agent in the order it first traded its id, rolling sum,
     * volume of the period under way, tier and the ring of closed buckets (restoring in that order gives every agent
     * its old slot).
     */
    @Override
    public void writeState(StateWriter out) {
        out.writeInt(books.length);
        for (BookHistory book : books) {
            out.writeInt(book.head);
            out.writeInt(book.agents.size());
            for (int slot = 0; slot < book.agents.size(); slot++) {
                out.writeInt(book.agents.agentAt(slot));
                out.writeLong(book.volumes[2 * slot]);
                out.writeLong(book.volumes[2 * slot + 1]);
                out.writeInt(book.tier[slot]);
                out.writeLongs(book.buckets, slot * book.slots, (slot + 1) * book.slots);
            }
        }
    }

    @Override
    public void readState(StateReader in) {
        int count = in.readInt();
        in.check(count == books.length, "tiered fee policy: saved %d books, this exchange has %d", count,
                books.length);
        for (BookHistory book : books) {
            in.check(book.agents.size() == 0, "tiered fee policy: state is restored into a fresh policy");
            book.head = in.readInt();
            int agents = in.readInt();
            for (int a = 0; a < agents; a++) {
                int agentId = in.readInt();
                int slot = book.slotOf(agentId);
                in.check(slot == a, "tiered fee policy: agent %d saved twice on one book", agentId);
                book.volumes[2 * slot] = in.readLong();
                book.volumes[2 * slot + 1] = in.readLong();
                book.tier[slot] = in.readInt();
                long[] buckets = in.readLongs("tiered fee policy volume buckets", book.slots);
                System.arraycopy(buckets, 0, book.buckets, slot * book.slots, book.slots);
            }
        }
    }

    /**
     * The window of one book, in arrays sized by what every fill touches: the agent's slot ({@link AgentSlots}), its
     * tier (an int per agent) and the tier's rate for the look-ups; its rolling sum and the volume of the period under
     * way (two longs per agent, side by side) for the recording. These stay small enough to stay in the core's caches
     * (about 24 bytes per agent); the ring of closed buckets, read only at the roll, lives apart. {@code head} is the
     * period under way, filled from the agent's current volume at the roll.
     */
    private static final class BookHistory {

        final int slots;
        final AgentSlots agents = new AgentSlots();
        int[] tier = new int[16];
        long[] volumes = new long[2 * 16];
        long[] buckets;
        int head;

        BookHistory(int slots) {
            this.slots = slots;
            this.buckets = new long[16 * slots];
        }

        /** The agent's tier, 0 for one never seen. */
        int tier(int agentId) {
            int slot = agents.slot(agentId);
            return slot == AgentSlots.MISSING ? 0 : tier[slot];
        }

        /** The agent's rolling sum, 0 for one never seen. */
        long sum(int agentId) {
            int slot = agents.slot(agentId);
            return slot == AgentSlots.MISSING ? 0 : volumes[2 * slot];
        }

        void add(int agentId, long volume) {
            int slot = slotOf(agentId);
            volumes[2 * slot] += volume;
            volumes[2 * slot + 1] += volume;
        }

        /** The agent's slot, taken (and the arrays grown) on its first trade. */
        int slotOf(int agentId) {
            int slot = agents.slotOrAdd(agentId);
            if (slot == tier.length) {
                tier = Arrays.copyOf(tier, 2 * slot);
                volumes = Arrays.copyOf(volumes, 4 * slot);
                buckets = Arrays.copyOf(buckets, 2 * slot * slots);
            }
            return slot;
        }

        void roll(long[] volumesRequired) {
            int next = (head + 1) % slots;
            for (int slot = 0; slot < agents.size(); slot++) {
                int ring = slot * slots;
                buckets[ring + head] = volumes[2 * slot + 1];
                volumes[2 * slot + 1] = 0;
                long sum = volumes[2 * slot];
                int t = 0;
                for (int i = volumesRequired.length - 1; i >= 0; i--) {
                    if (volumesRequired[i] <= sum) {
                        t = i;
                        break;
                    }
                }
                tier[slot] = t;
                volumes[2 * slot] = sum - buckets[ring + next];
                buckets[ring + next] = 0;
            }
            head = next;
        }

        void reset(int agentId) {
            int slot = agents.slot(agentId);
            if (slot == AgentSlots.MISSING) {
                return;
            }
            Arrays.fill(buckets, slot * slots, (slot + 1) * slots, 0);
            volumes[2 * slot] = 0;
            volumes[2 * slot + 1] = 0;
            tier[slot] = 0;
        }
    }
}
