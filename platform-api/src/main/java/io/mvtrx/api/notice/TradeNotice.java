package io.mvtrx.api.notice;

import io.mvtrx.api.event.Trade;

/**
 * One of the agent's orders traded.
 *
 * @param trade         the trade
 * @param clientOrderId the client id of the agent's order in this trade, or {@code Order.NO_CLIENT_ID}
 * @param asMaker       whether the agent's order was the resting one
 */
public record TradeNotice(Trade trade, long clientOrderId, boolean asMaker) implements Notice {

    @Override
    public long timestamp() {
        return trade.timestamp();
    }
}
