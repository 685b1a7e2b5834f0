package io.mvtrx.runtime.exchange;

import java.util.List;
import java.util.Optional;

import io.mvtrx.api.account.Balance;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.b;
import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.q;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancelAndExpiryTest {

    private static Desk funded() {
        Desk desk = Desk.simple();
        desk.fund(1, "100", "30000");
        desk.fund(2, "100", "30000");
        return desk;
    }

    @Test
    void fullCancelReleasesTheWholeReservation() {
        Desk desk = funded();
        long id = desk.limit(1, Side.BUY, "300", "2");
        desk.recorder.clear();
        assertThat(desk.exchange.cancel(1, 0, id, CancelOrders.Cancellation.ALL)).isEqualTo(v("2"));
        assertThat(desk.account(1).quote()).isEqualTo(new Balance(q("30000"), q("30000"), 0, q("30000")));
        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 0, id, 1, p("300"), v("2"), 0, CancelReason.REQUESTED));
        assertThat(desk.exchange.orderCount(0)).isZero();
    }

    @Test
    void partialCancelReleasesPriceTimesVolumeAndKeepsTheRestResting() {
        Desk desk = funded();
        long id = desk.limit(1, Side.BUY, "300.10", "2");
        assertThat(desk.exchange.cancel(1, 0, id, v("0.5"))).isEqualTo(v("0.5"));
        assertThat(desk.account(1).quote().reserved()).isEqualTo(q("450.15"));
        assertThat(desk.exchange.snapshot(0).bestBid()).isEqualTo(p("300.10"));
        assertThat(desk.exchange.snapshot(0).bids().getFirst().volume()).isEqualTo(v("1.5"));
        assertThat(desk.recorder.events().getLast()).isEqualTo(
                new OrderCancelled(0, 0, id, 1, p("300.10"), v("0.5"), v("1.5"), CancelReason.REQUESTED));
        long sell = desk.limit(1, Side.SELL, "310", "3");
        desk.exchange.cancel(1, 0, sell, v("1.25"));
        assertThat(desk.account(1).base().reserved()).isEqualTo(b("1.75"));
        desk.exchange.checkInvariants();
    }

    @Test
    void cancellingAtLeastTheRemainderCancelsTheWholeOrder() {
        Desk desk = funded();
        long id = desk.limit(1, Side.SELL, "310", "3");
        assertThat(desk.exchange.cancel(1, 0, id, v("5"))).isEqualTo(v("3"));
        assertThat(desk.account(1).base().reserved()).isZero();
        assertThat(desk.exchange.cancel(1, 0, id, v("1"))).isEqualTo(RejectReason.UNKNOWN_ORDER.code());
    }

    /** The reference read a single outer volume for every cancellation of a batch and aborted. */
    @Test
    void eachCancellationOfABatchUsesItsOwnVolume() {
        Desk desk = funded();
        long first = desk.limit(1, Side.SELL, "310", "3");
        long second = desk.limit(1, Side.SELL, "311", "3");
        desk.exchange.submit(1, 10, new CancelOrders(0, List.of(
                new CancelOrders.Cancellation(first, v("1")),
                new CancelOrders.Cancellation(second, CancelOrders.Cancellation.ALL),
                new CancelOrders.Cancellation(77, v("1"))), 0));
        assertThat(desk.account(1).orders()).singleElement().extracting(Order::orderId, Order::volume)
                .containsExactly(first, v("2"));
        assertThat(desk.recorder.notices(1)).contains(
                new CancelReport(10, 0, first, v("1"), CancelReason.REQUESTED, Optional.empty()),
                new CancelReport(10, 0, second, v("3"), CancelReason.REQUESTED, Optional.empty()),
                new CancelReport(10, 0, 77, 0, CancelReason.REQUESTED, Optional.of(RejectReason.UNKNOWN_ORDER)));
    }

    @Test
    void cancelsOfOthersOrdersAndNonsenseVolumesAreRefused() {
        Desk desk = funded();
        long id = desk.limit(1, Side.SELL, "310", "3");
        assertThat(desk.exchange.cancel(2, 0, id, CancelOrders.Cancellation.ALL))
                .isEqualTo(RejectReason.NOT_ORDER_OWNER.code());
        assertThat(desk.exchange.cancel(1, 0, id, 0)).isEqualTo(RejectReason.INVALID_VOLUME.code());
        assertThat(desk.exchange.cancel(1, 5, id, 1)).isEqualTo(RejectReason.UNKNOWN_BOOK.code());
        assertThat(desk.account(1).orders()).hasSize(1);
    }

    @Test
    void goodTillTimeOrdersExpireWhenTimeReachesTheirExpiry() {
        Desk desk = funded();
        desk.exchange.advanceTo(100);
        long id = desk.exchange.placeLimit(1, 0, Side.BUY, p("300"), v("2"), Currency.BASE, 0, TimeInForce.GTT, 1_000,
                false, StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
        desk.market(2, Side.SELL, "0.5");
        desk.exchange.advanceTo(999);
        assertThat(desk.account(1).orders()).singleElement().extracting(Order::expiry).isEqualTo(1_000L);
        desk.recorder.clear();

        desk.exchange.advanceTo(5_000);

        assertThat(desk.recorder.events()).containsExactly(
                new OrderCancelled(0, 1_000, id, 1, p("300"), v("1.5"), 0, CancelReason.EXPIRED));
        assertThat(desk.account(1).quote().reserved()).isZero();
        assertThat(desk.account(1).quote().total()).isEqualTo(q("29850"));
        assertThat(desk.exchange.now()).isEqualTo(5_000);
    }

    @Test
    void expiryTimeOfASubmittedGoodTillTimeOrderIsArrivalPlusItsPeriod() {
        Desk desk = funded();
        desk.exchange.submit(1, 200, new PlaceLimit(0, Side.SELL, p("310"), v("1"), Currency.BASE, 0,
                TimeInForce.GTT, 300, false, StpMode.CO, 9, SettleFlag.FIFO, 0, 0, 0));
        desk.exchange.advanceTo(499);
        assertThat(desk.exchange.orderCount(0)).isEqualTo(1);
        desk.exchange.advanceTo(500);
        assertThat(desk.exchange.orderCount(0)).isZero();
    }

    @Test
    void cancelledGoodTillTimeOrdersDoNotExpireAgain() {
        Desk desk = funded();
        long id = desk.exchange.placeLimit(1, 0, Side.BUY, p("300"), v("2"), Currency.BASE, 0, TimeInForce.GTT, 10,
                false, StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
        desk.exchange.cancel(1, 0, id, CancelOrders.Cancellation.ALL);
        desk.recorder.clear();
        desk.exchange.advanceTo(20);
        assertThat(desk.recorder.events()).isEmpty();
    }

    @Test
    void timeNeverGoesBackwards() {
        Desk desk = funded();
        desk.exchange.advanceTo(10);
        assertThatThrownBy(() -> desk.exchange.advanceTo(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time must not go backwards: now 10, asked 9");
    }
}
