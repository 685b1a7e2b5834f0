package io.mvtrx.api.spi.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;

import org.junit.jupiter.api.Test;

/**
 * The skeleton's own contract, through minimal rules; the shipped rules' books run the full book contract and the
 * reference-twin properties in their plugins.
 */
class LadderBookTest {

    private static final BookSpec SPEC = new BookSpec(3, BookDecimals.REFERENCE, 4);

    private final Recorder sink = new Recorder();

    @Test
    void aFifoRuleFillsOldestFirstAcrossLevelsAtTheRestingPrices() {
        FifoBook book = new FifoBook(SPEC);
        book.rest(1, 10, Side.SELL, 101, 5, 1);
        book.rest(2, 11, Side.SELL, 101, 4, 2);
        book.rest(3, 12, Side.SELL, 102, 6, 3);

        long left = book.match(9, 20, Side.BUY, 102, 12, StpMode.NONE, sink);

        assertThat(left).isZero();
        assertThat(sink.events).containsExactly(
                "fill 1 agent 10 at 101: 5 left 0",
                "fill 2 agent 11 at 101: 4 left 0",
                "fill 3 agent 12 at 102: 3 left 3");
        assertThat(book.bestAsk()).isEqualTo(102);
        assertThat(book.quantity(3)).isEqualTo(3);
        assertThat(book.orderCount()).isEqualTo(1);
        assertThat(book.levelCalls).isEqualTo(2);
    }

    @Test
    void aRestingOrderKeepsItsHandleUntilItLeaves() {
        FifoBook book = new FifoBook(SPEC);
        book.rest(1, 10, Side.SELL, 101, 5, 1, 70);
        book.rest(2, 11, Side.SELL, 101, 4, 2, 0);
        book.rest(3, 12, Side.SELL, 102, 6, 3, 12_345);

        book.match(9, 20, Side.BUY, 102, 12, StpMode.NONE, sink);

        assertThat(sink.handles).containsExactly(70, 0, 12_345);
        assertThat(book.handle(1)).as("filled: gone").isEqualTo(OrderBook.NO_HANDLE);
        assertThat(book.handle(3)).isEqualTo(12_345);
        book.reduce(3, 3);
        assertThat(book.handle(3)).isEqualTo(OrderBook.NO_HANDLE);
        assertThat(book.handle(42)).isEqualTo(OrderBook.NO_HANDLE);
        assertThatThrownBy(() -> book.rest(4, 10, Side.SELL, 101, 5, 4, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handle -1");
    }

    @Test
    void matchingStopsAtTheLimitAndReturnsTheRemainder() {
        FifoBook book = new FifoBook(SPEC);
        book.rest(1, 10, Side.BUY, 99, 5, 1);
        book.rest(2, 10, Side.BUY, 97, 5, 2);

        long left = book.match(9, 20, Side.SELL, 98, 8, StpMode.NONE, sink);

        assertThat(left).isEqualTo(3);
        assertThat(sink.events).containsExactly("fill 1 agent 10 at 99: 5 left 0");
        assertThat(book.bestBid()).isEqualTo(97);
        assertThat(book.levelCalls).isEqualTo(1);
    }

    @Test
    void aSelfTradeCancelIsAppliedThenReported() {
        FifoBook book = new FifoBook(SPEC) {
            @Override
            protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining,
                                      MatchSink sink) {
                cancelSelfTrade(level.head(), 2, sink);
                return 0;
            }
        };
        book.rest(1, 10, Side.SELL, 101, 5, 1);
        sink.book = book;

        long left = book.match(9, 10, Side.BUY, 101, 4, StpMode.DC, sink);

        assertThat(left).isZero();
        assertThat(sink.events).containsExactly("self-trade cancel 1 at 101: 2 left 3");
        assertThat(sink.seenQuantities).containsExactly(3L);
    }

    @Test
    void aRuleThatReturnsARemainderButLeavesOrdersIsStopped() {
        LeavesOrdersBook book = new LeavesOrdersBook(SPEC);
        book.rest(1, 10, Side.SELL, 101, 5, 1);

        assertThatThrownBy(() -> book.match(9, 20, Side.BUY, 101, 4, StpMode.NONE, sink))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("book 3: order 9: io.mvtrx.api.spi.matching.support.LadderBookTest$LeavesOrdersBook"
                        + ".matchLevel returned remainder 3 but left 1 orders at 101");
    }

    @Test
    void aFillBeyondTheRestingQuantityIsRefusedAndChangesNothing() {
        FifoBook book = new FifoBook(SPEC) {
            @Override
            protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining,
                                      MatchSink sink) {
                fill(level.head(), 6, sink);
                return 0;
            }
        };
        book.rest(1, 10, Side.SELL, 101, 5, 1);
        long before = book.stateHash();

        assertThatThrownBy(() -> book.match(9, 20, Side.BUY, 101, 8, StpMode.NONE, sink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("book 3: cannot take 6 from order 1 holding 5");
        assertThat(book.stateHash()).isEqualTo(before);
        assertThat(sink.events).isEmpty();
    }

    @Test
    void theScratchValueStaysWithItsOrderAcrossPasses() {
        List<Long> scratches = new ArrayList<>();
        FifoBook book = new FifoBook(SPEC) {
            @Override
            protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining,
                                      MatchSink sink) {
                for (OrderSlot order = level.head(); order != null; order = order.next()) {
                    order.scratch(order.id() * 100);
                }
                for (OrderSlot order = level.head(); order != null; order = order.next()) {
                    scratches.add(order.scratch());
                }
                return 0;
            }
        };
        book.rest(4, 10, Side.SELL, 101, 5, 1);
        book.rest(7, 10, Side.SELL, 101, 5, 2);

        book.match(9, 20, Side.BUY, 101, 1, StpMode.NONE, sink);

        assertThat(scratches).containsExactly(400L, 700L);
    }

    @Test
    void toStringNamesTheRule() {
        FifoBook book = new FifoBook(SPEC);
        book.rest(1, 10, Side.BUY, 99, 5, 1);

        assertThat(book).hasToString("FifoBook[3: 1 orders, 1 bid levels, 0 ask levels, best 99/0]");
    }

    @Test
    void windowMustBeAPowerOfTwoOfAtLeast64() {
        assertThatThrownBy(() -> new FifoBook(SPEC, 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("book 3: window must be a power of two >= 64, got 32");
        assertThatThrownBy(() -> new FifoBook(SPEC, 96))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("book 3: window must be a power of two >= 64, got 96");
    }

    @Test
    void aNarrowWindowKeepsFarLevelsInPriceOrder() {
        FifoBook book = new FifoBook(SPEC, 64);
        for (long price : new long[] {1_000, 200, 5_000, 999, 40}) {
            book.rest(price, 10, Side.BUY, price, 1, 0);
        }
        List<Long> prices = new ArrayList<>();

        book.levels(Side.BUY, 10, (price, quantity, orders) -> prices.add(price));

        assertThat(prices).containsExactly(5_000L, 1_000L, 999L, 200L, 40L);
        assertThat(book.bestBid()).isEqualTo(5_000);
    }

    /** The class doc's example rule: FIFO, no self-trade prevention; counts its calls. */
    private static class FifoBook extends LadderBook {
        int levelCalls;

        FifoBook(BookSpec spec) {
            super(spec, DEFAULT_WINDOW);
        }

        FifoBook(BookSpec spec, int window) {
            super(spec, window);
        }

        @Override
        protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining, MatchSink sink) {
            levelCalls++;
            OrderSlot order = level.head();
            while (order != null && remaining > 0) {
                OrderSlot next = order.next();
                long used = Math.min(order.quantity(), remaining);
                fill(order, used, sink);
                remaining -= used;
                order = next;
            }
            return remaining;
        }
    }

    /** Fills one lot, then claims a remainder although its level still holds the order: a broken rule. */
    private static final class LeavesOrdersBook extends LadderBook {

        LeavesOrdersBook(BookSpec spec) {
            super(spec, DEFAULT_WINDOW);
        }

        @Override
        protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining, MatchSink sink) {
            fill(level.head(), 1, sink);
            return remaining - 1;
        }
    }

    /** Records events as text and, given a book, what it answers for the maker when the event arrives. */
    private static final class Recorder implements MatchSink {
        final List<String> events = new ArrayList<>();
        final List<Long> seenQuantities = new ArrayList<>();
        final List<Integer> handles = new ArrayList<>();
        OrderBook book;

        @Override
        public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                           long makerRemaining) {
            events.add(String.format("fill %d agent %d at %d: %d left %d",
                    makerOrderId, makerAgentId, price, quantity, makerRemaining));
            handles.add(makerHandle);
        }

        @Override
        public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                      long makerRemaining) {
            handles.add(makerHandle);
            events.add(String.format("self-trade cancel %d at %d: %d left %d",
                    makerOrderId, price, quantity, makerRemaining));
            if (book != null) {
                seenQuantities.add(book.quantity(makerOrderId));
            }
        }
    }
}
