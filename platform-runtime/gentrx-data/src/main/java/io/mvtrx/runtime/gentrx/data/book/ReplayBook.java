package io.mvtrx.runtime.gentrx.data.book;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The matching engine the ingest replays ticks through (the reference's MarS-derived engine, continuous auction
 * only): price-time priority over anonymous resting quantities. A buy at price p consumes asks priced at or below p,
 * best level first, each level's queue front first; what is left rests as a bid (sells mirror this). A cancel takes
 * a volume off the front of the queue at one exact price level of one side (orders are anonymous here, so not by
 * id), and is a no-op when the level is absent. Empty levels are removed.
 *
 * <p>Why not the platform's exchange engine: that engine is account- and risk-driven (balances, reservations,
 * order ids, fees); this replay needs anonymous levels rebuilt from an L2 snapshot every tick and cancels by level
 * front, which the exchange does not model. Prices are integer ticks, volumes integer units.
 *
 * <p>Not thread-safe: one ingest thread owns a book.
 */
public final class ReplayBook {

    /** Levels per side in a snapshot. */
    public static final int DEPTH = 10;

    private final TreeMap<Long, ArrayDeque<long[]>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, ArrayDeque<long[]>> asks = new TreeMap<>();

    /** Empties both sides. */
    public void reset() {
        bids.clear();
        asks.clear();
    }

    /**
     * Submits a limit order: matches against the other side, rests the remainder.
     *
     * @param buy    side
     * @param price  limit price, ticks
     * @param volume units; nothing happens for 0 or less
     * @return the volume matched
     */
    public long submit(boolean buy, long price, long volume) {
        if (volume <= 0) {
            return 0;
        }
        TreeMap<Long, ArrayDeque<long[]>> opposite = buy ? asks : bids;
        long left = volume;
        Iterator<Map.Entry<Long, ArrayDeque<long[]>>> levels = opposite.entrySet().iterator();
        while (left > 0 && levels.hasNext()) {
            Map.Entry<Long, ArrayDeque<long[]>> level = levels.next();
            long levelPrice = level.getKey();
            if (buy ? levelPrice > price : levelPrice < price) {
                break;
            }
            left = take(level.getValue(), left);
            if (level.getValue().isEmpty()) {
                levels.remove();
            }
        }
        if (left > 0) {
            (buy ? bids : asks).computeIfAbsent(price, p -> new ArrayDeque<>()).addLast(new long[] {left});
        }
        return volume - left;
    }

    /**
     * Cancels {@code volume} from the front of the queue at {@code price} on one side.
     *
     * @return the volume removed (less than asked when the level holds less; 0 when it is absent)
     */
    public long cancel(boolean buy, long price, long volume) {
        TreeMap<Long, ArrayDeque<long[]>> side = buy ? bids : asks;
        ArrayDeque<long[]> queue = side.get(price);
        if (queue == null || volume <= 0) {
            return 0;
        }
        long left = take(queue, volume);
        if (queue.isEmpty()) {
            side.remove(price);
        }
        return volume - left;
    }

    /** Takes up to {@code volume} from the queue's front; returns what could not be taken. */
    private static long take(ArrayDeque<long[]> queue, long volume) {
        long left = volume;
        while (left > 0 && !queue.isEmpty()) {
            long[] front = queue.peekFirst();
            long used = Math.min(front[0], left);
            front[0] -= used;
            left -= used;
            if (front[0] == 0) {
                queue.pollFirst();
            }
        }
        return left;
    }

    /** Best bid in ticks, or 0 when there is none. */
    public long bestBid() {
        return bids.isEmpty() ? 0 : bids.firstKey();
    }

    /** Best ask in ticks, or 0 when there is none. */
    public long bestAsk() {
        return asks.isEmpty() ? 0 : asks.firstKey();
    }

    /** {@code (bestBid + bestAsk) / 2} floored; the only side's best; 0 when empty. */
    public long mid() {
        if (!bids.isEmpty() && !asks.isEmpty()) {
            return Math.floorDiv(bids.firstKey() + asks.firstKey(), 2);
        }
        return bids.isEmpty() ? bestAsk() : bestBid();
    }

    /**
     * Writes the aggregated volumes of the best {@link #DEPTH} levels per side into {@code askVolumes} and
     * {@code bidVolumes} (length {@link #DEPTH}, zero-padded) and returns the mid.
     */
    public long top(long[] askVolumes, long[] bidVolumes) {
        fill(asks, askVolumes, null);
        fill(bids, bidVolumes, null);
        return mid();
    }

    /** The top {@link #DEPTH} levels with prices. */
    public BookSnapshot snapshot() {
        int na = Math.min(DEPTH, asks.size());
        int nb = Math.min(DEPTH, bids.size());
        long[] ap = new long[na];
        long[] av = new long[na];
        long[] bp = new long[nb];
        long[] bv = new long[nb];
        fill(asks, av, ap);
        fill(bids, bv, bp);
        return new BookSnapshot(mid(), ap, av, bp, bv);
    }

    private static void fill(TreeMap<Long, ArrayDeque<long[]>> side, long[] volumes, long[] prices) {
        Arrays.fill(volumes, 0);
        int i = 0;
        for (Map.Entry<Long, ArrayDeque<long[]>> level : side.entrySet()) {
            if (i == volumes.length) {
                break;
            }
            long sum = 0;
            for (long[] order : level.getValue()) {
                sum += order[0];
            }
            volumes[i] = sum;
            if (prices != null) {
                prices[i] = level.getKey();
            }
            i++;
        }
    }
}
