package io.mvtrx.api.spi.trading.support;

import java.util.List;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.CancelOrders.Cancellation;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.ClosePositions.PositionClose;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstructionsTest {

    @Test
    void limitDefaultsAreTheReferenceDefaults() {
        assertThat(Instructions.limit(3, Side.BUY, 29_990, 1_0000).build()).isEqualTo(new PlaceLimit(3, Side.BUY,
                29_990, 1_0000, Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO, Order.NO_CLIENT_ID,
                SettleFlag.NONE, 0, 0, 0));
    }

    @Test
    void limitCarriesEveryOption() {
        PlaceLimit limit = Instructions.limit(1, Side.SELL, 30_010, 2_500).gtt(60_000_000_000L).postOnly()
                .stp(StpMode.CB).leverage(5_000).clientOrderId(42).settle(SettleFlag.FIFO).stopLoss(-2_000_000)
                .takeProfit(3_000_000).delay(1_000).inQuote().build();

        assertThat(limit).isEqualTo(new PlaceLimit(1, Side.SELL, 30_010, 2_500, Currency.QUOTE, 5_000,
                TimeInForce.GTT, 60_000_000_000L, true, StpMode.CB, 42, SettleFlag.FIFO, -2_000_000, 3_000_000,
                1_000));
    }

    @Test
    void anotherTimeInForceDropsTheExpiry() {
        PlaceLimit limit = Instructions.limit(0, Side.BUY, 100, 1).gtt(5).timeInForce(TimeInForce.IOC).build();

        assertThat(limit.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(limit.expiryPeriod()).isZero();
    }

    @Test
    void refusesWhatTheReferenceWouldDropClientSide() {
        assertThatThrownBy(() -> Instructions.limit(0, Side.BUY, 100, 1).postOnly().timeInForce(TimeInForce.FOK)
                .build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a post-only order cannot be FOK: it would never rest and never take");
        assertThatThrownBy(() -> Instructions.limit(0, Side.BUY, 100, 1).timeInForce(TimeInForce.GTT))
                .hasMessage("GTT needs an expiry period: use gtt(expiryPeriod)");
        assertThatThrownBy(() -> Instructions.limit(0, Side.BUY, 100, 1).gtt(0))
                .hasMessage("GTT expiry period must be > 0, got 0");
        assertThatThrownBy(() -> Instructions.limit(0, Side.BUY, 0, 1)).hasMessage("limit price must be > 0, got 0");
        assertThatThrownBy(() -> Instructions.market(0, Side.BUY, -1)).hasMessage("order volume must be > 0, got -1");
        assertThatThrownBy(() -> Instructions.market(0, Side.BUY, 1).settle(-3))
                .hasMessage("settle flag must be NONE (-2), FIFO (-1) or an order id, got -3");
        assertThatThrownBy(() -> Instructions.market(0, Side.BUY, 1).leverage(-1))
                .hasMessage("leverage must be >= 0, got -1");
    }

    @Test
    void marketCarriesEveryOption() {
        assertThat(Instructions.market(2, Side.BUY, 150 * 10_000_000_000L).inQuote().maxSlippage(1_000_000)
                .stp(StpMode.DC).clientOrderId(7).build())
                .isEqualTo(new PlaceMarket(2, Side.BUY, 150 * 10_000_000_000L, Currency.QUOTE, 0, 1_000_000,
                        StpMode.DC, 7, SettleFlag.NONE, 0, 0, 0));
    }

    @Test
    void cancelsAndClosesWholeOrInPart() {
        assertThat(Instructions.cancel(4, List.of(17L, 18L))).isEqualTo(new CancelOrders(4,
                List.of(new Cancellation(17, Cancellation.ALL), new Cancellation(18, Cancellation.ALL)), 0));
        assertThat(Instructions.cancelPart(4, 17, 500))
                .isEqualTo(new CancelOrders(4, List.of(new Cancellation(17, 500)), 0));
        assertThat(Instructions.close(4, List.of(9L)))
                .isEqualTo(new ClosePositions(4, List.of(new PositionClose(9, PositionClose.ALL)), 0));
        assertThat(Instructions.closePart(4, 9, 10))
                .isEqualTo(new ClosePositions(4, List.of(new PositionClose(9, 10)), 0));
        assertThatThrownBy(() -> Instructions.cancelPart(4, 17, 0)).hasMessage("cancel volume must be > 0, got 0");
    }

    @Test
    void cancelOrdersTakesTheOpenOrdersIds() {
        Order a = new Order(11, 0, 3, Order.NO_CLIENT_ID, Side.BUY, 100, 1, 0, 5, TimeInForce.GTC, 0, StpMode.CO);
        Order b = new Order(12, 0, 3, Order.NO_CLIENT_ID, Side.SELL, 101, 1, 0, 6, TimeInForce.GTC, 0, StpMode.CO);

        assertThat(Instructions.cancelOrders(0, List.of(a, b))).isEqualTo(Instructions.cancel(0, List.of(11L, 12L)));
    }
}
