package io.mvtrx.api.spi.matching;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * One book of resting limit orders under a matching rule. Quantities are traded (leveraged) quantities at the
 * book's volume decimals; prices are at the price decimals. The book knows nothing of balances or fees: the
 * exchange validates, reserves and settles around it, reacting to the {@link MatchSink} as fills happen.
 *
 * <p>Not thread-safe: one writer per book (the task that owns the book's block).
 */
public interface OrderBook {

    /** Price meaning "no price": an empty side, or no limit. */
    long NO_PRICE = 0;

    /** The book's id. */
    int bookId();

    /** Best (highest) bid price, or {@link #NO_PRICE}. */
    long bestBid();

    /** Best (lowest) ask price, or {@link #NO_PRICE}. */
    long bestAsk();

    /**
     * Matches an incoming order against the opposite side.
     *
     * @param takerOrderId incoming order id
     * @param takerAgentId its agent (for self-trade prevention)
     * @param side         its direction
     * @param limitPrice   worst acceptable price, or {@link #NO_PRICE} for a market order
     * @param quantity     quantity to fill
     * @param stp          self-trade prevention mode
     * @param sink         receives fills and self-trade cancels, in order
     * @return the unfilled quantity; {@code 0} also when CN/CB/DC ended the incoming order
     */
    long match(long takerOrderId, int takerAgentId, Side side, long limitPrice, long quantity, StpMode stp,
               MatchSink sink);

    /** Returned by {@link #handle} for an order that is not in the book. */
    int NO_HANDLE = -1;

    /**
     * Rests an order at the back of its price level. The caller has matched it first, so it does not cross.
     *
     * @param handle the caller's own reference to the order, {@code >= 0} (the exchange passes the order's slot in
     *               its order table): the book keeps it with the order and hands it back with each of the order's
     *               fills and self-trade cancels and from {@link #handle}, so that the book's id index is the only
     *               one and the caller reaches its own record of a maker without a look-up
     */
    void rest(long orderId, int agentId, Side side, long price, long quantity, long timestamp, int handle);

    /** Rests an order with handle 0, for callers that keep no records of their own (tests, benchmarks). */
    default void rest(long orderId, int agentId, Side side, long price, long quantity, long timestamp) {
        rest(orderId, agentId, side, price, quantity, timestamp, 0);
    }

    /** The handle a resting order was given by {@link #rest}, or {@link #NO_HANDLE} if it is not in the book. */
    int handle(long orderId);

    /**
     * Removes quantity from a resting order; the order leaves the book when nothing remains.
     *
     * @return quantity actually removed (at most what rests); 0 if the order is not in the book
     */
    long reduce(long orderId, long quantity);

    /** Remaining quantity of a resting order, or -1 if it is not in the book. */
    long quantity(long orderId);

    /**
     * Walks resting orders of {@code side} in matching priority, stopping at prices worse than {@code limitPrice}
     * ({@link #NO_PRICE}: no bound) or when the visitor returns false. Used for IOC/FOK/post-only checks and for
     * reservation amounts; changes nothing.
     */
    void walk(Side side, long limitPrice, RestingOrderVisitor visitor);

    /** Visits up to {@code depth} levels of a side, best first. */
    void levels(Side side, int depth, LevelVisitor visitor);

    /** Visits the orders of the level at {@code price} on {@code side} in queue order. */
    void levelOrders(Side side, long price, RestingOrderVisitor visitor);

    /** Number of resting orders. */
    int orderCount();

    /** A fingerprint of the book's full state (levels, queue order, quantities), equal for equal books. */
    long stateHash();
}
