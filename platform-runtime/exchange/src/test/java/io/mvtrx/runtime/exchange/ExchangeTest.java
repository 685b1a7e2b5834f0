package io.mvtrx.runtime.exchange;

import java.math.BigDecimal;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.testkit.fees.SettableFeePolicy;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.b;
import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.q;
import static io.mvtrx.runtime.exchange.Desk.r;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;

class ExchangeTest {

    private static final long NO_CLIENT = Order.NO_CLIENT_ID;

    @Test
    void restingBuyReservesPriceTimesVolumeAndIsPublishedAsPlaced() {
        Desk desk = Desk.simple();
        desk.fund(1, "100", "30000");

        long id = desk.limit(1, Side.BUY, "300.10", "1.5");

        assertThat(id).isZero();
        Account account = desk.account(1);
        assertThat(account.quote()).isEqualTo(new Balance(q("30000"), q("29549.85"), q("450.15"), q("30000")));
        assertThat(account.base()).isEqualTo(new Balance(b("100"), b("100"), 0, b("100")));
        assertThat(account.orders()).containsExactly(new Order(0, 0, 1, NO_CLIENT, Side.BUY, p("300.10"), v("1.5"), 0,
                0, TimeInForce.GTC, 0, StpMode.CO));
        assertThat(desk.recorder.events()).containsExactly(new OrderPlaced(0, 0, 0, 1, NO_CLIENT, OrderType.LIMIT,
                Side.BUY, p("300.10"), v("1.5"), 0, StpMode.CO));
        assertThat(desk.recorder.notices(1)).containsExactly(new OrderAccepted(0, 0, 0, NO_CLIENT,
                OrderType.LIMIT, Side.BUY, p("300.10"), v("1.5"), 0));
    }

    @Test
    void restingSellReservesItsVolumeInBase() {
        Desk desk = Desk.simple();
        desk.fund(1, "100", "30000");
        desk.limit(1, Side.SELL, "301", "2.5");
        assertThat(desk.account(1).base()).isEqualTo(new Balance(b("100"), b("97.5"), b("2.5"), b("100")));
        assertThat(desk.account(1).quote().reserved()).isZero();
    }

    /** simulator-054.md §4.6: taker 0.023 %, resting SELL 2 @ 300, market BUY 2. */
    @Test
    void buyerPaysItsTakerFeeInBaseRoundedUpWithTheExcessRefundedInQuote() {
        Desk desk = new Desk(ExchangeSpec.simple(1, Desk.D), new SettableFeePolicy(0, r("0.00023")));
        desk.fund(1, "100", "30000");
        desk.fund(2, "100", "30000");
        desk.limit(2, Side.SELL, "300", "2");

        long id = desk.market(1, Side.BUY, "2");

        assertThat(id).isEqualTo(1);
        assertThat(desk.recorder.events()).contains(new Trade(0, 0, 0, Side.BUY, 1, 0, 1, 2, p("300"), v("2"),
                q("0.138"), 0));
        assertThat(desk.account(1).base().total()).isEqualTo(b("101.9995"));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("29400.012"));
        assertThat(desk.account(1).quote().reserved()).isZero();
        assertThat(desk.account(2).base().total()).isEqualTo(b("98"));
        assertThat(desk.account(2).quote().total()).isEqualTo(q("30600"));
        assertThat(desk.exchange.feesBase(0)).isEqualTo(b("0.0005"));
        assertThat(desk.exchange.feesQuote(0)).isEqualTo(-q("0.012"));
    }

    /** simulator-054.md §4.6 reversed: maker rate −0.375 % (a rebate), taker 0.023 %. */
    @Test
    void negativeMakerFeeIsARebatePaidToTheBuyerInQuote() {
        Desk desk = new Desk(ExchangeSpec.simple(1, Desk.D),
                new SettableFeePolicy(r("-0.00375"), r("0.00023")));
        desk.fund(1, "100", "30000");
        desk.fund(2, "100", "30000");
        desk.limit(2, Side.BUY, "300", "2");

        desk.market(1, Side.SELL, "2");

        assertThat(desk.recorder.events()).contains(new Trade(0, 0, 0, Side.SELL, 1, 0, 1, 2, p("300"), v("2"),
                q("0.138"), -q("2.25")));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("30599.862"));
        assertThat(desk.account(1).base().total()).isEqualTo(b("98"));
        assertThat(desk.account(2).quote().total()).isEqualTo(q("29402.25"));
        assertThat(desk.account(2).base().total()).isEqualTo(b("102"));
        assertThat(desk.exchange.feesQuote(0)).isEqualTo(q("0.138") - q("2.25"));
        assertThat(desk.holdings()).containsExactly(b("200"), q("60000"));
    }

    @Test
    void fullyFilledTakerPaysTheRestingPricesAndReservesNoFees() {
        // simulator.md §2.6 worked example under 054 rules: asks 299.90×1 and 300.00×5, limit BUY 2 @ 300.00
        Desk desk = Desk.simple();
        desk.fund(1, "0", "1000");
        desk.fund(2, "10", "0");
        desk.limit(2, Side.SELL, "299.90", "1");
        desk.limit(2, Side.SELL, "300.00", "5");

        desk.limit(1, Side.BUY, "300.00", "2");

        assertThat(desk.account(1).quote()).isEqualTo(new Balance(q("400.1"), q("400.1"), 0, q("1000")));
        assertThat(desk.account(1).base().total()).isEqualTo(b("2"));
        assertThat(desk.account(1).orders()).isEmpty();
        assertThat(desk.account(2).base()).isEqualTo(new Balance(b("8"), b("4"), b("4"), b("10")));
        assertThat(desk.account(2).quote().total()).isEqualTo(q("599.9"));
    }

    @Test
    void crossingBuyTakesLevelsAtTheirPricesAndRestsTheRemainderWithExactlyItsReservation() {
        Desk desk = Desk.simple();
        desk.fund(1, "0", "30000");
        desk.fund(2, "10", "0");
        desk.limit(2, Side.SELL, "299.90", "1");
        desk.limit(2, Side.SELL, "300.00", "5");
        desk.recorder.clear();

        long id = desk.limit(1, Side.BUY, "300.00", "7");

        assertThat(desk.recorder.events()).containsExactly(
                new Trade(0, 0, 0, Side.BUY, id, 0, 1, 2, p("299.90"), v("1"), 0, 0),
                new Trade(0, 0, 1, Side.BUY, id, 1, 1, 2, p("300.00"), v("5"), 0, 0),
                new OrderPlaced(0, 0, id, 1, NO_CLIENT, OrderType.LIMIT, Side.BUY, p("300"), v("1"), 0,
                        StpMode.CO));
        assertThat(desk.account(1).quote()).isEqualTo(new Balance(q("28200.1"), q("27900.1"), q("300"),
                q("30000")));
        assertThat(desk.exchange.snapshot(0).bids()).extracting(Level::price, Level::volume)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p("300"), v("1")));
        desk.exchange.checkInvariants();
    }

    @Test
    void partialFillOfARestingBuyKeepsExactlyWhatTheRemainderNeeds() {
        Desk desk = Desk.simple();
        desk.fund(1, "10", "0");
        desk.fund(2, "0", "3000");
        desk.limit(2, Side.BUY, "300.01", "5");

        desk.market(1, Side.SELL, "2");

        Account buyer = desk.account(2);
        assertThat(buyer.quote()).isEqualTo(new Balance(q("2399.98"), q("1499.95"), q("900.03"), q("3000")));
        assertThat(buyer.base().total()).isEqualTo(b("2"));
        assertThat(buyer.orders()).singleElement().extracting(Order::volume).isEqualTo(v("3"));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("600.02"));
        desk.exchange.checkInvariants();
    }

    @Test
    void rejectionsCarryTheReferenceCodeAndChangeNothing() {
        Desk desk = new Desk(ExchangeSpec.simple(2, Desk.D).withMinOrderSize(new BigDecimal("0.25")));
        desk.fund(1, "100", "30000");
        Exchange x = desk.exchange;
        long hash = x.stateHash();

        assertThat(x.placeLimit(1, 0, Side.BUY, p("300"), 0, TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.INVALID_VOLUME.code());
        assertThat(x.placeLimit(1, 0, Side.BUY, 0, v("1"), TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.INVALID_PRICE.code());
        assertThat(x.placeLimit(1, 0, Side.BUY, p("300"), v("1"), Currency.BASE, v("1"), TimeInForce.GTC, 0, false,
                StpMode.CO, NO_CLIENT, SettleFlag.FIFO, 0, 0)).isEqualTo(RejectReason.INVALID_LEVERAGE.code());
        assertThat(x.placeLimit(1, 2, Side.BUY, p("300"), v("1"), TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.UNKNOWN_BOOK.code());
        assertThat(x.placeLimit(99, 0, Side.BUY, p("300"), v("1"), TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.NONEXISTENT_ACCOUNT.code());
        assertThat(x.placeLimit(1, 0, Side.BUY, p("300"), v("101"), TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.INSUFFICIENT_QUOTE.code());
        assertThat(x.placeLimit(1, 0, Side.SELL, p("300"), v("100.0001"), TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.INSUFFICIENT_BASE.code());
        assertThat(x.placeLimit(1, 0, Side.BUY, p("300"), v("0.2499"), TimeInForce.GTC, StpMode.CO))
                .isEqualTo(RejectReason.MINIMUM_ORDER_SIZE_VIOLATION.code());
        assertThat(x.placeLimit(1, 0, Side.BUY, p("300"), v("1"), Currency.BASE, 0, TimeInForce.GTT, 0, false,
                StpMode.CO, NO_CLIENT, SettleFlag.FIFO, 0, 0)).isEqualTo(RejectReason.INVALID_INSTRUCTION.code());
        assertThat(x.placeLimit(1, 0, Side.BUY, p("300"), v("1"), Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, NO_CLIENT, -3, 0, 0)).isEqualTo(RejectReason.INVALID_INSTRUCTION.code());
        assertThat(x.placeMarket(1, 0, Side.BUY, v("1"), StpMode.CO)).isEqualTo(RejectReason.EMPTY_BOOK.code());

        assertThat(x.stateHash()).isEqualTo(hash);
        assertThat(desk.recorder.events()).isEmpty();
        assertThat(desk.recorder.notices(99)).containsExactly(
                new OrderRejected(0, 0, NO_CLIENT, OrderType.LIMIT, Side.BUY, RejectReason.NONEXISTENT_ACCOUNT));
        assertThat(desk.limit(1, Side.BUY, "300", "0.25")).as("ids are consumed only by accepted orders").isZero();
    }

    @Test
    void limitsOpenLimitOrdersPerAgentAndBookButNotMarketOrders() {
        Desk desk = new Desk(ExchangeSpec.simple(1, Desk.D).withMaxOpenOrders(2));
        desk.fund(1, "100", "30000");
        desk.fund(2, "100", "30000");
        assertThat(desk.limit(1, Side.BUY, "290", "1")).isZero();
        assertThat(desk.limit(1, Side.SELL, "310", "1")).isEqualTo(1);
        assertThat(desk.limit(1, Side.BUY, "291", "1")).isEqualTo(RejectReason.EXCEEDING_MAX_ORDERS.code());
        assertThat(desk.limit(2, Side.BUY, "291", "1")).as("another agent").isEqualTo(2);
        assertThat(desk.market(1, Side.SELL, "0.5")).isEqualTo(3);
        desk.market(2, Side.BUY, "1");
        assertThat(desk.limit(1, Side.BUY, "291", "1")).as("a filled order frees its slot at once (no ghosts)")
                .isEqualTo(5);
    }

    /** Scenario B of simulator-054.md §13.1, each case on a fresh copy of the base book. */
    @Test
    void immediateOrCancelTakesWhatItCanAtOnceAndNeverRests() {
        assertLimit(TimeInForce.IOC, false, StpMode.CO, Side.BUY, "303", "1", true);
        assertLimit(TimeInForce.IOC, false, StpMode.CO, Side.BUY, "307", "5", true);
        assertLimit(TimeInForce.IOC, false, StpMode.CO, Side.BUY, "290", "1", false);
        assertLimit(TimeInForce.IOC, false, StpMode.CO, Side.SELL, "297", "1", true);
        assertLimit(TimeInForce.IOC, false, StpMode.CO, Side.SELL, "310", "1", false);
        assertLimit(TimeInForce.IOC, true, StpMode.CO, Side.BUY, "303", "1", false);

        Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
        long id = desk.limit(1, Side.BUY, "303", "5", TimeInForce.IOC, StpMode.CO);
        assertThat(desk.recorder.notices(1).getFirst()).as("resized to what it can take")
                .isEqualTo(new OrderAccepted(0, 0, id, NO_CLIENT, OrderType.LIMIT, Side.BUY, p("303"), v("2"), 0));
        assertThat(desk.account(1).orders()).isEmpty();
        assertThat(desk.account(1).quote().reserved()).isZero();
        assertThat(desk.exchange.bestAsk(0)).isEqualTo(p("307"));
    }

    @Test
    void fillOrKillFillsCompletelyOrIsRefused() {
        assertLimit(TimeInForce.FOK, false, StpMode.CO, Side.BUY, "303", "2", true);
        assertLimit(TimeInForce.FOK, false, StpMode.CO, Side.BUY, "303", "5", false);
        assertLimit(TimeInForce.FOK, false, StpMode.CO, Side.BUY, "307", "5", true);
        assertLimit(TimeInForce.FOK, false, StpMode.CO, Side.SELL, "291", "4", true);
        assertLimit(TimeInForce.FOK, false, StpMode.CO, Side.SELL, "297", "3", false);
        assertLimit(TimeInForce.FOK, true, StpMode.CO, Side.BUY, "303", "2", false);
    }

    /** The reference accepted a FOK when the crossable side ran out (or was empty, or STP was NONE). */
    @Test
    void fillOrKillNeverPartiallyFillsWhenTheSideRunsOut() {
        assertLimit(TimeInForce.FOK, false, StpMode.CO, Side.BUY, "310", "10.0001", false);
        assertLimit(TimeInForce.FOK, false, StpMode.NONE, Side.BUY, "310", "10.0001", false);
        assertLimit(TimeInForce.FOK, false, StpMode.NONE, Side.BUY, "310", "10", true);

        Desk empty = Desk.simple();
        empty.fund(1, "10", "10000");
        assertThat(empty.limit(1, Side.BUY, "300", "1", TimeInForce.FOK, StpMode.NONE))
                .isEqualTo(RejectReason.CONTRACT_VIOLATION.code());
    }

    /** The reference accepted a FOK with STP CB as soon as an own order was met, which then ended part-filled. */
    @Test
    void fillOrKillIsRefusedWhenSelfTradePreventionWouldStopItHalfway() {
        for (StpMode stp : new StpMode[] {StpMode.CB, StpMode.CN}) {
            Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
            desk.limit(1, Side.SELL, "305", "1");
            assertThat(desk.limit(1, Side.BUY, "307", "4", TimeInForce.FOK, stp))
                    .as("STP %s", stp).isEqualTo(RejectReason.CONTRACT_VIOLATION.code());
            assertThat(desk.limit(1, Side.BUY, "307", "2", TimeInForce.FOK, stp)).as("STP %s", stp).isPositive();
        }
        Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
        desk.limit(1, Side.SELL, "305", "1");
        long id = desk.limit(1, Side.BUY, "307", "4", TimeInForce.FOK, StpMode.CO);
        assertThat(id).as("CO skips the own order").isPositive();
        assertThat(desk.recorder.events()).filteredOn(Trade.class::isInstance).extracting(e -> ((Trade) e).volume())
                .containsExactly(v("2"), v("2"));
    }

    @Test
    void postOnlyRestsOrIsRefusedIfItWouldTake() {
        assertLimit(TimeInForce.GTC, true, StpMode.NONE, Side.BUY, "302", "1", true);
        assertLimit(TimeInForce.GTC, true, StpMode.NONE, Side.BUY, "303", "1", false);
        assertLimit(TimeInForce.GTC, true, StpMode.NONE, Side.BUY, "310", "1", false);
        assertLimit(TimeInForce.GTC, true, StpMode.NONE, Side.SELL, "298", "1", true);
        assertLimit(TimeInForce.GTC, true, StpMode.NONE, Side.SELL, "297", "1", false);
        assertLimit(TimeInForce.GTC, true, StpMode.NONE, Side.SELL, "290", "1", false);
        assertLimit(TimeInForce.FOK, true, StpMode.NONE, Side.SELL, "298", "1", false);
    }

    @Test
    void postOnlyWithCancelOldestRestsAfterCancellingOwnCrossingOrders() {
        Desk desk = Desk.simple();
        desk.fund(1, "10", "10000");
        desk.fund(2, "10", "10000");
        long own = desk.limit(1, Side.SELL, "300", "1");
        desk.limit(2, Side.SELL, "301", "1");
        desk.recorder.clear();

        long id = desk.exchange.placeLimit(1, 0, Side.BUY, p("300.50"), v("2"), Currency.BASE, 0, TimeInForce.GTC,
                0, true, StpMode.CO, NO_CLIENT, SettleFlag.FIFO, 0, 0);

        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, own, 1, p("300"), v("1"), 0, CancelReason.SELF_TRADE),
                new OrderPlaced(0, 0, id, 1, NO_CLIENT, OrderType.LIMIT, Side.BUY, p("300.50"), v("2"), 0,
                        StpMode.CO));
        assertThat(desk.account(1).base().reserved()).isZero();
        desk.exchange.checkInvariants();
    }

    /** Scenario B, minimum size without a minOrderSize attribute (one lot, 0.0001). */
    @Test
    void minimumSizeAppliesToTheTradedQuantityAlsoForQuoteSizedOrders() {
        Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
        Exchange x = desk.exchange;
        assertThat(desk.limit(1, Side.BUY, "302", "1")).isPositive();
        assertThat(desk.limit(1, Side.BUY, "302", "0.0001")).isPositive();
        assertThat(desk.limit(1, Side.SELL, "298", "1")).isPositive();
        assertThat(x.placeLimit(1, 0, Side.BUY, p("302"), q("0.01"), Currency.QUOTE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, NO_CLIENT, SettleFlag.FIFO, 0, 0))
                .isEqualTo(RejectReason.MINIMUM_ORDER_SIZE_VIOLATION.code());
        long id = x.placeLimit(1, 0, Side.BUY, p("302"), q("1"), Currency.QUOTE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, NO_CLIENT, SettleFlag.FIFO, 0, 0);
        assertThat(desk.account(1).orders()).filteredOn(o -> o.orderId() == id).singleElement()
                .extracting(Order::volume).as("trunc(1 / 302, 4)").isEqualTo(v("0.0033"));
    }

    /** The reference sized limit orders by the leveraged total but market orders by the own volume. */
    @Test
    void minimumSizeAppliesToTheTradedQuantityOfMarketOrdersToo() {
        ExchangeSpec spec = ExchangeSpec.simple(1, Desk.D).withMinOrderSize(new BigDecimal("0.25"))
                .withLeverage(new BigDecimal("4"), new BigDecimal("100000"), new BigDecimal("0.1"));
        Desk desk = Desk.scenarioBook(spec);
        Exchange x = desk.exchange;
        assertThat(x.placeMarket(1, 0, Side.BUY, v("0.2"), StpMode.CO))
                .isEqualTo(RejectReason.MINIMUM_ORDER_SIZE_VIOLATION.code());
        assertThat(x.placeMarket(1, 0, Side.BUY, v("0.2"), Currency.BASE, v("0.25"), 0, StpMode.CO, NO_CLIENT,
                SettleFlag.FIFO, 0, 0)).as("trades 0.25").isPositive();
        assertThat(x.placeLimit(1, 0, Side.BUY, p("290"), v("0.2"), Currency.BASE, v("0.25"), TimeInForce.GTC, 0,
                false, StpMode.CO, NO_CLIENT, SettleFlag.FIFO, 0, 0)).isPositive();
    }

    /** The reference refused an IOC with STP CN/CB as soon as an own order came before its full size. */
    @Test
    void immediateOrCancelWithCancelNewestTakesWhatComesBeforeTheOwnOrder() {
        Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
        desk.limit(1, Side.SELL, "305", "1");
        long id = desk.limit(1, Side.BUY, "307", "5", TimeInForce.IOC, StpMode.CN);
        assertThat(id).isPositive();
        assertThat(desk.recorder.events()).filteredOn(Trade.class::isInstance).extracting(e -> ((Trade) e).volume())
                .containsExactly(v("2"));
        assertThat(desk.account(1).orders()).as("the own ask stays").hasSize(1);
        assertThat(desk.account(1).quote().reserved()).isZero();
    }

    private static void assertLimit(TimeInForce tif, boolean postOnly, StpMode stp, Side side, String price,
                                    String volume, boolean accepted) {
        Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
        long result = desk.exchange.placeLimit(1, 0, side, p(price), v(volume), Currency.BASE, 0, tif, 0, postOnly,
                stp, NO_CLIENT, SettleFlag.FIFO, 0, 0);
        String description = String.format("%s%s %s %s @ %s (STP %s)", tif, postOnly ? " post-only" : "", side,
                volume, price, stp);
        if (accepted) {
            assertThat(result).as(description).isNotNegative();
        } else {
            assertThat(result).as(description).isEqualTo(RejectReason.CONTRACT_VIOLATION.code());
        }
        desk.exchange.checkInvariants();
    }

    @Test
    void fullyFilledOrdersLeaveAtOnceAndCannotBeCancelled() {
        Desk desk = Desk.simple();
        desk.fund(1, "10", "10000");
        desk.fund(2, "10", "10000");
        long resting = desk.limit(1, Side.SELL, "300", "1");
        desk.market(2, Side.BUY, "1");
        assertThat(desk.exchange.orderCount(0)).isZero();
        assertThat(desk.exchange.cancel(1, 0, resting, -1)).isEqualTo(RejectReason.UNKNOWN_ORDER.code());
        assertThat(desk.account(1).orders()).isEmpty();
    }

    @Test
    void snapshotListsBestLevelsFirstWithOrdersInTheDetailedOnes() {
        Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
        desk.exchange.advanceTo(50);
        desk.limit(2, Side.BUY, "297", "0.5");

        BookSnapshot snapshot = desk.exchange.snapshot(0, 21, 1);

        assertThat(snapshot.timestamp()).isEqualTo(50);
        assertThat(snapshot.bids()).containsExactly(
                new Level(p("297"), v("1.5"), List.of(new RestingOrder(0, Desk.BOOK_AGENT, v("1"), 0),
                        new RestingOrder(4, 2, v("0.5"), 50))),
                Level.broad(p("291"), v("3")));
        assertThat(snapshot.asks()).containsExactly(
                new Level(p("303"), v("2"), List.of(new RestingOrder(2, Desk.BOOK_AGENT, v("2"), 0))),
                Level.broad(p("307"), v("8")));
        assertThat(desk.exchange.snapshot(0, 1, 0).asks()).containsExactly(Level.broad(p("303"), v("2")));
    }

    @Test
    void tradeNoticesCarryEachSidesClientOrderId() {
        Desk desk = Desk.simple();
        desk.fund(1, "10", "10000");
        desk.fund(2, "10", "10000");
        desk.exchange.placeLimit(1, 0, Side.SELL, p("300"), v("1"), Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 41, SettleFlag.FIFO, 0, 0);
        desk.exchange.placeMarket(2, 0, Side.BUY, v("1"), Currency.BASE, 0, 0, StpMode.CO, 42, SettleFlag.FIFO, 0,
                0);
        Trade trade = new Trade(0, 0, 0, Side.BUY, 1, 0, 2, 1, p("300"), v("1"), 0, 0);
        assertThat(desk.recorder.notices(1)).contains(new TradeNotice(trade, 41, true));
        assertThat(desk.recorder.notices(2)).contains(new TradeNotice(trade, 42, false));
    }

    @Test
    void depositsOpenAccountsOnEveryBookAndWithdrawalsCannotTouchReservedFunds() {
        Desk desk = new Desk(ExchangeSpec.simple(2, Desk.D));
        Exchange x = desk.exchange;
        assertThat(x.deposit(5, 1, b("3"), q("40"))).isZero();
        assertThat(x.account(5, 0).base().total()).isZero();
        assertThat(x.account(5, 1).base().total()).isEqualTo(b("3"));
        x.placeLimit(5, 1, Side.SELL, p("10"), v("2"), TimeInForce.GTC, StpMode.CO);
        assertThat(x.deposit(5, 1, -b("1.0001"), 0)).isEqualTo(RejectReason.INSUFFICIENT_BASE.code());
        assertThat(x.deposit(5, 1, -b("1"), -q("40"))).isZero();
        assertThat(x.account(5, 1).base()).isEqualTo(new Balance(b("2"), 0, b("2"), b("2")));
        assertThat(x.deposit(5, 2, 1, 1)).isEqualTo(RejectReason.UNKNOWN_BOOK.code());
    }

    @Test
    void sameInstructionsGiveTheSameStateHash() {
        long[] hashes = new long[2];
        for (int run = 0; run < 2; run++) {
            Desk desk = Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
            desk.limit(1, Side.BUY, "305", "3");
            desk.market(2, Side.SELL, "2");
            hashes[run] = desk.exchange.stateHash();
        }
        assertThat(hashes[1]).isEqualTo(hashes[0]);
    }
}
