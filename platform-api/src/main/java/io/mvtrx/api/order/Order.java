package io.mvtrx.api.order;

/**
 * A resting order as an agent or a log sees it.
 *
 * @param orderId       per-book id, assigned by the exchange when the order is accepted
 * @param bookId        book
 * @param agentId       owner (remote agents 0..n-1, background agents negative)
 * @param clientOrderId the owner's own id, or {@link #NO_CLIENT_ID}
 * @param side          direction
 * @param price         limit price at the book's price decimals
 * @param volume        remaining volume at the book's volume decimals, not leveraged
 * @param leverage      leverage at the book's volume decimals (0 = none); the order trades volume·(1+leverage)
 * @param timestamp     arrival time, ns
 * @param timeInForce   time in force
 * @param expiry        absolute expiry time for GTT, ns; 0 otherwise
 * @param stp           self-trade prevention mode
 */
public record Order(
        long orderId,
        int bookId,
        int agentId,
        long clientOrderId,
        Side side,
        long price,
        long volume,
        long leverage,
        long timestamp,
        TimeInForce timeInForce,
        long expiry,
        StpMode stp) {

    /** Marks an order without a client id. */
    public static final long NO_CLIENT_ID = -1;
}
