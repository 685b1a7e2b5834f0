package io.mvtrx.runtime.dashboard;

import java.util.List;

/**
 * One book: its depth ladder, prices and recent trades, in decimal units.
 *
 * @param bookId      canonical id
 * @param timestamp   simulation time of the ladder, ns
 * @param bestBid     best bid, NaN when there is none
 * @param bestAsk     best ask, NaN when there is none
 * @param mid         (best bid + best ask) / 2, NaN unless both sides have orders
 * @param spread      best ask - best bid, NaN unless both sides have orders
 * @param fundamental the book's fundamental price as its agents last sampled it, NaN without one
 * @param bids        bid levels, best first; detailed levels carry their orders
 * @param asks        ask levels, best first
 * @param trades      recent trades, newest first
 * @param history     mid and fundamental over time, oldest first (bounded)
 */
public record BookView(int bookId, long timestamp, double bestBid, double bestAsk, double mid, double spread,
                       double fundamental,
                       List<LadderLevel> bids, List<LadderLevel> asks, List<TradeView> trades,
                       List<PricePoint> history) {

    public BookView {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        trades = List.copyOf(trades);
        history = List.copyOf(history);
    }

    /**
     * One price level.
     *
     * @param price  price
     * @param volume resting volume
     * @param orders the level's orders in queue order (detailed levels), empty for broad levels
     */
    public record LadderLevel(double price, double volume, List<RestingOrderView> orders) {

        public LadderLevel {
            orders = List.copyOf(orders);
        }
    }

    /**
     * One resting order of a detailed level.
     *
     * @param orderId order id
     * @param agentId owner
     * @param volume  remaining volume
     */
    public record RestingOrderView(long orderId, int agentId, double volume) {
    }

    /**
     * One trade.
     *
     * @param timestamp  ns
     * @param price      price
     * @param volume     volume
     * @param takerSide  {@code BUY} or {@code SELL}
     */
    public record TradeView(long timestamp, double price, double volume, String takerSide) {
    }

    /**
     * A sample of the book's prices.
     *
     * @param timestamp   ns
     * @param mid         mid price, NaN when one side was empty
     * @param fundamental fundamental price, NaN without one
     */
    public record PricePoint(long timestamp, double mid, double fundamental) {
    }
}
