package io.mvtrx.plugin.matching.prorata;

import static org.assertj.core.api.Assertions.assertThat;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.book.OrderBookContractTest;
import io.mvtrx.testkit.book.RecordingSink.Fill;
import io.mvtrx.testkit.book.RecordingSink.SelfTradeCancel;

import org.junit.jupiter.api.Test;

class ProRataBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook() {
        return new ProRataBook(new BookSpec(5, BookDecimals.REFERENCE, 4));
    }

    @Override
    protected boolean fillsInQueueOrder() {
        return false;
    }

    /** Level at 101: #1 MAKER 10, #2 OTHER 20, #3 MAKER 30 (total 60). */
    private void restTenTwentyThirty() {
        book.rest(1, MAKER, Side.SELL, 101, 10, 1);
        book.rest(2, OTHER, Side.SELL, 101, 20, 2);
        book.rest(3, MAKER, Side.SELL, 101, 30, 3);
    }

    @Test
    void sharesAreFloorOfProportionWithTheRemainderToTheOldest() {
        restTenTwentyThirty();

        long left = book.match(9, TAKER, Side.BUY, 101, 31, StpMode.CO, sink);

        // floor(31*10/60)=5, floor(31*20/60)=10, floor(31*30/60)=15; 1 lot left over goes to #1.
        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 6, 4),
                new Fill(2, OTHER, 101, 10, 10),
                new Fill(3, MAKER, 101, 15, 15));
        assertThat(levelQuantities(Side.SELL)).containsExactly(101L, 29L, 3L);
    }

    @Test
    void exactProportionsLeaveNoRemainder() {
        restTenTwentyThirty();

        book.match(9, TAKER, Side.BUY, 101, 30, StpMode.CO, sink);

        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 5),
                new Fill(2, OTHER, 101, 10, 10),
                new Fill(3, MAKER, 101, 15, 15));
    }

    @Test
    void oldestOrderTakesAllTheRemainderItHasRoomFor() {
        restTenTwentyThirty();

        book.match(9, TAKER, Side.BUY, 101, 5, StpMode.CO, sink);

        // floors 0, 1, 2 (sum 3); both left-over lots go to #1, which has room for them.
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 2, 8),
                new Fill(2, OTHER, 101, 1, 19),
                new Fill(3, MAKER, 101, 2, 28));
    }

    @Test
    void remainderSkipsAnOrderThatItsShareAlreadyFills() {
        book.rest(1, MAKER, Side.SELL, 101, 1, 1);
        book.rest(2, OTHER, Side.SELL, 101, 1, 2);
        book.rest(3, MAKER, Side.SELL, 101, 98, 3);

        book.match(9, TAKER, Side.BUY, 101, 99, StpMode.CO, sink);

        // floors 0, 0, 97 (sum 97); leftover 2 → #1 takes 1 (its size), #2 takes 1.
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 1, 0),
                new Fill(2, OTHER, 101, 1, 0),
                new Fill(3, MAKER, 101, 97, 1));
        assertThat(orderIdsAt(Side.SELL, 101)).containsExactly(3L);
    }

    @Test
    void takerLargerThanTheLevelFillsItAndMovesOn() {
        restTenTwentyThirty();
        book.rest(4, OTHER, Side.SELL, 102, 10, 4);
        book.rest(5, MAKER, Side.SELL, 102, 30, 5);

        long left = book.match(9, TAKER, Side.BUY, 102, 70, StpMode.CO, sink);

        // level 101 fills whole (60); 10 left for level 102 of 40: floors 2 and 7, leftover 1 → #4.
        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 10, 0),
                new Fill(2, OTHER, 101, 20, 0),
                new Fill(3, MAKER, 101, 30, 0),
                new Fill(4, OTHER, 102, 3, 7),
                new Fill(5, MAKER, 102, 7, 23));
    }

    @Test
    void sharesStayExactForQuantitiesWhoseProductOverflowsALong() {
        long lot = 1_000_000_000_000L;
        book.rest(1, MAKER, Side.BUY, 99, 10 * lot, 1);
        book.rest(2, OTHER, Side.BUY, 99, 20 * lot, 2);
        book.rest(3, MAKER, Side.BUY, 99, 30 * lot, 3);

        book.match(9, TAKER, Side.SELL, 99, 31 * lot + 1, StpMode.CO, sink);

        // (31e12+1)*10e12/60e12 = 5.1666...e12 → floor 5_166_666_666_666; likewise 10_333_333_333_333 and
        // 15_500_000_000_000 (sum 31e12 - 1); the 2 lots left go to #1.
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 99, 5_166_666_666_668L, 10 * lot - 5_166_666_666_668L),
                new Fill(2, OTHER, 99, 10_333_333_333_333L, 20 * lot - 10_333_333_333_333L),
                new Fill(3, MAKER, 99, 15_500_000_000_000L, 30 * lot - 15_500_000_000_000L));
        assertThat(sink.filledQuantity()).isEqualTo(31 * lot + 1);
    }

    @Test
    void cancelOldestRemovesOwnOrdersOfTheLevelThenAllocatesAmongTheOthers() {
        restTenTwentyThirty();
        book.rest(4, TAKER, Side.SELL, 101, 40, 4);
        book.rest(5, OTHER, Side.SELL, 101, 30, 5);

        long left = book.match(9, TAKER, Side.BUY, 101, 31, StpMode.CO, sink);

        // own #4 cancelled; others total 90: floors 3, 6, 10, 10 (sum 29), leftover 2 → #1.
        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new SelfTradeCancel(4, 101, 40, 0),
                new Fill(1, MAKER, 101, 5, 5),
                new Fill(2, OTHER, 101, 6, 14),
                new Fill(3, MAKER, 101, 10, 20),
                new Fill(5, OTHER, 101, 10, 20));
    }

    @Test
    void cancelNewestEndsTheTakerAtALevelHoldingAnOwnOrderWithoutFillingIt() {
        book.rest(6, MAKER, Side.SELL, 100, 5, 0);
        restTenTwentyThirty();
        book.rest(4, TAKER, Side.SELL, 101, 40, 4);

        long left = book.match(9, TAKER, Side.BUY, 101, 31, StpMode.CN, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(new Fill(6, MAKER, 100, 5, 0));
        assertThat(levelQuantities(Side.SELL)).containsExactly(101L, 100L, 4L);
    }

    @Test
    void cancelBothCancelsEveryOwnOrderOfTheLevelAndEndsTheTaker() {
        restTenTwentyThirty();
        book.rest(4, TAKER, Side.SELL, 101, 40, 4);
        book.rest(5, TAKER, Side.SELL, 101, 7, 5);

        long left = book.match(9, TAKER, Side.BUY, 101, 31, StpMode.CB, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new SelfTradeCancel(4, 101, 40, 0),
                new SelfTradeCancel(5, 101, 7, 0));
        assertThat(levelQuantities(Side.SELL)).containsExactly(101L, 60L, 3L);
    }

    @Test
    void decrementCancelConsumesOwnOrdersFirstThenAllocatesTheRest() {
        restTenTwentyThirty();
        book.rest(4, TAKER, Side.SELL, 101, 4, 4);
        book.rest(5, TAKER, Side.SELL, 101, 5, 5);

        long left = book.match(9, TAKER, Side.BUY, 101, 40, StpMode.DC, sink);

        // 40 - 4 - 5 = 31 left for 10/20/30: 6, 10, 15 as in the plain case.
        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new SelfTradeCancel(4, 101, 4, 0),
                new SelfTradeCancel(5, 101, 5, 0),
                new Fill(1, MAKER, 101, 6, 4),
                new Fill(2, OTHER, 101, 10, 10),
                new Fill(3, MAKER, 101, 15, 15));
    }

    @Test
    void decrementCancelEndsTheTakerOnALargerOwnOrder() {
        restTenTwentyThirty();
        book.rest(4, TAKER, Side.SELL, 101, 4, 4);
        book.rest(5, TAKER, Side.SELL, 101, 50, 5);

        long left = book.match(9, TAKER, Side.BUY, 101, 40, StpMode.DC, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new SelfTradeCancel(4, 101, 4, 0),
                new SelfTradeCancel(5, 101, 36, 14));
        assertThat(levelQuantities(Side.SELL)).containsExactly(101L, 74L, 4L);
    }

    @Test
    void withoutPreventionOwnOrdersShareLikeAnyOther() {
        restTenTwentyThirty();
        book.rest(4, TAKER, Side.SELL, 101, 40, 4);

        book.match(9, TAKER, Side.BUY, 101, 50, StpMode.NONE, sink);

        // total 100: 5, 10, 15, 20 exactly.
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 5),
                new Fill(2, OTHER, 101, 10, 10),
                new Fill(3, MAKER, 101, 15, 15),
                new Fill(4, TAKER, 101, 20, 20));
    }

    @Test
    void steadyStateWithinTheSizingAllocatesNothingFromThePools() {
        ProRataBook sized = new ProRataBook(new BookSpec(0, BookDecimals.REFERENCE, 64));
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 32; i++) {
                sized.rest(round * 100L + i, i, Side.SELL, 1_000 + i % 8, 10 + i, i);
            }
            sized.match(-1, 999, Side.BUY, 1_003, 100, StpMode.CO, sink);
            sized.match(-1, 999, Side.BUY, OrderBook.NO_PRICE, 1_000, StpMode.CO, sink);
        }

        assertThat(sized.orderCount()).isZero();
        assertThat(sized.poolMisses()).isZero();
        assertThat(sized.growths()).isZero();
    }

    @Test
    void levelOfOnlyOwnOrdersIsClearedByCancelOldestAndMatchingGoesDeeper() {
        book.rest(1, TAKER, Side.SELL, 101, 10, 1);
        book.rest(2, TAKER, Side.SELL, 101, 10, 2);
        book.rest(3, OTHER, Side.SELL, 102, 10, 3);

        long left = book.match(9, TAKER, Side.BUY, 102, 4, StpMode.CO, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new SelfTradeCancel(1, 101, 10, 0),
                new SelfTradeCancel(2, 101, 10, 0),
                new Fill(3, OTHER, 102, 4, 6));
        assertThat(book.bestAsk()).isEqualTo(102);
    }
}
