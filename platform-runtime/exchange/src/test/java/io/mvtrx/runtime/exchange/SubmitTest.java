package io.mvtrx.runtime.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.q;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;

/** The boundary for instruction records: every kind of the sealed family reaches its entry method. */
class SubmitTest {

    @Test
    void placesCancelsClosesAndResetsFromRecords() {
        Desk desk = new Desk(ExchangeSpec.simple(1, Desk.D).withLeverage(new BigDecimal("2"), new BigDecimal("1e6"),
                new BigDecimal("0.1")));
        desk.fund(1, "10", "10000");
        desk.fund(2, "10", "10000");
        Exchange x = desk.exchange;

        x.submit(1, 5, new PlaceLimit(0, Side.SELL, p("100"), v("4"), Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 3, SettleFlag.FIFO, 0, 0, 0));
        x.submit(2, 6, new PlaceMarket(0, Side.BUY, v("1"), Currency.BASE, v("1"), 0, StpMode.CO, 4,
                SettleFlag.NONE, 0, 0, 0));
        assertThat(desk.recorder.notices(2).getFirst()).isEqualTo(
                new OrderAccepted(6, 0, 1, 4, OrderType.MARKET, Side.BUY, 0, v("1"), v("1")));
        assertThat(x.account(2, 0).quoteLoan()).as("bought 2 at leverage 1").isEqualTo(q("200"));

        long all = ClosePositions.PositionClose.ALL;
        x.submit(2, 7, new ClosePositions(0, List.of(new ClosePositions.PositionClose(1, all),
                new ClosePositions.PositionClose(9, all)), 0));
        assertThat(desk.recorder.notices(2)).as("no bid to sell into, and no loan under order 9").contains(
                new PositionCloseReport(7, 0, 1, Optional.of(RejectReason.EMPTY_BOOK)),
                new PositionCloseReport(7, 0, 9, Optional.of(RejectReason.NO_LOAN)));

        x.submit(1, 8, new ResetAgents(List.of(1, 77), 0));
        assertThat(desk.recorder.events().getLast()).isEqualTo(
                new OrderCancelled(0, 8, 0, 1, p("100"), v("2"), 0, CancelReason.RESET));
        assertThat(x.account(1, 0).base().total()).isZero();
        assertThat(x.account(1, 0).quote().total()).isZero();
        assertThat(x.now()).isEqualTo(8);
    }
}
