package io.mvtrx.api.spi.trading.support;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

/**
 * Builders for the instruction records, with the reference's defaults (GTC, STP cancel-oldest, no leverage, no
 * loan settlement, no client id, no delay). The reference's client-side checks are errors here, not silently
 * dropped instructions: GTT exists only with an expiry period ({@link LimitBuilder#gtt}), so neither a GTT order
 * without one nor an expiry on another time in force can be built, and a post-only IOC or FOK order is refused by
 * {@link LimitBuilder#build()}. Non-positive prices and volumes are refused at once. Prices and volumes are scaled
 * longs; convert with {@link Units}.
 *
 * {@snippet :
 * PlaceLimit bid = Instructions.limit(bookId, Side.BUY, 29_990, 1_0000).gtt(60_000_000_000L).postOnly().build();
 * PlaceMarket sell = Instructions.market(bookId, Side.SELL, 5_000).maxSlippage(1_000_000).build();
 * CancelOrders stale = Instructions.cancel(bookId, List.of(17L, 18L));
 * }
 */
public final class Instructions {

    private Instructions() {
    }

    /** A limit order of {@code volume} lots at {@code price} ticks. */
    public static LimitBuilder limit(int bookId, Side side, long price, long volume) {
        return new LimitBuilder(bookId, side, price, volume);
    }

    /** A market order of {@code volume} lots (or quote units after {@link MarketBuilder#inQuote()}). */
    public static MarketBuilder market(int bookId, Side side, long volume) {
        return new MarketBuilder(bookId, side, volume);
    }

    /** Cancels the whole remaining volume of each order. */
    public static CancelOrders cancel(int bookId, List<Long> orderIds) {
        List<CancelOrders.Cancellation> cancellations = new ArrayList<>(orderIds.size());
        for (long id : orderIds) {
            cancellations.add(new CancelOrders.Cancellation(id, CancelOrders.Cancellation.ALL));
        }
        return new CancelOrders(bookId, cancellations, 0);
    }

    /** Cancels the whole remaining volume of each open order. */
    public static CancelOrders cancelOrders(int bookId, List<Order> orders) {
        return cancel(bookId, orders.stream().map(Order::orderId).toList());
    }

    /** Cancels {@code volume} lots of one order. */
    public static CancelOrders cancelPart(int bookId, long orderId, long volume) {
        requirePositive("cancel volume", volume);
        return new CancelOrders(bookId, List.of(new CancelOrders.Cancellation(orderId, volume)), 0);
    }

    /** Closes the whole loan of each leveraged order. */
    public static ClosePositions close(int bookId, List<Long> orderIds) {
        List<ClosePositions.PositionClose> closes = new ArrayList<>(orderIds.size());
        for (long id : orderIds) {
            closes.add(new ClosePositions.PositionClose(id, ClosePositions.PositionClose.ALL));
        }
        return new ClosePositions(bookId, closes, 0);
    }

    /** Repays {@code amount} (loan units) of one leveraged order's loan. */
    public static ClosePositions closePart(int bookId, long orderId, long amount) {
        requirePositive("close amount", amount);
        return new ClosePositions(bookId, List.of(new ClosePositions.PositionClose(orderId, amount)), 0);
    }

    private static void requirePositive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
    }

    /** Fields both order kinds share. Not thread-safe; build once. */
    public abstract static sealed class OrderBuilder<B extends OrderBuilder<B>> permits LimitBuilder, MarketBuilder {
        final int bookId;
        final Side side;
        final long volume;
        Currency currency = Currency.BASE;
        long leverage;
        StpMode stp = StpMode.CO;
        long clientOrderId = Order.NO_CLIENT_ID;
        long settleFlag = SettleFlag.NONE;
        long stopLoss;
        long takeProfit;
        long delay;

        OrderBuilder(int bookId, Side side, long volume) {
            if (side == null) {
                throw new IllegalArgumentException("order side is required");
            }
            requirePositive("order volume", volume);
            this.bookId = bookId;
            this.side = side;
            this.volume = volume;
        }

        abstract B self();

        /** Leverage at the volume decimals (1_0000 = 1x extra at 4 decimals); the order trades volume·(1+leverage). */
        public B leverage(long leverage) {
            if (leverage < 0) {
                throw new IllegalArgumentException("leverage must be >= 0, got " + leverage);
            }
            this.leverage = leverage;
            return self();
        }

        /** Self-trade prevention (default {@link StpMode#CO}, cancel oldest). */
        public B stp(StpMode stp) {
            this.stp = stp;
            return self();
        }

        /** The agent's own id for the order, echoed in its notices. */
        public B clientOrderId(long clientOrderId) {
            this.clientOrderId = clientOrderId;
            return self();
        }

        /** How the proceeds repay loans: {@link SettleFlag#NONE} (default), {@link SettleFlag#FIFO} or an order id. */
        public B settle(long settleFlag) {
            if (!SettleFlag.isValid(settleFlag)) {
                throw new IllegalArgumentException("settle flag must be NONE (-2), FIFO (-1) or an order id, got "
                        + settleFlag);
            }
            this.settleFlag = settleFlag;
            return self();
        }

        /** Relative stop-loss offset at {@code Rate.SCALE}. */
        public B stopLoss(long rate) {
            this.stopLoss = rate;
            return self();
        }

        /** Relative take-profit offset at {@code Rate.SCALE}. */
        public B takeProfit(long rate) {
            this.takeProfit = rate;
            return self();
        }

        /** Extra delay before the instruction reaches the exchange, ns. */
        public B delay(long delay) {
            if (delay < 0) {
                throw new IllegalArgumentException("delay must be >= 0 ns, got " + delay);
            }
            this.delay = delay;
            return self();
        }
    }

    /** Builds a {@link PlaceLimit}. */
    public static final class LimitBuilder extends OrderBuilder<LimitBuilder> {
        private final long price;
        private TimeInForce timeInForce = TimeInForce.GTC;
        private long expiryPeriod;
        private boolean postOnly;

        LimitBuilder(int bookId, Side side, long price, long volume) {
            super(bookId, side, volume);
            requirePositive("limit price", price);
            this.price = price;
        }

        @Override
        LimitBuilder self() {
            return this;
        }

        /** Size in quote units (quote decimals) instead of lots. */
        public LimitBuilder inQuote() {
            this.currency = Currency.QUOTE;
            return this;
        }

        /** Good till time: cancelled {@code expiryPeriod} ns after arrival. */
        public LimitBuilder gtt(long expiryPeriod) {
            requirePositive("GTT expiry period", expiryPeriod);
            this.timeInForce = TimeInForce.GTT;
            this.expiryPeriod = expiryPeriod;
            return this;
        }

        /** Time in force other than GTT (use {@link #gtt} for that). */
        public LimitBuilder timeInForce(TimeInForce timeInForce) {
            if (timeInForce == TimeInForce.GTT) {
                throw new IllegalArgumentException("GTT needs an expiry period: use gtt(expiryPeriod)");
            }
            this.timeInForce = timeInForce;
            this.expiryPeriod = 0;
            return this;
        }

        /** Reject instead of taking liquidity. */
        public LimitBuilder postOnly() {
            this.postOnly = true;
            return this;
        }

        /**
         * The instruction.
         *
         * @throws IllegalStateException for a post-only IOC or FOK order
         */
        public PlaceLimit build() {
            if (postOnly && (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)) {
                throw new IllegalStateException("a post-only order cannot be " + timeInForce
                        + ": it would never rest and never take");
            }
            return new PlaceLimit(bookId, side, price, volume, currency, leverage, timeInForce, expiryPeriod,
                    postOnly, stp, clientOrderId, settleFlag, stopLoss, takeProfit, delay);
        }
    }

    /** Builds a {@link PlaceMarket}. */
    public static final class MarketBuilder extends OrderBuilder<MarketBuilder> {
        private long maxSlippage;

        MarketBuilder(int bookId, Side side, long volume) {
            super(bookId, side, volume);
        }

        @Override
        MarketBuilder self() {
            return this;
        }

        /** Size in quote units (quote decimals): spend (buy) or raise (sell) this much quote. */
        public MarketBuilder inQuote() {
            this.currency = Currency.QUOTE;
            return this;
        }

        /** Stop at levels beyond best·(1±s); {@code rate} at {@code Rate.SCALE}, 0 for no bound. */
        public MarketBuilder maxSlippage(long rate) {
            if (rate < 0) {
                throw new IllegalArgumentException("max slippage must be >= 0, got " + rate);
            }
            this.maxSlippage = rate;
            return this;
        }

        /** The instruction. */
        public PlaceMarket build() {
            return new PlaceMarket(bookId, side, volume, currency, leverage, maxSlippage, stp, clientOrderId,
                    settleFlag, stopLoss, takeProfit, delay);
        }
    }
}
