package io.mvtrx.runtime.exchange.comparison;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.mvtrx.runtime.exchange.OrderMixStream;

import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.orderbook.OrderBookDirectImpl;

/**
 * exchange-core 0.5.3 as an {@link OrderMixStream.Venue}: builds one reused {@link OrderCommand} per operation, as
 * exchange-core's own translators do, hands it to {@link #execute} and reads the resulting event chain (trades,
 * makers completed, reject, reduce) to keep the resting-order count and remember orders that rest.
 *
 * <p>Operation mapping (exchange-core has no self-trade prevention, no post-only and no limit FOK):
 * <ul>
 *   <li>GTC limit → {@code GTC}, reserve price = limit;</li>
 *   <li>IOC limit → {@code IOC} at the same limit; market → {@code IOC} at a far limit ({@value #FAR_BUY} ticks for
 *       a buy, {@value #FAR_SELL} for a sell; the book never reaches either);</li>
 *   <li>FOK at the touch → {@code FOK_BUDGET} with budget {@code lots × touch}: since every other level is worse,
 *       the budget is met exactly when the size fills at the touch, which is what a FOK limit at the touch
 *       does;</li>
 *   <li>post-only → {@code GTC} at the same price: the stream only sends post-only prices behind the touch, so it
 *       rests as a post-only order would;</li>
 *   <li>cancel → {@code CANCEL_ORDER} (exchange-core checks the owner too).</li>
 * </ul>
 * Agents {@code a} are exchange-core users {@code a + 1}. Units mirror ours: a lot is one base unit
 * ({@code baseScaleK} 10<sup>4</sup>: base decimals 4), a tick 0.01 quote per lot ({@code quoteScaleK}
 * 10<sup>8</sup>: quote decimals 10).
 *
 * <p>exchange-core exposes no O(1) best-price query, so {@link #bestBid}/{@link #bestAsk} read the book's private
 * {@code bestBidOrder}/{@code bestAskOrder} references through {@link VarHandle}s (a field load each, the cheapest
 * possible; a real client would track the touch from market data). Resting orders are counted from the events.
 *
 * <p>Thread-confined. exchange-core 0.5.3 builds its events with {@code new MatcherTradeEvent()} (its event pooling
 * is compiled off), so every trade, reject and cancel allocates; that is exchange-core's behaviour, not the
 * harness's.
 */
abstract sealed class ExchangeCoreVenue implements OrderMixStream.Venue
        permits ExchangeCoreBookVenue, ExchangeCoreFullVenue {

    /** The one symbol. */
    static final int SYMBOL = 1;
    /** Base currency id. */
    static final int BASE = 1;
    /** Quote currency id. */
    static final int QUOTE = 2;
    /** Base minor units per lot (base decimals 4: a lot is one base unit). */
    static final long BASE_SCALE = 10_000;
    /** Quote minor units per tick and lot (quote decimals 10, price decimals 2). */
    static final long QUOTE_SCALE = 100_000_000;
    /**
     * Fee per lot, maker and taker, in quote minor units: 0.5 % (tier 0 of our {@code tiered} policy) of one base
     * unit at 300.00 — 1.5 quote. exchange-core charges a fixed amount per lot, we charge a rate of the notional.
     */
    static final long FEE_PER_LOT = 15_000_000_000L;
    /** A market buy's limit (10,000.00). */
    static final long FAR_BUY = 1_000_000;
    /** A market sell's limit (10.00; exchange-core rejects asks priced below the taker fee). */
    static final long FAR_SELL = 1_000;

    private static final VarHandle BEST_ASK;
    private static final VarHandle BEST_BID;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(OrderBookDirectImpl.class,
                    MethodHandles.lookup());
            BEST_ASK = lookup.findVarHandle(OrderBookDirectImpl.class, "bestAskOrder",
                    OrderBookDirectImpl.DirectOrder.class);
            BEST_BID = lookup.findVarHandle(OrderBookDirectImpl.class, "bestBidOrder",
                    OrderBookDirectImpl.DirectOrder.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(String.format(
                    "exchange-core %s no longer has the private best-order fields this harness reads: %s",
                    OrderBookDirectImpl.class.getName(), e));
        }
    }

    /** The symbol: a currency pair with fees. */
    static CoreSymbolSpecification symbol() {
        return CoreSymbolSpecification.builder()
                .symbolId(SYMBOL)
                .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
                .baseCurrency(BASE)
                .quoteCurrency(QUOTE)
                .baseScaleK(BASE_SCALE)
                .quoteScaleK(QUOTE_SCALE)
                .takerFee(FEE_PER_LOT)
                .makerFee(FEE_PER_LOT)
                .build();
    }

    private final OrderMixStream stream;
    private final OrderCommand cmd = new OrderCommand();
    private OrderBookDirectImpl book;
    private int resting;
    private long nextId = 1;
    private long now;
    private long trades;
    private long selfTrades;
    private long placementRejects;
    private long cancelRejects;

    ExchangeCoreVenue(OrderMixStream stream) {
        this.stream = stream;
    }

    /** Sets the book whose best orders are read; called once by the subclass constructor. */
    final void book(OrderBookDirectImpl orderBook) {
        this.book = orderBook;
    }

    /** The book. */
    final OrderBookDirectImpl book() {
        return book;
    }

    /**
     * Runs a filled-in command through the venue; on return {@code resultCode} is {@code SUCCESS} or the
     * rejection, {@code matcherEvent} the event chain.
     */
    abstract void execute(OrderCommand command);

    /** Trades so far (one per maker order touched). */
    final long trades() {
        return trades;
    }

    /** Trades in which the taker met its own resting order (ours prevents these with STP CO). */
    final long selfTrades() {
        return selfTrades;
    }

    /** Placements the venue refused (risk check); FOK kills and IOC remainders are not refusals. */
    final long placementRejects() {
        return placementRejects;
    }

    /** Cancels the venue refused (the remembered order has filled since). */
    final long cancelRejects() {
        return cancelRejects;
    }

    @Override
    public final void advanceClock() {
        now += 1_000;
    }

    @Override
    public final long bestBid() {
        OrderBookDirectImpl.DirectOrder best = (OrderBookDirectImpl.DirectOrder) BEST_BID.get(book);
        return best == null ? 0 : best.price;
    }

    @Override
    public final long bestAsk() {
        OrderBookDirectImpl.DirectOrder best = (OrderBookDirectImpl.DirectOrder) BEST_ASK.get(book);
        return best == null ? 0 : best.price;
    }

    @Override
    public final int restingOrders() {
        return resting;
    }

    @Override
    public final long limit(int agent, boolean buy, long price, long lots) {
        return place(agent, buy, OrderType.GTC, price, price, lots);
    }

    @Override
    public final long immediateOrCancel(int agent, boolean buy, long price, long lots) {
        return place(agent, buy, OrderType.IOC, price, price, lots);
    }

    @Override
    public final long market(int agent, boolean buy, long lots) {
        long price = buy ? FAR_BUY : FAR_SELL;
        return place(agent, buy, OrderType.IOC, price, price, lots);
    }

    @Override
    public final long fillOrKill(int agent, boolean buy, long price, long lots) {
        long budget = lots * price;
        return place(agent, buy, OrderType.FOK_BUDGET, budget, budget, lots);
    }

    @Override
    public final long postOnly(int agent, boolean buy, long price, long lots) {
        return place(agent, buy, OrderType.GTC, price, price, lots);
    }

    @Override
    public final long cancel(int owner, long orderId) {
        OrderCommand c = cmd;
        c.command = OrderCommandType.CANCEL_ORDER;
        c.orderId = orderId;
        c.symbol = SYMBOL;
        c.uid = owner + 1;
        c.timestamp = now;
        execute(c);
        MatcherTradeEvent reduce = c.matcherEvent;
        c.matcherEvent = null;
        if (c.resultCode != CommandResultCode.SUCCESS) {
            cancelRejects++;
            return c.resultCode.getCode();
        }
        resting--;
        return reduce == null ? 0 : reduce.size;
    }

    private long place(int agent, boolean buy, OrderType type, long price, long reserve, long lots) {
        OrderCommand c = cmd;
        long id = nextId++;
        long uid = agent + 1;
        c.command = OrderCommandType.PLACE_ORDER;
        c.orderType = type;
        c.orderId = id;
        c.symbol = SYMBOL;
        c.uid = uid;
        c.action = buy ? OrderAction.BID : OrderAction.ASK;
        c.price = price;
        c.reserveBidPrice = reserve;
        c.size = lots;
        c.timestamp = now;
        c.userCookie = 0;
        execute(c);
        long filled = 0;
        boolean refused = false;
        for (MatcherTradeEvent e = c.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == MatcherEventType.TRADE) {
                trades++;
                filled += e.size;
                if (e.matchedOrderCompleted) {
                    resting--;
                }
                if (e.matchedOrderUid == uid) {
                    selfTrades++;
                }
            } else if (e.eventType == MatcherEventType.REJECT) {
                refused = true;
            }
        }
        c.matcherEvent = null;
        if (c.resultCode != CommandResultCode.SUCCESS) {
            placementRejects++;
            return c.resultCode.getCode();
        }
        if (type == OrderType.GTC && !refused && filled < lots) {
            resting++;
            stream.remember(id, agent);
        }
        return filled;
    }
}
