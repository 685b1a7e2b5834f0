package io.mvtrx.runtime.dashboard;

import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.state.BookState;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookTrackerTest {

    /** Prices at 2 decimals, volumes at 4. */
    static final BookDecimals DECIMALS = BookDecimals.REFERENCE;

    static BookState book(int id, long ts, long bid, long ask, Trade... trades) {
        List<Level> bids = List.of(new Level(bid, 30_000, List.of(new RestingOrder(7, 3, 10_000, ts - 5),
                new RestingOrder(8, 4, 20_000, ts - 4))), Level.broad(bid - 1, 50_000));
        List<Level> asks = List.of(new Level(ask, 15_000, List.of(new RestingOrder(9, 5, 15_000, ts - 3))));
        return new BookState(new BookSnapshot(id, ts, bids, asks), List.of(trades), 0);
    }

    static Trade trade(int book, long ts, long price, long volume) {
        return new Trade(book, ts, ts, Side.BUY, 1, 2, 3, 4, price, volume, 0, 0);
    }

    @Test
    void convertsTheLadderToDecimalsWithItsOrders() {
        BookTracker tracker = new BookTracker(DECIMALS, 20);

        BookView view = tracker.views(List.of(book(0, 1_000, 9_990, 10_010)), new double[] {100.05}).getFirst();

        assertThat(view.bestBid()).isEqualTo(99.90);
        assertThat(view.bestAsk()).isEqualTo(100.10);
        assertThat(view.mid()).isEqualTo(100.0);
        assertThat(view.spread()).isEqualTo(0.20);
        assertThat(view.fundamental()).isEqualTo(100.05);
        assertThat(view.bids()).hasSize(2);
        assertThat(view.bids().getFirst().volume()).isEqualTo(3.0);
        assertThat(view.bids().getFirst().orders()).containsExactly(new BookView.RestingOrderView(7, 3, 1.0),
                new BookView.RestingOrderView(8, 4, 2.0));
        assertThat(view.bids().get(1).orders()).isEmpty();
        assertThat(view.asks().getFirst().price()).isEqualTo(100.10);
        assertThat(view.history()).containsExactly(new BookView.PricePoint(1_000, 100.0, 100.05));
    }

    @Test
    void keepsTheNewestTradesFirstAndBoundsThem() {
        BookTracker tracker = new BookTracker(DECIMALS, 1);
        for (int i = 0; i < BookTracker.TRADES_KEPT + 5; i++) {
            tracker.record(List.of(book(0, i, 9_990, 10_010, trade(0, i, 10_000 + i, 5_000))));
        }

        BookView view = tracker.views(List.of(book(0, 99, 9_990, 10_010)), new double[0]).getFirst();

        assertThat(view.trades()).hasSize(BookTracker.TRADES_KEPT);
        assertThat(view.trades().getFirst()).isEqualTo(new BookView.TradeView(44, 100.44, 0.5, "BUY"));
        assertThat(view.trades().getLast().timestamp()).isEqualTo(5);
        assertThat(view.bids()).hasSize(1);
        assertThat(view.fundamental()).isNaN();
    }

    @Test
    void midAndSpreadComeFromTicksWithoutBinaryNoise() {
        BookTracker tracker = new BookTracker(DECIMALS, 1);

        BookView view = tracker.views(List.of(book(0, 1, 30_004, 30_005)), new double[0]).getFirst();

        assertThat(view.mid()).isEqualTo(300.045);
        assertThat(view.spread()).isEqualTo(0.01);
    }

    @Test
    void anEmptySideHasNoMid() {
        BookTracker tracker = new BookTracker(DECIMALS, 5);
        BookState oneSided = new BookState(new BookSnapshot(2, 10, List.of(Level.broad(9_990, 1)), List.of()),
                List.of(), 0);

        BookView view = tracker.views(List.of(oneSided), new double[] {Double.NaN}).getFirst();

        assertThat(view.bestAsk()).isNaN();
        assertThat(view.mid()).isNaN();
        assertThat(view.history().getFirst().mid()).isNaN();
    }
}
