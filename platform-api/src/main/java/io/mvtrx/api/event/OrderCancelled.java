package io.mvtrx.api.event;

/**
 * Volume removed from an order without trading.
 *
 * @param bookId    book
 * @param timestamp ns
 * @param orderId   order
 * @param agentId   owner
 * @param price     the order's price (0 for a market order)
 * @param volume    volume removed, not leveraged
 * @param remaining volume still resting after this cancel (0 when the order is gone)
 * @param reason    why
 */
public record OrderCancelled(
        int bookId,
        long timestamp,
        long orderId,
        int agentId,
        long price,
        long volume,
        long remaining,
        CancelReason reason) implements BookEvent {
}
