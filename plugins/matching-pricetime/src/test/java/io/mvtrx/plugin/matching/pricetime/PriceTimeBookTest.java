package io.mvtrx.plugin.matching.pricetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.book.OrderBookContractTest;
import io.mvtrx.testkit.book.RecordingSink.Fill;
import io.mvtrx.testkit.book.RecordingSink.SelfTradeCancel;

import org.junit.jupiter.api.Test;

class PriceTimeBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook() {
        return new PriceTimeBook(new BookSpec(7, BookDecimals.REFERENCE, 4));
    }

    @Test
    void reportsItsBookId() {
        assertThat(book.bookId()).isEqualTo(7);
    }

    @Test
    void cancelOldestSkipsOwnOrdersInsideALevel() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, TAKER, Side.SELL, 101, 5, 2);
        book.rest(3, OTHER, Side.SELL, 101, 5, 3);

        long left = book.match(9, TAKER, Side.BUY, 101, 8, StpMode.CO, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 101, 5, 0),
                new Fill(3, OTHER, 101, 3, 2));
    }

    @Test
    void cancelNewestStopsBehindOrdersAheadOfOwnOrderInTheSameLevel() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, TAKER, Side.SELL, 101, 5, 2);
        book.rest(3, OTHER, Side.SELL, 101, 5, 3);

        long left = book.match(9, TAKER, Side.BUY, 101, 8, StpMode.CN, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(new Fill(1, MAKER, 101, 5, 0));
        assertThat(orderIdsAt(Side.SELL, 101)).containsExactly(2L, 3L);
    }

    @Test
    void cancelledMiddleOrderKeepsTheRestOfTheQueue() {
        book.rest(1, MAKER, Side.BUY, 99, 5, 1);
        book.rest(2, OTHER, Side.BUY, 99, 6, 2);
        book.rest(3, MAKER, Side.BUY, 99, 7, 3);

        book.reduce(2, 6);
        book.rest(4, OTHER, Side.BUY, 99, 8, 4);

        assertThat(orderIdsAt(Side.BUY, 99)).containsExactly(1L, 3L, 4L);
        assertThat(levelQuantities(Side.BUY)).containsExactly(99L, 20L, 3L);
    }

    @Test
    void levelsInsertedBehindTheTouchKeepPriceOrder() {
        for (long price : new long[] {100, 90, 95, 99, 91, 97}) {
            book.rest(price, MAKER, Side.BUY, price, 1, price);
            book.rest(1000 + price, MAKER, Side.SELL, 200 - price + 110, 1, price);
        }
        book.reduce(95, 1);
        book.reduce(1000 + 95, 1);

        assertThat(levelQuantities(Side.BUY)).containsExactly(
                100L, 1L, 1L, 99L, 1L, 1L, 97L, 1L, 1L, 91L, 1L, 1L, 90L, 1L, 1L);
        assertThat(levelQuantities(Side.SELL)).containsExactly(
                210L, 1L, 1L, 211L, 1L, 1L, 213L, 1L, 1L, 219L, 1L, 1L, 220L, 1L, 1L);
    }

    @Test
    void steadyStateWithinTheSizingAllocatesNothingFromThePools() {
        PriceTimeBook sized = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 64));
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 32; i++) {
                sized.rest(round * 100L + i, i, Side.SELL, 1_000 + i, 10, i);
            }
            sized.match(-1, 999, Side.BUY, OrderBook.NO_PRICE, 320, StpMode.CO, sink);
        }

        assertThat(sized.orderCount()).isZero();
        assertThat(sized.poolMisses()).isZero();
        assertThat(sized.growths()).isZero();
    }

    @Test
    void poolsGrowPastTheirSizingAndCountTheMisses() {
        PriceTimeBook small = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 0));
        for (int i = 0; i < 100; i++) {
            small.rest(i, 1, Side.BUY, 1 + i, 1, i);
        }

        assertThat(small.orderCount()).isEqualTo(100);
        assertThat(small.poolMisses()).isEqualTo(2 * (100 - 16));
        assertThat(small.growths()).isPositive();
        assertThat(small.bestBid()).isEqualTo(100);
    }

    @Test
    void levelsBelowTheWindowMoveBackUpWhenTheWindowEmpties() {
        PriceTimeBook narrow = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4), 64);
        narrow.rest(1, MAKER, Side.BUY, 1_000, 5, 1);
        narrow.rest(2, MAKER, Side.BUY, 1_100, 6, 2);
        narrow.rest(3, OTHER, Side.BUY, 1_001, 7, 3);

        assertThat(narrow.bestBid()).isEqualTo(1_100);
        assertThat(narrow.reduce(2, 6)).isEqualTo(6);
        narrow.rest(4, OTHER, Side.BUY, 1_000, 8, 4);

        assertThat(narrow.bestBid()).isEqualTo(1_001);
        book = narrow;
        assertThat(levelQuantities(Side.BUY)).containsExactly(1_001L, 7L, 1L, 1_000L, 13L, 2L);
        assertThat(orderIdsAt(Side.BUY, 1_000)).containsExactly(1L, 4L);
    }

    @Test
    void aSweepFarThroughTheWindowLeavesTheDeepLevelsInOrder() {
        PriceTimeBook narrow = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4), 64);
        for (int i = 0; i < 10; i++) {
            narrow.rest(i, MAKER, Side.SELL, 2_000 + 30L * i, 1, i);
        }

        long left = narrow.match(99, TAKER, Side.BUY, 2_150, 100, StpMode.CO, sink);

        assertThat(left).isEqualTo(94);
        assertThat(narrow.bestAsk()).isEqualTo(2_180);
        book = narrow;
        assertThat(levelQuantities(Side.SELL)).containsExactly(
                2_180L, 1L, 1L, 2_210L, 1L, 1L, 2_240L, 1L, 1L, 2_270L, 1L, 1L);
        assertThat(narrow.stateHash()).isEqualTo(restedAsks(2_180, 2_210, 2_240, 2_270));
    }

    @Test
    void windowMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new PriceTimeBook(new BookSpec(2, BookDecimals.REFERENCE, 4), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("book 2: window must be a power of two >= 64, got 100");
    }

    private static long restedAsks(long... prices) {
        PriceTimeBook fresh = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4));
        for (long price : prices) {
            fresh.rest((price - 2_000) / 30, MAKER, Side.SELL, price, 1, 0);
        }
        return fresh.stateHash();
    }

    @Test
    void negativeQuantityIsACallerBug() {
        assertThatThrownBy(() -> book.match(1, TAKER, Side.BUY, 100, -1, StpMode.CO, sink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("book 7: order 1: quantity must be >= 0, got -1");
    }
}
