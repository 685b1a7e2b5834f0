package io.mvtrx.runtime.exchange.state;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

/**
 * The one placement the engine is working on: a pooled, mutable command that every stage reads and fills in
 * (exchange-core's {@code OrderCommand}). The entry methods of the exchange copy their arguments into it, so no
 * object is made per order. Internal to the engine; never escapes a call.
 */
public final class OrderCommand {

    /** Limit order. */
    public static final int LIMIT = 0;

    /** Market order. */
    public static final int MARKET = 1;

    /** Size given in base. */
    public static final int BASE = 0;

    /** Size given as a quote notional. */
    public static final int QUOTE = 1;

    // ---- what was asked
    public int agentId;
    public int bookId;
    public int type;
    public Side side;
    public long price;
    public long volume;
    public int currency;
    public long leverage;
    public TimeInForce timeInForce;
    public long expiry;
    public boolean postOnly;
    public StpMode stp;
    public long clientOrderId;
    public long settleFlag;
    public long maxSlippage;
    public long stopLoss;
    public long takeProfit;

    // ---- what the stages worked out
    /** The agent's account on the book. */
    public int account;
    /** Traded (leveraged) quantity at the volume decimals. */
    public long quantity;
    /** Price bound for matching: the limit, a market order's slippage bound, or 0 (none). */
    public long matchLimit;
    /** Price used to value the other currency for leveraged orders (limit price or best opposite). */
    public long referencePrice;
    /** Reservation legs, base and quote decimals. */
    public long reserveBase;
    public long reserveQuote;

    // ---- while matching
    public long orderId;
    public int slot;

    /** Whether the order buys. */
    public boolean buys() {
        return side == Side.BUY;
    }

    /** Clears the worked-out fields before a new placement. */
    public void reset() {
        account = -1;
        quantity = 0;
        matchLimit = 0;
        referencePrice = 0;
        reserveBase = 0;
        reserveQuote = 0;
        orderId = -1;
        slot = -1;
    }
}
