package io.mvtrx.testkit.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.Snapshots;
import io.mvtrx.testkit.book.RecordingSink.Fill;
import io.mvtrx.testkit.book.RecordingSink.SelfTradeCancel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios with exact numbers that every {@link OrderBook} passes, whatever its matching rule. A book's test extends
 * this class and answers {@link #newBook()}; a rule that does not fill a level in queue order (pro-rata) answers
 * {@code false} from {@link #fillsInQueueOrder()} and the FIFO scenarios are skipped for it. Scenarios that mix
 * several orders at one level during matching are FIFO scenarios; the rest put one order per level.
 *
 * {@snippet :
 * class PriceTimeBookTest extends OrderBookContractTest {
 *     @Override
 *     protected OrderBook newBook() {
 *         return new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 16));
 *     }
 * }
 * }
 */
public abstract class OrderBookContractTest {

    /** Agent of most resting orders. */
    protected static final int MAKER = 1;
    /** Another resting agent. */
    protected static final int OTHER = 2;
    /** The taker's agent. */
    protected static final int TAKER = 3;

    protected OrderBook book;
    protected RecordingSink sink;

    /** A new, empty book under test. */
    protected abstract OrderBook newBook();

    /** Whether orders of one level fill oldest first (price-time); pro-rata books answer false. */
    protected boolean fillsInQueueOrder() {
        return true;
    }

    /**
     * Whether the book saves its state for checkpoints ({@code io.mvtrx.api.snapshot.Snapshottable}); every
     * built-in book does.
     */
    protected boolean snapshots() {
        return true;
    }

    @BeforeEach
    void createBook() {
        book = newBook();
        sink = new RecordingSink();
    }

    @Test
    void emptyBookHasNoPricesAndNoOrders() {
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.orderCount()).isZero();
        assertThat(book.quantity(1)).isEqualTo(-1);
    }

    @Test
    void restedOrdersSetBestPricesAndCounts() {
        book.rest(1, MAKER, Side.BUY, 98, 10, 1);
        book.rest(2, MAKER, Side.BUY, 99, 20, 2);
        book.rest(3, OTHER, Side.SELL, 102, 30, 3);
        book.rest(4, OTHER, Side.SELL, 101, 40, 4);

        assertThat(book.bestBid()).isEqualTo(99);
        assertThat(book.bestAsk()).isEqualTo(101);
        assertThat(book.orderCount()).isEqualTo(4);
        assertThat(book.quantity(1)).isEqualTo(10);
        assertThat(book.quantity(4)).isEqualTo(40);
    }

    @Test
    void matchOnAnEmptySideReturnsTheWholeQuantity() {
        book.rest(1, MAKER, Side.BUY, 99, 10, 1);

        assertThat(book.match(9, TAKER, Side.BUY, 100, 10, StpMode.CO, sink)).isEqualTo(10);
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void matchOfZeroQuantityDoesNothing() {
        book.rest(1, MAKER, Side.SELL, 101, 10, 1);

        assertThat(book.match(9, TAKER, Side.BUY, 101, 0, StpMode.CO, sink)).isZero();
        assertThat(sink.events()).isEmpty();
        assertThat(book.quantity(1)).isEqualTo(10);
    }

    @Test
    void buyFillsAtRestingPricesBestFirstAcrossLevels() {
        restAsks();

        long left = book.match(9, TAKER, Side.BUY, 102, 10, StpMode.CO, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new Fill(2, OTHER, 102, 5, 2));
        assertThat(book.bestAsk()).isEqualTo(102);
        assertThat(book.quantity(1)).isEqualTo(-1);
        assertThat(book.quantity(2)).isEqualTo(2);
        assertThat(book.orderCount()).isEqualTo(2);
    }

    @Test
    void limitPriceStopsMatchingAndReturnsTheRemainder() {
        restAsks();

        long left = book.match(9, TAKER, Side.BUY, 102, 20, StpMode.CO, sink);

        assertThat(left).isEqualTo(8);
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new Fill(2, OTHER, 102, 7, 0));
        assertThat(book.bestAsk()).isEqualTo(103);
        assertThat(book.orderCount()).isEqualTo(1);
    }

    @Test
    void marketOrderMatchesWithoutLimitAndReturnsWhatTheSideLacks() {
        restAsks();

        long left = book.match(9, TAKER, Side.BUY, OrderBook.NO_PRICE, 100, StpMode.CO, sink);

        assertThat(left).isEqualTo(84);
        assertThat(sink.filledQuantity()).isEqualTo(16);
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void sellFillsBidsHighestFirstAtTheirPrices() {
        book.rest(1, MAKER, Side.BUY, 99, 5, 1);
        book.rest(2, OTHER, Side.BUY, 98, 5, 2);
        book.rest(3, OTHER, Side.BUY, 97, 5, 3);

        long left = book.match(9, TAKER, Side.SELL, 98, 7, StpMode.CO, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 99, 5, 0),
                new Fill(2, OTHER, 98, 2, 3));
        assertThat(book.bestBid()).isEqualTo(98);
    }

    @Test
    void ordersOfOneLevelFillOldestFirst() {
        assumeTrue(fillsInQueueOrder(), "time priority within a level");
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, OTHER, Side.SELL, 101, 5, 2);
        book.rest(3, MAKER, Side.SELL, 101, 5, 3);

        long left = book.match(9, TAKER, Side.BUY, 101, 7, StpMode.CO, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new Fill(2, OTHER, 101, 2, 3));
        assertThat(orderIdsAt(Side.SELL, 101)).containsExactly(2L, 3L);
    }

    @Test
    void partialCancelKeepsQueuePosition() {
        assumeTrue(fillsInQueueOrder(), "time priority within a level");
        book.rest(1, MAKER, Side.SELL, 101, 10, 1);
        book.rest(2, OTHER, Side.SELL, 101, 10, 2);

        assertThat(book.reduce(1, 6)).isEqualTo(6);
        book.match(9, TAKER, Side.BUY, 101, 5, StpMode.CO, sink);

        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 4, 0),
                new Fill(2, OTHER, 101, 1, 9));
    }

    @Test
    void takerThatMeetsAWholeLevelFillsEveryOrderInQueueOrder() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, OTHER, Side.SELL, 101, 6, 2);
        book.rest(3, MAKER, Side.SELL, 102, 7, 3);

        long left = book.match(9, TAKER, Side.BUY, 101, 20, StpMode.CO, sink);

        assertThat(left).isEqualTo(9);
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new Fill(2, OTHER, 101, 6, 0));
        assertThat(book.bestAsk()).isEqualTo(102);
    }

    @Test
    void filledOrdersLeaveTheBookAtOnce() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, OTHER, Side.SELL, 102, 5, 2);

        book.match(9, TAKER, Side.BUY, 101, 5, StpMode.CO, sink);

        assertThat(book.quantity(1)).isEqualTo(-1);
        assertThat(book.orderCount()).isEqualTo(1);
        assertThat(book.bestAsk()).isEqualTo(102);
        assertThat(orderIdsAt(Side.SELL, 101)).isEmpty();
        assertThat(book.reduce(1, 5)).isZero();
    }

    @Test
    void sinkSeesTheBookAfterEachEvent() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, TAKER, Side.SELL, 102, 5, 2);
        book.rest(3, OTHER, Side.SELL, 103, 5, 3);
        List<String> seen = new ArrayList<>();
        MatchSink probe = new MatchSink() {
            @Override
            public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                               long makerRemaining) {
                seen.add("fill " + makerOrderId + " " + book.quantity(makerOrderId) + " " + book.orderCount());
            }

            @Override
            public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                          long makerRemaining) {
                seen.add("stp " + makerOrderId + " " + book.quantity(makerOrderId) + " " + book.orderCount());
            }
        };

        book.match(9, TAKER, Side.BUY, 103, 8, StpMode.CO, probe);

        assertThat(seen).containsExactly("fill 1 -1 2", "stp 2 -1 1", "fill 3 2 1");
    }

    @Test
    void everyEventCarriesTheHandleTheMakerRestedWith() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1, 40);
        book.rest(2, TAKER, Side.SELL, 102, 5, 2, 7);
        book.rest(3, OTHER, Side.SELL, 103, 5, 3, 0);
        book.rest(4, OTHER, Side.BUY, 99, 5, 4, 1_000_000);

        book.match(9, TAKER, Side.BUY, 103, 8, StpMode.CO, sink);

        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 102, 5, 0),
                new Fill(3, OTHER, 103, 3, 2));
        assertThat(sink.handles()).containsExactly(40, 7, 0);
        assertThat(book.handle(1)).as("filled").isEqualTo(OrderBook.NO_HANDLE);
        assertThat(book.handle(2)).as("cancelled by STP").isEqualTo(OrderBook.NO_HANDLE);
        assertThat(book.handle(3)).isZero();
        assertThat(book.handle(4)).isEqualTo(1_000_000);
        assertThat(book.handle(5)).as("never rested").isEqualTo(OrderBook.NO_HANDLE);
        book.reduce(4, 5);
        assertThat(book.handle(4)).as("reduced to nothing").isEqualTo(OrderBook.NO_HANDLE);
        assertThatThrownBy(() -> book.rest(6, MAKER, Side.BUY, 98, 5, 6, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.orderCount()).isEqualTo(1);
    }

    @Test
    void restRefusesAnOrderThatWouldCross() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, MAKER, Side.BUY, 99, 5, 2);

        assertThatThrownBy(() -> book.rest(3, TAKER, Side.BUY, 101, 5, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.rest(4, TAKER, Side.SELL, 99, 5, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.orderCount()).isEqualTo(2);
    }

    @Test
    void restRefusesADuplicateIdAndNonPositiveNumbers() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);

        assertThatThrownBy(() -> book.rest(1, MAKER, Side.SELL, 102, 5, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.rest(2, MAKER, Side.SELL, 102, 0, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.rest(3, MAKER, Side.SELL, 0, 5, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.orderCount()).isEqualTo(1);
        assertThat(book.quantity(1)).isEqualTo(5);
    }

    @Test
    void partialReduceRemovesOnlyWhatIsAsked() {
        book.rest(1, MAKER, Side.BUY, 99, 10, 1);

        assertThat(book.reduce(1, 4)).isEqualTo(4);

        assertThat(book.quantity(1)).isEqualTo(6);
        assertThat(levelQuantities(Side.BUY)).containsExactly(99L, 6L, 1L);
    }

    @Test
    void fullReduceRemovesTheOrderAndItsLevel() {
        book.rest(1, MAKER, Side.BUY, 99, 10, 1);
        book.rest(2, MAKER, Side.BUY, 98, 10, 2);

        assertThat(book.reduce(1, 25)).isEqualTo(10);

        assertThat(book.quantity(1)).isEqualTo(-1);
        assertThat(book.bestBid()).isEqualTo(98);
        assertThat(book.orderCount()).isEqualTo(1);
    }

    @Test
    void reduceOfAnUnknownOrderOrOfNothingRemovesNothing() {
        book.rest(1, MAKER, Side.BUY, 99, 10, 1);

        assertThat(book.reduce(7, 5)).isZero();
        assertThat(book.reduce(1, 0)).isZero();
        assertThat(book.quantity(1)).isEqualTo(10);
    }

    @Test
    void cancelOldestCancelsOwnRestingOrderAndContinues() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 20, StpMode.CO, sink);

        assertThat(left).isEqualTo(5);
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 102, 10, 0),
                new Fill(3, OTHER, 103, 10, 0));
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void cancelNewestEndsTheTakerAndLeavesOwnOrder() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 20, StpMode.CN, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(new Fill(1, MAKER, 101, 5, 0));
        assertThat(book.quantity(2)).isEqualTo(10);
        assertThat(book.quantity(3)).isEqualTo(10);
    }

    @Test
    void cancelBothEndsTheTakerAndCancelsOwnOrder() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 20, StpMode.CB, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 102, 10, 0));
        assertThat(book.quantity(2)).isEqualTo(-1);
        assertThat(book.quantity(3)).isEqualTo(10);
    }

    @Test
    void decrementCancelWithSmallerRestingCancelsItAndContinues() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 20, StpMode.DC, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 102, 10, 0),
                new Fill(3, OTHER, 103, 5, 5));
    }

    @Test
    void decrementCancelWithLargerRestingReducesItAndEndsTheTaker() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 8, StpMode.DC, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 102, 3, 7));
        assertThat(book.quantity(2)).isEqualTo(7);
        assertThat(book.quantity(3)).isEqualTo(10);
    }

    @Test
    void decrementCancelWithEqualSizesRemovesBoth() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 15, StpMode.DC, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new SelfTradeCancel(2, 102, 10, 0));
        assertThat(book.quantity(2)).isEqualTo(-1);
        assertThat(book.quantity(3)).isEqualTo(10);
    }

    @Test
    void withoutPreventionTheAgentTradesWithItself() {
        restStpLadder();

        long left = book.match(9, TAKER, Side.BUY, 103, 20, StpMode.NONE, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 5, 0),
                new Fill(2, TAKER, 102, 10, 0),
                new Fill(3, OTHER, 103, 5, 5));
    }

    @Test
    void preventionAppliesToSellTakersToo() {
        book.rest(1, TAKER, Side.BUY, 99, 4, 1);
        book.rest(2, MAKER, Side.BUY, 98, 4, 2);

        long left = book.match(9, TAKER, Side.SELL, 98, 6, StpMode.CO, sink);

        assertThat(left).isEqualTo(2);
        assertThat(sink.events()).containsExactly(
                new SelfTradeCancel(1, 99, 4, 0),
                new Fill(2, MAKER, 98, 4, 0));
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
    }

    @Test
    void walkVisitsOrdersInPriorityWithinTheLimit() {
        restAsks();
        book.rest(4, MAKER, Side.BUY, 99, 1, 4);
        List<String> visited = new ArrayList<>();

        book.walk(Side.SELL, 102, (id, agent, price, quantity) -> visited.add(id + "@" + price + "x" + quantity));

        assertThat(visited).containsExactly("1@101x5", "2@102x7");
    }

    @Test
    void walkWithoutLimitVisitsTheWholeSideUntilTheVisitorStops() {
        restAsks();
        List<Long> all = new ArrayList<>();
        List<Long> two = new ArrayList<>();

        book.walk(Side.SELL, OrderBook.NO_PRICE, (id, agent, price, quantity) -> all.add(id));
        book.walk(Side.SELL, OrderBook.NO_PRICE, (id, agent, price, quantity) -> two.add(id) && two.size() < 2);

        assertThat(all).containsExactly(1L, 2L, 3L);
        assertThat(two).containsExactly(1L, 2L);
    }

    @Test
    void walkOfBidsGoesDownToTheLimit() {
        book.rest(1, MAKER, Side.BUY, 99, 5, 1);
        book.rest(2, OTHER, Side.BUY, 97, 6, 2);
        book.rest(3, MAKER, Side.BUY, 98, 7, 3);
        List<Long> visited = new ArrayList<>();

        book.walk(Side.BUY, 98, (id, agent, price, quantity) -> visited.add(id));

        assertThat(visited).containsExactly(1L, 3L);
    }

    @Test
    void walkChangesNothing() {
        restAsks();
        long before = book.stateHash();

        book.walk(Side.SELL, OrderBook.NO_PRICE, (id, agent, price, quantity) -> true);

        assertThat(book.stateHash()).isEqualTo(before);
        assertThat(book.orderCount()).isEqualTo(3);
    }

    @Test
    void levelsAreVisitedBestFirstUpToTheDepth() {
        book.rest(1, MAKER, Side.BUY, 99, 5, 1);
        book.rest(2, OTHER, Side.BUY, 99, 6, 2);
        book.rest(3, MAKER, Side.BUY, 97, 7, 3);
        book.rest(4, MAKER, Side.BUY, 98, 8, 4);

        assertThat(levelQuantities(Side.BUY, 2)).containsExactly(99L, 11L, 2L, 98L, 8L, 1L);
        assertThat(levelQuantities(Side.BUY)).containsExactly(99L, 11L, 2L, 98L, 8L, 1L, 97L, 7L, 1L);
        assertThat(levelQuantities(Side.SELL)).isEmpty();
    }

    @Test
    void levelOrdersAreVisitedInQueueOrder() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, OTHER, Side.SELL, 102, 6, 2);
        book.rest(3, OTHER, Side.SELL, 101, 7, 3);
        book.rest(4, MAKER, Side.SELL, 101, 8, 4);

        assertThat(orderIdsAt(Side.SELL, 101)).containsExactly(1L, 3L, 4L);
        assertThat(orderIdsAt(Side.SELL, 103)).isEmpty();
        assertThat(orderIdsAt(Side.BUY, 101)).isEmpty();
    }

    @Test
    void equalBooksHaveEqualHashes() {
        OrderBook other = newBook();
        for (OrderBook b : List.of(book, other)) {
            b.rest(1, MAKER, Side.SELL, 101, 5, 1);
            b.rest(2, OTHER, Side.SELL, 101, 6, 2);
            b.rest(3, MAKER, Side.BUY, 99, 7, 3);
        }

        assertThat(book.stateHash()).isEqualTo(other.stateHash());
    }

    @Test
    void hashTellsQuantitiesQueueOrderAndSidesApart() {
        OrderBook a = newBook();
        a.rest(1, MAKER, Side.SELL, 101, 5, 1);
        a.rest(2, OTHER, Side.SELL, 101, 6, 2);
        OrderBook swapped = newBook();
        swapped.rest(2, OTHER, Side.SELL, 101, 6, 1);
        swapped.rest(1, MAKER, Side.SELL, 101, 5, 2);
        OrderBook smaller = newBook();
        smaller.rest(1, MAKER, Side.SELL, 101, 4, 1);
        smaller.rest(2, OTHER, Side.SELL, 101, 6, 2);
        OrderBook bids = newBook();
        bids.rest(1, MAKER, Side.BUY, 101, 5, 1);
        bids.rest(2, OTHER, Side.BUY, 101, 6, 2);

        assertThat(List.of(a.stateHash(), swapped.stateHash(), smaller.stateHash(), bids.stateHash()))
                .doesNotHaveDuplicates();
    }

    @Test
    void emptiedBookHashesLikeANewOne() {
        restAsks();
        book.rest(4, MAKER, Side.BUY, 99, 5, 4);

        book.match(9, TAKER, Side.BUY, OrderBook.NO_PRICE, 16, StpMode.CO, sink);
        book.reduce(4, 5);

        assertThat(book.orderCount()).isZero();
        assertThat(book.stateHash()).isEqualTo(newBook().stateHash());
    }

    @Test
    void restingAgainAtAnEmptiedPriceStartsAFreshLevel() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.match(9, TAKER, Side.BUY, 101, 5, StpMode.CO, sink);

        book.rest(2, OTHER, Side.SELL, 101, 3, 2);

        assertThat(levelQuantities(Side.SELL)).containsExactly(101L, 3L, 1L);
        assertThat(book.bestAsk()).isEqualTo(101);
    }

    @Test
    void largeQuantitiesDoNotOverflow() {
        long big = 3_000_000_000_000_000L;
        book.rest(1, MAKER, Side.SELL, 101, big, 1);
        book.rest(2, OTHER, Side.SELL, 101, big, 2);

        long left = book.match(9, TAKER, Side.BUY, 101, 3 * big, StpMode.CO, sink);

        assertThat(left).isEqualTo(big);
        assertThat(sink.filledQuantity()).isEqualTo(2 * big);
    }

    /** Asks: #1 MAKER 5@101, #2 OTHER 7@102, #3 OTHER 4@103. */
    protected void restAsks() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, OTHER, Side.SELL, 102, 7, 2);
        book.rest(3, OTHER, Side.SELL, 103, 4, 3);
    }

    /** Asks, one order a level: #1 MAKER 5@101, #2 TAKER's own 10@102, #3 OTHER 10@103. */
    protected void restStpLadder() {
        book.rest(1, MAKER, Side.SELL, 101, 5, 1);
        book.rest(2, TAKER, Side.SELL, 102, 10, 2);
        book.rest(3, OTHER, Side.SELL, 103, 10, 3);
    }

    /** Order ids at one level, in queue order. */
    protected List<Long> orderIdsAt(Side side, long price) {
        List<Long> ids = new ArrayList<>();
        book.levelOrders(side, price, (id, agent, p, quantity) -> ids.add(id));
        return ids;
    }

    /** Levels flattened as price, quantity, order count, best first. */
    protected List<Long> levelQuantities(Side side) {
        return levelQuantities(side, Integer.MAX_VALUE);
    }

    /** Up to {@code depth} levels flattened as price, quantity, order count, best first. */
    protected List<Long> levelQuantities(Side side, int depth) {
        List<Long> flat = new ArrayList<>();
        book.levels(side, depth, (price, quantity, orders) -> {
            flat.add(price);
            flat.add(quantity);
            flat.add((long) orders);
            return true;
        });
        return flat;
    }

    /**
     * A book saved after 300 random placements, takes and cancels and restored into an empty one then answers the
     * next 300 exactly as the saved one: the same fills and self-trade cancels, remainders and state hash.
     */
    @Test
    void aRestoredBookContinuesAsTheSavedOne() {
        assumeTrue(snapshots(), "the book does not save its state");
        SplitMix64 random = new SplitMix64(2024);
        for (int id = 0; id < 300; id++) {
            randomOp(book, id, random, sink);
        }
        OrderBook restored = Snapshots.copy(book, newBook());
        assertThat(restored.stateHash()).isEqualTo(book.stateHash());
        assertThat(restored.orderCount()).isEqualTo(book.orderCount()).isPositive();

        RecordingSink restoredSink = new RecordingSink();
        for (int id = 300; id < 600; id++) {
            long state = random.state();
            sink.clear();
            long result = randomOp(book, id, random, sink);
            random.state(state);
            restoredSink.clear();
            long restoredResult = randomOp(restored, id, random, restoredSink);

            assertThat(restoredSink.events()).as("events of step %d", id).isEqualTo(sink.events());
            assertThat(restoredResult).as("result of step %d", id).isEqualTo(result);
            assertThat(restored.stateHash()).as("hash after step %d", id).isEqualTo(book.stateHash());
        }
    }

    /** One random step around price 1000: a GTC placement (match, rest the rest), an IOC take, or a reduce. */
    private static long randomOp(OrderBook target, long id, SplitMix64 random, RecordingSink events) {
        int kind = random.nextInt(10);
        int agent = 1 + random.nextInt(4);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = 990 + random.nextInt(21);
        long quantity = 1 + random.nextInt(20);
        StpMode stp = random.nextInt(4) == 0 ? StpMode.CO : StpMode.NONE;
        if (kind < 6) {
            long left = target.match(id, agent, side, price, quantity, stp, events);
            if (left > 0) {
                target.rest(id, agent, side, price, left, id);
            }
            return left;
        }
        if (kind < 8) {
            return target.match(id, agent, side, price, quantity, stp, events);
        }
        return target.reduce(Math.max(0, id - 1 - random.nextInt(50)), 1 + random.nextInt(10));
    }
}
