package io.mvtrx.runtime.simulator.report;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookReplayTest {

    private static final long MS = 1_000_000L;
    private static final long UNIT = 10_000L;

    private static OrderPlaced placed(long time, long id, Side side, long price, long volume, long leverage) {
        return new OrderPlaced(0, time, id, -1, -1, OrderType.LIMIT, side, price, volume, leverage, StpMode.NONE);
    }

    private static Trade trade(long time, long maker, long price, long volume) {
        return new Trade(0, time, 1, Side.BUY, 99, maker, -2, -1, price, volume, 0, 0);
    }

    private static OrderCancelled cancelled(long time, long id, long price, long volume, long remaining) {
        return new OrderCancelled(0, time, id, -1, price, volume, remaining, CancelReason.REQUESTED);
    }

    /**
     * Bid from 500 ms, ask from 700 ms; the ask is filled at 2 s and replaced at 4.5 s; the bid is cancelled at 5 s;
     * the replay ends at 6 s.
     */
    @Test
    void measuresEverySpellWithAnEmptySideFromTheStart() {
        BookReplay book = new BookReplay(UNIT, 0);

        book.placed(placed(500 * MS, 1, Side.BUY, 100, 10, 0));
        book.placed(placed(700 * MS, 2, Side.SELL, 103, 5, 0));
        assertThat(book.bestBid()).isEqualTo(100);
        assertThat(book.bestAsk()).isEqualTo(103);
        book.traded(trade(2000 * MS, 2, 103, 5));
        assertThat(book.bestAsk()).isZero();
        book.placed(placed(4500 * MS, 3, Side.SELL, 104, 5, 0));
        book.cancelled(cancelled(5000 * MS, 1, 100, 10, 0));
        assertThat(book.bestBid()).isZero();
        book.finish(6000 * MS);

        // bid: 0-0.5 s and 5-6 s; ask: 0-0.7 s and 2-4.5 s
        assertThat(book.longestEmptyBid()).isEqualTo(1000 * MS);
        assertThat(book.totalEmptyBid()).isEqualTo(1500 * MS);
        assertThat(book.longestEmptyAsk()).isEqualTo(2500 * MS);
        assertThat(book.totalEmptyAsk()).isEqualTo(3200 * MS);
    }

    @Test
    void partialFillsAndCancelsShrinkTheLevelAndTheLastOrderOfALevelTakesItAway() {
        BookReplay book = new BookReplay(UNIT, 0);
        book.placed(placed(1, 1, Side.BUY, 100, 10, 0));
        book.placed(placed(2, 2, Side.BUY, 100, 4, 0));
        book.placed(placed(3, 3, Side.BUY, 98, 7, 0));
        book.placed(placed(4, 4, Side.SELL, 105, 3, 0));

        book.traded(trade(5, 1, 100, 6));
        book.cancelled(cancelled(6, 2, 100, 1, 3));
        double[] bid = new double[3];
        double[] ask = new double[3];
        book.addDepth(bid, ask);

        assertThat(bid).containsExactly(4 + 3, 7, 0);
        assertThat(ask).containsExactly(3, 0, 0);

        book.traded(trade(7, 1, 100, 4));
        book.cancelled(cancelled(8, 2, 100, 3, 0));
        assertThat(book.bestBid()).isEqualTo(98);
        assertThat(book.restingOrders()).isEqualTo(2);
    }

    @Test
    void aLeveragedOrderRestsItsLeveragedQuantityAndLeavesWhenThatIsFilled() {
        BookReplay book = new BookReplay(UNIT, 0);
        // own volume 10 lots at leverage 0.5: 15 lots in the book
        book.placed(placed(1, 1, Side.BUY, 100, 10, 5_000));
        book.placed(placed(2, 2, Side.BUY, 99, 1, 0));
        double[] bid = new double[2];
        book.addDepth(bid, new double[2]);
        assertThat(bid).containsExactly(15, 1);

        // a partial cancel leaving 2 own lots keeps 2 + 1
        book.cancelled(cancelled(3, 1, 100, 8, 2));
        bid = new double[2];
        book.addDepth(bid, new double[2]);
        assertThat(bid).containsExactly(3, 1);

        book.traded(trade(4, 1, 100, 3));
        assertThat(book.bestBid()).isEqualTo(99);
    }

    @Test
    void eventsOfUnknownOrdersAreIgnored() {
        BookReplay book = new BookReplay(UNIT, 0);
        book.placed(placed(1, 1, Side.SELL, 101, 5, 0));

        book.traded(trade(2, 42, 101, 5));
        book.cancelled(cancelled(3, 43, 101, 5, 0));

        assertThat(book.bestAsk()).isEqualTo(101);
        assertThat(book.restingOrders()).isEqualTo(1);
    }
}
