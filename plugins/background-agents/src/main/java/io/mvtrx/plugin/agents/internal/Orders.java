package io.mvtrx.plugin.agents.internal;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

/**
 * The instructions background agents send, with the reference's defaults for a local agent: base currency, STP
 * cancel-oldest, FIFO settlement, no client id, no stop-loss or take-profit, no extra delay.
 *
 * <p>Where the reference sends a {@code CANCEL_ORDERS} some lifetime after the placement reply, the agents here place
 * a GTT order with that lifetime as its expiry period instead: the same cancel, measured from the order's arrival
 * rather than from the reply (a difference of one return latency), without a cancel round trip.
 */
public final class Orders {

    private Orders() {
    }

    /**
     * A limit order.
     *
     * @param lifetime ns until it is cancelled (GTT), or 0 for good-till-cancelled
     */
    public static PlaceLimit limit(int bookId, Side side, long price, long volume, long leverage, long lifetime,
                                   boolean postOnly) {
        return new PlaceLimit(bookId, side, price, volume, Currency.BASE, leverage,
                lifetime > 0 ? TimeInForce.GTT : TimeInForce.GTC, Math.max(0, lifetime), postOnly, StpMode.CO,
                Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0, 0);
    }

    /** A market order in base volume. */
    public static PlaceMarket market(int bookId, Side side, long volume, long leverage) {
        return new PlaceMarket(bookId, side, volume, Currency.BASE, leverage, 0, StpMode.CO, Order.NO_CLIENT_ID,
                SettleFlag.FIFO, 0, 0, 0);
    }
}
