package io.mvtrx.runtime.exchange;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizes that overflow a long while an order is checked (found by the validator's fuzz test: a QUOTE limit order at
 * an extreme price stopped the whole block) are refused as INVALID_INSTRUCTION and the book carries on.
 */
class OverflowTest {

    @Test
    void refusesAnOrderWhoseSizingOverflowsAndKeepsTrading() {
        Desk desk = Desk.simple();
        desk.fund(1, "10", "10000");
        Exchange x = desk.exchange;

        long id = x.placeLimit(1, 0, Side.BUY, Long.MAX_VALUE, Long.MAX_VALUE, Currency.QUOTE, 0, TimeInForce.GTC,
                0, false, StpMode.CO, 7, SettleFlag.NONE, 0, 0);
        long market = x.placeMarket(1, 0, Side.BUY, Long.MAX_VALUE, Currency.BASE, Long.MAX_VALUE, 0, StpMode.CO, 8,
                SettleFlag.NONE, 0, 0);
        long ok = x.placeLimit(1, 0, Side.BUY, p("100"), v("1"), Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 9, SettleFlag.NONE, 0, 0);

        assertThat(id).isEqualTo(RejectReason.INVALID_INSTRUCTION.code());
        assertThat(market).isNegative();
        assertThat(ok).isNotNegative();
        assertThat(desk.recorder.notices(1)).startsWith(
                new OrderRejected(0, 0, 7, OrderType.LIMIT, Side.BUY, RejectReason.INVALID_INSTRUCTION));
        assertThat(desk.recorder.notices(1)).filteredOn(OrderAccepted.class::isInstance).hasSize(1);
        assertThat(x.account(1, 0).orders()).hasSize(1);
    }
}
