package io.mvtrx.runtime.exchange;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.b;
import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.q;
import static io.mvtrx.runtime.exchange.Desk.r;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;

class StopLossTakeProfitTest {

    @Test
    void aFiredStopLossClosesThePositionWithAMarketOrderAfterTheTriggeringTrade() {
        Desk desk = Desk.simple();
        desk.fund(1, "0", "1000");
        desk.fund(2, "100", "0");
        desk.fund(3, "0", "10000");
        long id = desk.exchange.placeLimit(1, 0, Side.BUY, p("100"), v("5"), Currency.BASE, 0, TimeInForce.GTC, 0,
                false, StpMode.CO, 77, SettleFlag.FIFO, r("-0.05"), 0);
        desk.market(2, Side.SELL, "5");
        desk.limit(3, Side.BUY, "94", "10");
        desk.recorder.clear();

        long trigger = desk.market(2, Side.SELL, "1");

        assertThat(desk.recorder.events()).filteredOn(Trade.class::isInstance).containsExactly(
                new Trade(0, 0, 1, Side.SELL, trigger, 2, 2, 3, p("94"), v("1"), 0, 0),
                new Trade(0, 0, 2, Side.SELL, trigger + 1, 2, 1, 3, p("94"), v("5"), 0, 0));
        assertThat(desk.recorder.notices(1)).contains(new OrderAccepted(0, 0, trigger + 1, 77, OrderType.MARKET,
                Side.SELL, 0, v("5"), 0));
        assertThat(desk.account(1).base().total()).isZero();
        assertThat(desk.account(1).quote().total()).as("bought 5 @ 100, stopped out at 94").isEqualTo(q("970"));
        assertThat(id).isZero();
        desk.recorder.clear();
        desk.limit(3, Side.BUY, "80", "1");
        desk.market(2, Side.SELL, "5");
        assertThat(desk.recorder.events()).filteredOn(Trade.class::isInstance)
                .allMatch(t -> ((Trade) t).takerAgentId() == 2);
        assertThat(desk.account(1).base().total()).isEqualTo(b("0"));
        desk.exchange.checkInvariants();
    }

    @Test
    void aTakeProfitOnAShortBuysBackWhenThePriceFalls() {
        Desk desk = Desk.simple();
        desk.fund(1, "5", "0");
        desk.fund(2, "0", "10000");
        desk.fund(3, "10", "0");
        desk.exchange.placeLimit(1, 0, Side.SELL, p("100"), v("5"), Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 5, SettleFlag.FIFO, 0, r("-0.10"));
        desk.market(2, Side.BUY, "5");
        desk.limit(3, Side.SELL, "89", "10");
        desk.market(2, Side.BUY, "1");
        assertThat(desk.account(1).base().total()).as("bought back at 89").isEqualTo(b("5"));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("55"));
    }

    /** The reference kept an agent's triggers across an account reset. */
    @Test
    void anAccountResetForgetsTheAgentsTriggers() {
        Desk desk = Desk.simple();
        desk.fund(1, "0", "1000");
        desk.fund(2, "100", "0");
        desk.fund(3, "0", "10000");
        desk.exchange.placeLimit(1, 0, Side.BUY, p("100"), v("5"), Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 77, SettleFlag.FIFO, r("-0.05"), 0);
        desk.market(2, Side.SELL, "5");
        desk.exchange.resetAgent(1);
        desk.fund(1, "5", "0");
        desk.limit(3, Side.BUY, "94", "10");
        desk.recorder.clear();
        desk.market(2, Side.SELL, "1");
        assertThat(desk.recorder.notices(1)).isEmpty();
        assertThat(desk.account(1).base().total()).isEqualTo(b("5"));
    }
}
