package io.mvtrx.api.spi.matching;

/**
 * Receives what one {@link OrderBook#match} call does, in order. The engine owns one sink and reuses it; the book
 * calls it inside its loop, so implementations must not throw for business outcomes and should not allocate.
 */
public interface MatchSink {

    /**
     * A fill against a resting order at the resting order's price.
     *
     * @param makerOrderId   resting order
     * @param makerAgentId   its owner
     * @param makerHandle    the handle it was rested with ({@link OrderBook#rest})
     * @param price          fill price, price decimals
     * @param quantity       traded quantity, volume decimals
     * @param makerRemaining the resting order's quantity after the fill (0: it left the book)
     */
    void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity, long makerRemaining);

    /**
     * Self-trade prevention removed quantity from a resting order of the incoming order's agent.
     *
     * @param makerOrderId   resting order
     * @param makerHandle    the handle it was rested with ({@link OrderBook#rest})
     * @param price          its price
     * @param quantity       quantity removed
     * @param makerRemaining quantity left resting (0: it left the book)
     */
    void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity, long makerRemaining);
}
