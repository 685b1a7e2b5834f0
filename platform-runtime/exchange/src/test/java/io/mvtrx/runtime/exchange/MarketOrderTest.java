package io.mvtrx.runtime.exchange;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.b;
import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.q;
import static io.mvtrx.runtime.exchange.Desk.r;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;

/** Market orders on the base book of scenarios A–C (bids 297×1, 291×3; asks 303×2, 307×8). */
class MarketOrderTest {

    private static final long NO_CLIENT = Order.NO_CLIENT_ID;

    private static Desk book() {
        return Desk.scenarioBook(ExchangeSpec.simple(1, Desk.D));
    }

    @Test
    void marketBuyInQuoteTakesWholeLevelsThenTruncatesTheLast() {
        Desk desk = book();
        long id = desk.exchange.placeMarket(1, 0, Side.BUY, q("1220"), Currency.QUOTE, 0, 0, StpMode.CO, NO_CLIENT,
                SettleFlag.FIFO, 0, 0);
        assertThat(desk.recorder.events()).containsExactly(
                new Trade(0, 0, 0, Side.BUY, id, 2, 1, Desk.BOOK_AGENT, p("303"), v("2"), 0, 0),
                new Trade(0, 0, 1, Side.BUY, id, 3, 1, Desk.BOOK_AGENT, p("307"), v("2"), 0, 0));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("48781"));
        assertThat(desk.account(1).base().total()).isEqualTo(b("1005"));
    }

    @Test
    void marketBuyInQuoteBuysTruncatedVolumeAtTheLastLevel() {
        Desk desk = book();
        desk.exchange.placeMarket(1, 0, Side.BUY, q("1000"), Currency.QUOTE, 0, 0, StpMode.CO, NO_CLIENT,
                SettleFlag.FIFO, 0, 0);
        // 606 for 2 @ 303, then trunc(394 / 307, 4) = 1.2833 @ 307 = 393.9731
        assertThat(desk.account(1).base().total()).isEqualTo(b("1004.2833"));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("49001.0269"));
    }

    /** simulator-054.md §4.5 example, with the reservation bounded by the slippage limit. */
    @Test
    void maxSlippageStopsAtTheBoundAndDropsTheRest() {
        Desk desk = book();
        long id = desk.exchange.placeMarket(1, 0, Side.BUY, v("5"), Currency.BASE, 0, r("0.01"), StpMode.CO,
                NO_CLIENT, SettleFlag.FIFO, 0, 0);
        assertThat(desk.recorder.events()).containsExactly(
                new Trade(0, 0, 0, Side.BUY, id, 2, 1, Desk.BOOK_AGENT, p("303"), v("2"), 0, 0),
                new OrderCancelled(0, 0, id, 1, 0, v("3"), 0, CancelReason.UNFILLED));
        assertThat(desk.account(1).quote().total()).isEqualTo(q("49395"));
        assertThat(desk.account(1).quote().reserved()).isZero();
        assertThat(desk.exchange.bestAsk(0)).isEqualTo(p("307"));
    }

    @Test
    void marketSellAgainstAThinBookFillsWhatThereIsAndReleasesTheRest() {
        Desk desk = book();
        long id = desk.market(1, Side.SELL, "5");
        assertThat(desk.recorder.notices(1).getFirst()).isEqualTo(
                new OrderAccepted(0, 0, id, NO_CLIENT, OrderType.MARKET, Side.SELL, 0, v("5"), 0));
        assertThat(desk.recorder.events().getLast()).isEqualTo(
                new OrderCancelled(0, 0, id, 1, 0, v("1"), 0, CancelReason.UNFILLED));
        assertThat(desk.account(1).base().total()).isEqualTo(b("997"));
        assertThat(desk.account(1).base().reserved()).isZero();
        assertThat(desk.account(1).quote().total()).isEqualTo(q("51171"));
        assertThat(desk.exchange.bestBid(0)).isZero();
        desk.exchange.checkInvariants();
    }

    @Test
    void marketOrdersNeedAnOppositeSideAndFunds() {
        Desk desk = book();
        assertThat(desk.exchange.placeMarket(4, 0, Side.BUY, v("1"), StpMode.CO))
                .isEqualTo(io.mvtrx.api.event.RejectReason.NONEXISTENT_ACCOUNT.code());
        desk.fund(4, "0", "100");
        assertThat(desk.exchange.placeMarket(4, 0, Side.BUY, v("1"), StpMode.CO))
                .isEqualTo(io.mvtrx.api.event.RejectReason.INSUFFICIENT_QUOTE.code());
        assertThat(desk.exchange.placeMarket(4, 0, Side.SELL, v("1"), StpMode.CO))
                .isEqualTo(io.mvtrx.api.event.RejectReason.INSUFFICIENT_BASE.code());
    }
}
