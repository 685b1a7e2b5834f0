package io.mvtrx.runtime.exchange;

import java.util.ServiceLoader;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;

/**
 * Our whole {@link Exchange} as an {@link OrderMixStream.Venue}: one {@code PriceTime} book at the production
 * decimals (P 2, V 4, B 4, Q 10), {@value OrderMixStream#ACCOUNTS} accounts funded with 1,000,000 base and
 * 10,000,000 quote each, fees by the named policy, every order STP CO (or the mode given), the clock advancing 1 µs
 * per operation.
 * A lot is one base unit ({@code 10_000} at V 4). It counts trades, placements, cancels and rejects, and reports
 * resting orders to the stream.
 *
 * <p>Thread-confined, like the exchange.
 */
public final class ExchangeVenue implements OrderMixStream.Venue {

    /** One lot (one base unit) at the volume decimals. */
    public static final long LOT = 10_000;

    private final Exchange exchange;
    private final Tracker tracker;
    private final StpMode stp;
    private long now;

    /**
     * An exchange with fees by {@code fees} ({@code tiered}: the reference's production tiers; {@code dynamic}:
     * simulator-054.md §4.11 production values) that reports resting orders to {@code stream}.
     */
    public ExchangeVenue(String fees, OrderMixStream stream) {
        this(fees, StpMode.CO, stream);
    }

    /** As {@link #ExchangeVenue(String, OrderMixStream)}, every order with self-trade prevention {@code stp}. */
    public ExchangeVenue(String fees, StpMode stp, OrderMixStream stream) {
        this.stp = stp;
        BookDecimals decimals = BookDecimals.REFERENCE;
        ExchangeSpec spec = ExchangeSpec.simple(1, decimals).withExpectedOrders(4 * OrderMixStream.TARGET_ORDERS);
        MatchingRule rule = provider(MatchingRuleProvider.class, "PriceTime").create(Settings.empty("Books"));
        FeePolicy policy = provider(FeePolicyProvider.class, fees).create(feeSettings(fees),
                new FeeContext(1, decimals));
        tracker = new Tracker(stream);
        exchange = new Exchange(spec, rule, policy, tracker);
        for (int agent = 0; agent < OrderMixStream.ACCOUNTS; agent++) {
            exchange.deposit(agent, 0, 1_000_000L * LOT, 100_000_000L * decimals.quote().unit() / 10);
        }
    }

    /** The exchange under test. */
    public Exchange exchange() {
        return exchange;
    }

    /** Trades so far (one per maker fill). */
    public long trades() {
        return tracker.trades;
    }

    /** Orders whose remainder rested so far. */
    public long placed() {
        return tracker.placed;
    }

    /** Orders cancelled so far, by the agent or for being unfilled (IOC, FOK, market remainders). */
    public long cancelled() {
        return tracker.cancelled;
    }

    /** Rejected orders and cancels so far. */
    public long rejects() {
        long sum = 0;
        for (long count : tracker.rejects) {
            sum += count;
        }
        return sum;
    }

    @Override
    public void advanceClock() {
        now += 1_000;
        exchange.advanceTo(now);
    }

    @Override
    public long bestBid() {
        return exchange.bestBid(0);
    }

    @Override
    public long bestAsk() {
        return exchange.bestAsk(0);
    }

    @Override
    public int restingOrders() {
        return exchange.orderCount(0);
    }

    @Override
    public long limit(int agent, boolean buy, long price, long lots) {
        return exchange.placeLimit(agent, 0, buy ? Side.BUY : Side.SELL, price, lots * LOT, TimeInForce.GTC,
                stp);
    }

    @Override
    public long immediateOrCancel(int agent, boolean buy, long price, long lots) {
        return exchange.placeLimit(agent, 0, buy ? Side.BUY : Side.SELL, price, lots * LOT, TimeInForce.IOC,
                stp);
    }

    @Override
    public long market(int agent, boolean buy, long lots) {
        return exchange.placeMarket(agent, 0, buy ? Side.BUY : Side.SELL, lots * LOT, stp);
    }

    @Override
    public long fillOrKill(int agent, boolean buy, long price, long lots) {
        return exchange.placeLimit(agent, 0, buy ? Side.BUY : Side.SELL, price, lots * LOT, TimeInForce.FOK,
                stp);
    }

    @Override
    public long postOnly(int agent, boolean buy, long price, long lots) {
        return exchange.placeLimit(agent, 0, buy ? Side.BUY : Side.SELL, price, lots * LOT, Currency.BASE, 0,
                TimeInForce.GTC, 0, true, stp, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
    }

    @Override
    public long cancel(int owner, long orderId) {
        return exchange.cancel(owner, 0, orderId, CancelOrders.Cancellation.ALL);
    }

    private static <P extends PluginProvider> P provider(Class<P> type, String name) {
        for (P provider : ServiceLoader.load(type)) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalStateException(String.format(
                "no %s named '%s' on the class path; build with the plugin modules", type.getSimpleName(), name));
    }

    private static Settings feeSettings(String name) {
        return switch (name) {
            case "tiered" -> Settings.builder("FeePolicy").attribute("historySlots", "24")
                    .attribute("slotPeriod", "3600000000000")
                    .child(tier("0", "0.005", "0.005")).child(tier("200000", "0.0025", "0.003"))
                    .child(tier("400000", "0.00125", "0.0018")).child(tier("800000", "0.00063", "0.00108"))
                    .child(tier("1600000", "0.00031", "0.00064")).child(tier("3200000", "0.00016", "0.00038"))
                    .build();
            case "dynamic" -> Settings.builder("FeePolicy").attribute("historySlots", "300")
                    .attribute("makerFee", "0.000").attribute("takerFee", "0.00023")
                    .attribute("maxMakerRate", "0.015").attribute("maxTakerRate", "0.015")
                    .attribute("targetMTR", "0.4").attribute("shapeMakerFee", "2").attribute("shapeMakerRebate", "2")
                    .build();
            default -> throw new IllegalArgumentException(String.format(
                    "unknown fee policy '%s'; expected tiered or dynamic", name));
        };
    }

    private static Settings.Builder tier(String volume, String maker, String taker) {
        return Settings.builder("Tier").attribute("volumeRequired", volume).attribute("makerFee", maker)
                .attribute("takerFee", taker);
    }

    /** Remembers orders that rest, so cancels aim at live orders; counts outcomes for the workload's description. */
    private static final class Tracker implements ExchangeListener {

        final OrderMixStream stream;
        final long[] rejects = new long[64];
        long trades;
        long placed;
        long cancelled;

        Tracker(OrderMixStream stream) {
            this.stream = stream;
        }

        @Override
        public void onPlaced(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                             OrderType type, Side side, long price, long volume, long leverage,
                             StpMode stp) {
            placed++;
            stream.remember(orderId, agentId);
        }

        @Override
        public void onRejected(long timestamp, int bookId, int agentId, long clientOrderId,
                               OrderType type, Side side, RejectReason reason) {
            rejects[reason.ordinal()]++;
        }

        @Override
        public void onCancelRejected(long timestamp, int bookId, int agentId, long orderId,
                                     RejectReason reason) {
            rejects[reason.ordinal()]++;
        }

        @Override
        public void onTrade(long timestamp, int bookId, long tradeId, Side takerSide, long takerOrderId,
                            long makerOrderId, int takerAgentId, int makerAgentId, long price, long volume,
                            long takerFee, long makerFee) {
            trades++;
        }

        @Override
        public void onCancelled(long timestamp, int bookId, long orderId, int agentId, long price, long volume,
                                long remaining, CancelReason reason) {
            cancelled++;
        }
    }
}
