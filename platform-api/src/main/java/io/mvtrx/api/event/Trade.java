package io.mvtrx.api.event;

import io.mvtrx.api.order.Side;

/**
 * A fill between an incoming (taker) and a resting (maker) order, at the maker's price.
 *
 * @param bookId        book
 * @param timestamp     ns
 * @param tradeId       per-book trade counter
 * @param takerSide     direction of the incoming order
 * @param takerOrderId  incoming order
 * @param makerOrderId  resting order
 * @param takerAgentId  incoming order's agent
 * @param makerAgentId  resting order's agent
 * @param price         at the price decimals
 * @param volume        traded (leveraged) volume at the volume decimals
 * @param takerFee      fee the taker paid at the quote decimals; negative for a rebate
 * @param makerFee      fee the maker paid at the quote decimals; negative for a rebate
 */
public record Trade(
        int bookId,
        long timestamp,
        long tradeId,
        Side takerSide,
        long takerOrderId,
        long makerOrderId,
        int takerAgentId,
        int makerAgentId,
        long price,
        long volume,
        long takerFee,
        long makerFee) implements BookEvent {
}
