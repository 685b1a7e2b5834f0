package io.mvtrx.runtime.exchange;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
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

/**
 * Agent 1 rests SELL 2 @ 100 (order 0) in front of agent 2's SELL 3 @ 100 (order 1); agent 1 then sends BUY 4 @ 100
 * (order 2) under each STP mode.
 */
class SelfTradePreventionTest {

    private static final long NO_CLIENT = Order.NO_CLIENT_ID;

    private static Desk queue(SettableFeePolicy fees) {
        Desk desk = new Desk(ExchangeSpec.simple(1, Desk.D), fees);
        desk.fund(1, "10", "1000");
        desk.fund(2, "10", "1000");
        desk.limit(1, Side.SELL, "100", "2");
        desk.limit(2, Side.SELL, "100", "3");
        desk.recorder.clear();
        return desk;
    }

    private static Desk queue() {
        return queue(SettableFeePolicy.zero());
    }

    @Test
    void cancelOldestCancelsTheOwnRestingOrderAndKeepsMatching() {
        Desk desk = queue();
        desk.limit(1, Side.BUY, "100", "4", TimeInForce.GTC, StpMode.CO);
        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, 0, 1, p("100"), v("2"), 0, CancelReason.SELF_TRADE),
                new Trade(0, 0, 0, Side.BUY, 2, 1, 1, 2, p("100"), v("3"), 0, 0),
                new OrderPlaced(0, 0, 2, 1, NO_CLIENT, OrderType.LIMIT, Side.BUY, p("100"), v("1"), 0, StpMode.CO));
        assertThat(desk.account(1).base()).extracting(x -> x.total(), x -> x.reserved())
                .containsExactly(b("13"), 0L);
        assertThat(desk.account(1).quote().reserved()).isEqualTo(q("100"));
        desk.exchange.checkInvariants();
    }

    @Test
    void cancelNewestDropsTheIncomingOrderAndLeavesTheOwnRestingOne() {
        Desk desk = queue();
        desk.limit(1, Side.BUY, "100", "4", TimeInForce.GTC, StpMode.CN);
        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, 2, 1, p("100"), v("4"), 0, CancelReason.SELF_TRADE));
        assertThat(desk.account(1).quote().reserved()).isZero();
        assertThat(desk.account(1).base().reserved()).isEqualTo(b("2"));
        assertThat(desk.exchange.orderCount(0)).isEqualTo(2);
        desk.exchange.checkInvariants();
    }

    @Test
    void cancelBothDropsTheIncomingAndTheOwnRestingOrder() {
        Desk desk = queue();
        desk.limit(1, Side.BUY, "100", "4", TimeInForce.GTC, StpMode.CB);
        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, 0, 1, p("100"), v("2"), 0, CancelReason.SELF_TRADE),
                new OrderCancelled(0, 0, 2, 1, p("100"), v("4"), 0, CancelReason.SELF_TRADE));
        assertThat(desk.account(1).quote().reserved()).isZero();
        assertThat(desk.account(1).base().reserved()).isZero();
        assertThat(desk.exchange.orderCount(0)).isEqualTo(1);
        desk.exchange.checkInvariants();
    }

    @Test
    void decrementAndCancelRemovesTheSmallerOwnOrderAndShrinksTheIncomingOne() {
        Desk desk = queue();
        desk.limit(1, Side.BUY, "100", "4", TimeInForce.GTC, StpMode.DC);
        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, 0, 1, p("100"), v("2"), 0, CancelReason.SELF_TRADE),
                new Trade(0, 0, 0, Side.BUY, 2, 1, 1, 2, p("100"), v("2"), 0, 0),
                new OrderCancelled(0, 0, 2, 1, p("100"), v("2"), 0, CancelReason.SELF_TRADE));
        assertThat(desk.account(1).quote()).extracting(x -> x.total(), x -> x.reserved())
                .containsExactly(q("800"), 0L);
        assertThat(desk.exchange.orderCount(0)).as("agent 2 keeps 1").isEqualTo(1);
        desk.exchange.checkInvariants();
    }

    @Test
    void decrementAndCancelShrinksALargerOwnOrderByTheIncomingSize() {
        Desk desk = new Desk(ExchangeSpec.simple(1, Desk.D));
        desk.fund(1, "10", "1000");
        desk.limit(1, Side.SELL, "100", "5");
        desk.recorder.clear();
        desk.limit(1, Side.BUY, "100", "2", TimeInForce.GTC, StpMode.DC);
        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, 0, 1, p("100"), v("2"), v("3"), CancelReason.SELF_TRADE),
                new OrderCancelled(0, 0, 1, 1, p("100"), v("2"), 0, CancelReason.SELF_TRADE));
        assertThat(desk.account(1).base().reserved()).isEqualTo(b("3"));
        assertThat(desk.account(1).quote().reserved()).isZero();
        desk.exchange.checkInvariants();
    }

    @Test
    void withoutPreventionTheAgentTradesWithItselfAndPaysBothFees() {
        Desk desk = queue(new SettableFeePolicy(r("0.001"), r("0.002")));
        desk.limit(1, Side.BUY, "100", "2", TimeInForce.GTC, StpMode.NONE);
        assertThat(desk.recorder.events()).containsExactly(
                new Trade(0, 0, 0, Side.BUY, 2, 0, 1, 1, p("100"), v("2"), q("0.4"), q("0.2")));
        // as buyer: -200 quote, +2 - ceil(0.4/100, 4) = +1.996 base; as seller: -2 base, +200 - 0.2 quote
        assertThat(desk.account(1).base().total()).isEqualTo(b("9.996"));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("999.8"));
        assertThat(desk.holdings()).containsExactly(b("20"), q("2000"));
    }
}
