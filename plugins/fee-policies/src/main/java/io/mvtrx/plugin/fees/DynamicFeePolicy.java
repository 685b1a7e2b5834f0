package io.mvtrx.plugin.fees;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.fees.FeePolicy;

/**
 * The v0.5.4 dynamic policy (simulator-054.md §4.11): one pair of rates per book, identical for every agent,
 * steered by the maker-taker ratio of the miners' flow on that book.
 *
 * <ul>
 *   <li>Only trades with a miner on a side ({@code agentId >= 0}) count. A miner maker adds the quote volume to
 *       "passive", a miner taker to "aggressive".</li>
 *   <li>A new bucket opens whenever such a trade's timestamp differs from the book's last one; the window keeps the
 *       last {@code historySlots} buckets. The reference keeps one "last timestamp" for all books, so a trade on
 *       book A could split a bucket on book B; here each book keeps its own (a deliberate fix).</li>
 *   <li>{@code x} = passive / (passive + aggressive) over the buckets before the newest one, i.e. the rates change
 *       only when a trade at a new timestamp is recorded. Until the window holds {@code historySlots} buckets, and
 *       whenever the total is 0, {@code x = targetMTR}.</li>
 *   <li>{@code d(x)} = 0 when {@code x = 0} (the reference gives pure-aggressor flow no adjustment; kept, see
 *       doc/exchange.md) or when {@code trunc(target - x, 3) = 0}; below target
 *       {@code d = -maxMakerRate·((target - x)/target)^shapeMakerFee}; above target
 *       {@code d = maxTakerRate·((x - target)/(1 - target))^shapeMakerRebate}.</li>
 *   <li>maker = makerFee + d, taker = takerFee - d.</li>
 * </ul>
 *
 * <p>Numbers: {@code x} is truncated to {@code Rate.SCALE}; the power is taken in double precision once per new
 * bucket (never per trade) and {@code d} is rounded to the nearest 10^-8.
 *
 * <p>Threading: each book's state is touched only by its writer. Look-ups are O(1), recording O(1); nothing
 * allocates after construction.
 */
public final class DynamicFeePolicy implements FeePolicy, Snapshottable {

    /** The 10^-3 grid below which a distance to the target is ignored. */
    private static final long DEAD_BAND = Rate.ONE / 1000;

    private final int slots;
    private final long makerFee;
    private final long takerFee;
    private final long maxMakerRate;
    private final long maxTakerRate;
    private final long target;
    private final double shapeBelow;
    private final double shapeAbove;
    private final Window[] books;

    /**
     * @param bookCount    books served
     * @param historySlots buckets per window (and warm-up length)
     * @param makerFee     base maker rate, {@code Rate.SCALE}
     * @param takerFee     base taker rate
     * @param maxMakerRate largest rebate adjustment below target
     * @param maxTakerRate largest charge adjustment above target
     * @param targetMTR    target ratio, {@code Rate.SCALE}, strictly between 0 and 1
     * @param shapeBelow   exponent below target ({@code shapeMakerFee})
     * @param shapeAbove   exponent above target ({@code shapeMakerRebate})
     */
    public DynamicFeePolicy(int bookCount, int historySlots, long makerFee, long takerFee, long maxMakerRate,
                            long maxTakerRate, long targetMTR, double shapeBelow, double shapeAbove) {
        if (historySlots < 1) {
            throw new IllegalArgumentException("historySlots must be >= 1, got " + historySlots);
        }
        if (targetMTR <= 0 || targetMTR >= Rate.ONE) {
            throw new IllegalArgumentException("targetMTR must lie strictly within (0, 1), got " + targetMTR);
        }
        this.slots = historySlots;
        this.makerFee = makerFee;
        this.takerFee = takerFee;
        this.maxMakerRate = maxMakerRate;
        this.maxTakerRate = maxTakerRate;
        this.target = targetMTR;
        this.shapeBelow = shapeBelow;
        this.shapeAbove = shapeAbove;
        this.books = new Window[bookCount];
        for (int b = 0; b < bookCount; b++) {
            books[b] = new Window(historySlots, targetMTR, makerFee, takerFee);
        }
    }

    @Override
    public long makerRate(int agentId, int bookId) {
        return books[bookId].makerRate;
    }

    @Override
    public long takerRate(int agentId, int bookId) {
        return books[bookId].takerRate;
    }

    @Override
    public void recordTrade(int bookId, long timestamp, int makerAgentId, int takerAgentId, long quoteVolume) {
        if (makerAgentId < 0 && takerAgentId < 0) {
            return;
        }
        Window window = books[bookId];
        if (window.buckets == 0 || timestamp != window.lastTimestamp) {
            if (window.buckets > 0) {
                reprice(window);
            }
            window.open(timestamp);
        }
        if (makerAgentId >= 0) {
            window.addPassive(quoteVolume);
        }
        if (takerAgentId >= 0) {
            window.addAggressive(quoteVolume);
        }
    }

    @Override
    public void onStep(long timestamp) {
        // rates move with trades, not with steps
    }

    @Override
    public void reset(int agentId) {
        // no per-agent state
    }

    @Override
    public long volume(int agentId, int bookId) {
        return 0;
    }

    @Override
    public long makerTakerRatio(int bookId) {
        return books[bookId].ratio;
    }

    /** The adjustment {@code d(x)} for a ratio at {@code Rate.SCALE}. */
    /** Saves every book's window: buckets, totals, the last trade time, the ratio and the current rates. */
    @Override
    public void writeState(StateWriter out) {
        out.writeInt(books.length);
        for (Window window : books) {
            out.writeLongs(window.passive);
            out.writeLongs(window.aggressive);
            out.writeInt(window.head);
            out.writeInt(window.buckets);
            out.writeLong(window.passiveTotal);
            out.writeLong(window.aggressiveTotal);
            out.writeLong(window.lastTimestamp);
            out.writeLong(window.ratio);
            out.writeLong(window.makerRate);
            out.writeLong(window.takerRate);
        }
    }

    @Override
    public void readState(StateReader in) {
        int count = in.readInt();
        in.check(count == books.length, "dynamic fee policy: saved %d books, this exchange has %d", count,
                books.length);
        for (Window window : books) {
            System.arraycopy(in.readLongs("dynamic fee policy passive buckets", slots), 0, window.passive, 0, slots);
            System.arraycopy(in.readLongs("dynamic fee policy aggressive buckets", slots), 0, window.aggressive, 0,
                    slots);
            window.head = in.readInt();
            window.buckets = in.readInt();
            window.passiveTotal = in.readLong();
            window.aggressiveTotal = in.readLong();
            window.lastTimestamp = in.readLong();
            window.ratio = in.readLong();
            window.makerRate = in.readLong();
            window.takerRate = in.readLong();
        }
    }

    long adjustment(long x) {
        long distance = target - x;
        if (x == 0 || Math.abs(distance) < DEAD_BAND) {
            return 0;
        }
        if (distance > 0) {
            double ratio = (double) distance / target;
            return -Math.round(Math.rint(maxMakerRate * Math.pow(ratio, shapeBelow)));
        }
        double ratio = (double) -distance / (Rate.ONE - target);
        return Math.round(Math.rint(maxTakerRate * Math.pow(ratio, shapeAbove)));
    }

    /**
     * {@code part / whole} truncated to {@code Rate.SCALE}, exactly, for {@code 0 <= part <= whole}: a double
     * estimate corrected by 128-bit comparisons of {@code x·whole} with {@code part·10^8} (one division, no loop
     * over digits).
     */
    static long ratio(long part, long whole) {
        long x = (long) ((double) part / whole * Rate.ONE);
        while (x > 0 && exceeds(x, whole, part)) {
            x--;
        }
        while (!exceeds(x + 1, whole, part)) {
            x++;
        }
        return x;
    }

    /** Whether {@code x·whole > part·10^8}, all operands non-negative, compared on 128 bits. */
    private static boolean exceeds(long x, long whole, long part) {
        long high = Math.multiplyHigh(x, whole);
        long limit = Math.multiplyHigh(part, Rate.ONE);
        return high != limit ? high > limit : Long.compareUnsigned(x * whole, part * Rate.ONE) > 0;
    }

    /** Recomputes a book's rates from its window as it stands (called before a new bucket opens). */
    private void reprice(Window window) {
        long total = window.passiveTotal + window.aggressiveTotal;
        long x;
        if (window.buckets < slots || total == 0) {
            x = target;
        } else {
            x = ratio(window.passiveTotal, total);
        }
        long d = adjustment(x);
        window.ratio = x;
        window.makerRate = makerFee + d;
        window.takerRate = takerFee - d;
    }

    /** One book's ring of (passive, aggressive) buckets. */
    private static final class Window {

        final long[] passive;
        final long[] aggressive;
        int head = -1;
        int buckets;
        long passiveTotal;
        long aggressiveTotal;
        long lastTimestamp;
        long ratio;
        long makerRate;
        long takerRate;

        Window(int slots, long target, long makerFee, long takerFee) {
            passive = new long[slots];
            aggressive = new long[slots];
            ratio = target;
            makerRate = makerFee;
            takerRate = takerFee;
        }

        void open(long timestamp) {
            head = (head + 1) % passive.length;
            passiveTotal -= passive[head];
            aggressiveTotal -= aggressive[head];
            passive[head] = 0;
            aggressive[head] = 0;
            if (buckets < passive.length) {
                buckets++;
            }
            lastTimestamp = timestamp;
        }

        void addPassive(long volume) {
            passive[head] += volume;
            passiveTotal += volume;
        }

        void addAggressive(long volume) {
            aggressive[head] += volume;
            aggressiveTotal += volume;
        }
    }
}
