package io.mvtrx.api.notice;

import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;

/**
 * An order passed validation and got an id (it may already have traded).
 *
 * @param timestamp     ns
 * @param bookId        book
 * @param orderId       exchange id
 * @param clientOrderId the agent's id or {@code Order.NO_CLIENT_ID}
 * @param type          limit or market
 * @param side          direction
 * @param price         limit price (0 for market)
 * @param volume        accepted volume, volume decimals
 * @param leverage      volume decimals
 */
public record OrderAccepted(
        long timestamp,
        int bookId,
        long orderId,
        long clientOrderId,
        OrderType type,
        Side side,
        long price,
        long volume,
        long leverage) implements Notice {
}
