package io.mvtrx.api.event;

import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * An order (or its remainder after matching) now rests in the book. Emitted after the order's trades and only when
 * volume remains; the volume is the remainder at that moment (the reference's live reference is not copied).
 *
 * @param bookId        book
 * @param timestamp     ns
 * @param orderId       exchange order id
 * @param agentId       owner
 * @param clientOrderId owner's id or {@code Order.NO_CLIENT_ID}
 * @param type          limit or market
 * @param side          direction
 * @param price         resting price (0 for a market remainder)
 * @param volume        resting volume, not leveraged
 * @param leverage      leverage at the volume decimals
 * @param stp           self-trade prevention mode
 */
public record OrderPlaced(
        int bookId,
        long timestamp,
        long orderId,
        int agentId,
        long clientOrderId,
        OrderType type,
        Side side,
        long price,
        long volume,
        long leverage,
        StpMode stp) implements BookEvent {
}
