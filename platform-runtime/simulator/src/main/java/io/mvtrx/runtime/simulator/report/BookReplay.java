package io.mvtrx.runtime.simulator.report;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.Side;

/**
 * One book rebuilt from its L3 events: the resting orders and their price levels, hence the best bid and ask and
 * the volume of each level, and for each side how long it was empty (from the run's start: a book starts empty).
 *
 * <p>Quantities are the book's traded (leveraged) quantities in lots. An {@link OrderPlaced} gives the order's own
 * volume {@code v} and its leverage {@code L}; it rests {@code q ≥ v + ⌊v·L⌋} (the exchange rounds the own volume
 * down), so the quantity kept here is {@code v + ⌊v·L⌋}, never more than the book's. A trade takes its volume off
 * the maker; a maker whose kept quantity reaches 0 leaves the book (a leveraged one possibly a few lots early, never
 * late, so a filled order can never linger as a phantom best price); a cancel with nothing remaining removes the
 * order, a partial one leaves {@code r + ⌊r·L⌋} of the remaining own volume {@code r}. Events of unknown orders are
 * ignored.
 *
 * <p>Not thread-safe. Cost per event: O(log levels).
 */
final class BookReplay {

    private static final int BID = 0;
    private static final int ASK = 1;

    private final long volumeUnit;
    private final Map<Long, Resting> orders = new HashMap<>();
    private final TreeMap<Long, Level> bids = new TreeMap<>();
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private final long[] emptySince = new long[2];
    private final long[] longestEmpty = new long[2];
    private final long[] totalEmpty = new long[2];
    private long time;

    /**
     * @param volumeUnit {@code 10^volumeDecimals}: the leverage's scale
     * @param start      the run's start, ns: both sides are empty from it
     */
    BookReplay(long volumeUnit, long start) {
        this.volumeUnit = volumeUnit;
        this.time = start;
        emptySince[BID] = start;
        emptySince[ASK] = start;
    }

    /** A resting order (mutable: fills and partial cancels shrink it). */
    private static final class Resting {
        final int side;
        final long price;
        final long leverage;
        long quantity;

        Resting(int side, long price, long leverage, long quantity) {
            this.side = side;
            this.price = price;
            this.leverage = leverage;
            this.quantity = quantity;
        }
    }

    /** A price level. */
    private static final class Level {
        long quantity;
        int orders;
    }

    /** The time of the last event applied, ns (never goes back). */
    long time() {
        return time;
    }

    void placed(OrderPlaced event) {
        if (event.price() <= 0 || event.volume() <= 0) {
            return;
        }
        advance(event.timestamp());
        int side = event.side() == Side.BUY ? BID : ASK;
        Resting order = new Resting(side, event.price(), event.leverage(), leveraged(event.volume(),
                event.leverage()));
        Resting previous = orders.put(event.orderId(), order);
        if (previous != null) {
            remove(previous);
        }
        boolean wasEmpty = isEmpty(side);
        Level level = levels(side).computeIfAbsent(order.price, p -> new Level());
        level.quantity += order.quantity;
        level.orders++;
        if (wasEmpty) {
            filled(side);
        }
    }

    void traded(Trade trade) {
        advance(trade.timestamp());
        Resting maker = orders.get(trade.makerOrderId());
        if (maker == null) {
            return;
        }
        long taken = Math.min(trade.volume(), maker.quantity);
        maker.quantity -= taken;
        level(maker).quantity -= taken;
        if (maker.quantity <= 0) {
            orders.remove(trade.makerOrderId());
            remove(maker);
        }
    }

    void cancelled(OrderCancelled event) {
        advance(event.timestamp());
        Resting order = orders.get(event.orderId());
        if (order == null) {
            return;
        }
        if (event.remaining() <= 0) {
            orders.remove(event.orderId());
            remove(order);
            return;
        }
        long left = Math.min(order.quantity, leveraged(event.remaining(), order.leverage));
        level(order).quantity -= order.quantity - left;
        order.quantity = left;
    }

    /** Closes the empty spells still open at {@code end}. */
    void finish(long end) {
        advance(end);
        for (int side = BID; side <= ASK; side++) {
            if (isEmpty(side)) {
                close(side, time);
                emptySince[side] = time;
            }
        }
    }

    /** Best bid, price ticks; 0 when no bid rests. */
    long bestBid() {
        return bids.isEmpty() ? 0 : bids.lastKey();
    }

    /** Best ask, price ticks; 0 when no ask rests. */
    long bestAsk() {
        return asks.isEmpty() ? 0 : asks.firstKey();
    }

    /** Resting orders. */
    int restingOrders() {
        return orders.size();
    }

    /**
     * Adds the quantity of the k-th best level, {@code k = 1..bid.length}, of each side to {@code bid[k−1]} and
     * {@code ask[k−1]} (lots); missing levels add nothing.
     */
    void addDepth(double[] bid, double[] ask) {
        addLevels(bids.descendingMap().values().iterator(), bid);
        addLevels(asks.values().iterator(), ask);
    }

    private static void addLevels(Iterator<Level> levels, double[] into) {
        for (int k = 0; k < into.length && levels.hasNext(); k++) {
            into[k] += levels.next().quantity;
        }
    }

    /** The longest spell without a bid, ns (closed spells, and the open one up to the last event or finish). */
    long longestEmptyBid() {
        return Math.max(longestEmpty[BID], isEmpty(BID) ? time - emptySince[BID] : 0);
    }

    /** The longest spell without an ask, ns. */
    long longestEmptyAsk() {
        return Math.max(longestEmpty[ASK], isEmpty(ASK) ? time - emptySince[ASK] : 0);
    }

    /** Total time without a bid, ns. */
    long totalEmptyBid() {
        return totalEmpty[BID] + (isEmpty(BID) ? time - emptySince[BID] : 0);
    }

    /** Total time without an ask, ns. */
    long totalEmptyAsk() {
        return totalEmpty[ASK] + (isEmpty(ASK) ? time - emptySince[ASK] : 0);
    }

    private void advance(long timestamp) {
        time = Math.max(time, timestamp);
    }

    private long leveraged(long volume, long leverage) {
        return leverage == 0 ? volume : volume + Math.multiplyExact(volume, leverage) / volumeUnit;
    }

    private TreeMap<Long, Level> levels(int side) {
        return side == BID ? bids : asks;
    }

    private Level level(Resting order) {
        return levels(order.side).get(order.price);
    }

    private boolean isEmpty(int side) {
        return levels(side).isEmpty();
    }

    private void remove(Resting order) {
        TreeMap<Long, Level> side = levels(order.side);
        Level level = side.get(order.price);
        level.quantity -= order.quantity;
        if (--level.orders == 0) {
            side.remove(order.price);
            if (side.isEmpty()) {
                emptySince[order.side] = time;
            }
        }
    }

    private void filled(int side) {
        close(side, time);
    }

    private void close(int side, long end) {
        long spell = end - emptySince[side];
        longestEmpty[side] = Math.max(longestEmpty[side], spell);
        totalEmpty[side] += spell;
    }
}
