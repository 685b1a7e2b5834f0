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
            books[b] = new BookHistory(historySlots);
        }
    }

    /** The tier index an agent currently pays on a book. */
    public int tier(int agentId, int bookId) {
        BookHistory book = books[bookId];
        int slot = book.agents.slot(agentId);
        return slot == AgentSlots.MISSING ? 0 : book.tier[slot];
    }

    @Override
    public long makerRate(int agentId, int bookId) {
        return tiers[tier(agentId, bookId)].makerRate();
    }

    @Override
    public long takerRate(int agentId, int bookId) {
        return tiers[tier(agentId, bookId)].takerRate();
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
        BookHistory book = books[bookId];
        int slot = book.agents.slot(agentId);
        return slot == AgentSlots.MISSING ? 0 : book.sum[slot];
    }

    /** The window of one book: a ring of buckets per agent, newest at {@code head}. */
    /**
     * Saves every book's history: the head slot, then per agent in the order it first traded its id, rolling sum,
     * tier and volume buckets (restoring in that order gives every agent its old slot).
     */
    @Override
    public void writeState(StateWriter out) {
        out.writeInt(books.length);
        for (BookHistory book : books) {
            out.writeInt(book.head);
            out.writeInt(book.agents.size());
            for (int slot = 0; slot < book.agents.size(); slot++) {
                out.writeInt(book.agents.agentAt(slot));
                out.writeLong(book.sum[slot]);
                out.writeInt(book.tier[slot]);
                out.writeLongs(book.buckets, slot * slots, (slot + 1) * slots);
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
                book.sum[slot] = in.readLong();
                book.tier[slot] = in.readInt();
                long[] buckets = in.readLongs("tiered fee policy volume buckets", slots);
                System.arraycopy(buckets, 0, book.buckets, slot * slots, slots);
            }
        }
    }

    private static final class BookHistory {

        final int slots;
        final AgentSlots agents = new AgentSlots();
        long[] buckets;
        long[] sum;
        int[] tier;
        int head;

        BookHistory(int slots) {
            this.slots = slots;
            this.buckets = new long[16 * slots];
            this.sum = new long[16];
            this.tier = new int[16];
        }

        void add(int agentId, long volume) {
            int slot = slotOf(agentId);
            buckets[slot * slots + head] += volume;
            sum[slot] += volume;
        }

        /** The agent's slot, taken (and the arrays grown) on its first trade. */
        int slotOf(int agentId) {
            int slot = agents.slotOrAdd(agentId);
            if (slot == sum.length) {
                buckets = Arrays.copyOf(buckets, 2 * slot * slots);
                sum = Arrays.copyOf(sum, 2 * slot);
                tier = Arrays.copyOf(tier, 2 * slot);
            }
            return slot;
        }

        void roll(Tier[] tiers) {
            int next = (head + 1) % slots;
            for (int slot = 0; slot < agents.size(); slot++) {
                int t = 0;
                for (int i = tiers.length - 1; i >= 0; i--) {
                    if (tiers[i].volumeRequired() <= sum[slot]) {
                        t = i;
                        break;
                    }
                }
                tier[slot] = t;
                sum[slot] -= buckets[slot * slots + next];
                buckets[slot * slots + next] = 0;
            }
            head = next;
        }

        void reset(int agentId) {
            int slot = agents.slot(agentId);
            if (slot == AgentSlots.MISSING) {
                return;
            }
            Arrays.fill(buckets, slot * slots, (slot + 1) * slots, 0);
            sum[slot] = 0;
            tier[slot] = 0;
        }
    }
}
