package io.mvtrx.api.notice;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;

/**
 * An order was refused; nothing changed.
 *
 * @param timestamp     ns
 * @param bookId        book
 * @param clientOrderId the agent's id or {@code Order.NO_CLIENT_ID}
 * @param type          limit or market
 * @param side          direction
 * @param reason        why
 */
public record OrderRejected(
        long timestamp,
        int bookId,
        long clientOrderId,
        OrderType type,
        Side side,
        RejectReason reason) implements Notice {
}
