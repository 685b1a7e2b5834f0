package io.mvtrx.api.spi.trading.support;

import java.math.RoundingMode;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.state.BookState;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BookViewTest {

    /** Bids 299.90 × 3, 299.80 × 7.5; asks 300.10 × 1, 300.20 × 2; two trades this interval. */
    private static BookView book() {
        BookSnapshot snapshot = new BookSnapshot(0, 5_000,
                List.of(Level.broad(29_990, 3_0000), Level.broad(29_980, 7_5000)),
                List.of(Level.broad(30_010, 1_0000), Level.broad(30_020, 2_0000)));
        return BookView.of(new BookState(snapshot, List.of(
                new OrderPlaced(0, 1_000, 5, -1, -1, OrderType.LIMIT, Side.BUY, 29_990, 1_0000, 0, StpMode.CO),
                Fixtures.trade(0, 2_000, 1, 29_990, 5_000),
                Fixtures.trade(0, 3_000, 2, 30_010, 2_500)), 0), BookDecimals.REFERENCE);
    }

    @Test
    void answersBestPricesSpreadAndMid() {
        BookView book = book();

        assertThat(book.bestBid()).isEqualTo(29_990);
        assertThat(book.bestAsk()).isEqualTo(30_010);
        assertThat(book.best(Side.SELL)).isEqualTo(30_010);
        assertThat(book.bestBidVolume()).isEqualTo(3_0000);
        assertThat(book.bestAskVolume()).isEqualTo(1_0000);
        assertThat(book.spread()).isEqualTo(20);
        assertThat(book.mid(RoundingMode.FLOOR)).isEqualTo(30_000);
        assertThat(book.midPrice()).isEqualTo(300.0);
        assertThat(book.relativeSpread()).isCloseTo(0.2 / 300, within(1e-15));
    }

    @Test
    void aHalfTickMidIsRoundedAsAsked() {
        BookView book = BookView.of(Fixtures.book(0, 29_990, 30_011, 1, List.of()), BookDecimals.REFERENCE);

        assertThat(book.mid(RoundingMode.FLOOR)).isEqualTo(30_000);
        assertThat(book.mid(RoundingMode.CEILING)).isEqualTo(30_001);
        assertThat(book.midPrice()).isEqualTo(300.005);
    }

    @Test
    void micropriceLeansTowardTheThinnerSide() {
        // (299.90 × 1 + 300.10 × 3) / 4
        assertThat(book().microprice()).isCloseTo(300.05, within(1e-12));
    }

    @Test
    void sumsDepthAndImbalanceOverLevels() {
        BookView book = book();

        assertThat(book.depth(Side.BUY, 1)).isEqualTo(3_0000);
        assertThat(book.depth(Side.BUY, 2)).isEqualTo(10_5000);
        assertThat(book.depth(Side.BUY, 9)).isEqualTo(10_5000);
        assertThat(book.depth(Side.SELL, 0)).isZero();
        assertThat(book.imbalance(1)).isEqualTo(0.5);
        assertThat(book.imbalance(2)).isCloseTo(7.5 / 13.5, within(1e-15));
        assertThat(book.volumeAt(Side.SELL, 30_020)).isEqualTo(2_0000);
        assertThat(book.volumeAt(Side.SELL, 30_030)).isZero();
    }

    @Test
    void readsThisIntervalsTrades() {
        BookView book = book();

        assertThat(book.trades()).extracting(t -> t.tradeId()).containsExactly(1L, 2L);
        assertThat(book.lastTradePrice()).isEqualTo(30_010);
        assertThat(book.tradedVolume()).isEqualTo(7_500);
    }

    @Test
    void aOneSidedBookRefusesTwoSidedQuestionsAndStillGivesAReferencePrice() {
        BookView bidsOnly = BookView.of(Fixtures.book(0, 29_990, 0, 1, List.of()), BookDecimals.REFERENCE);
        BookView asksOnly = BookView.of(Fixtures.book(1, 0, 30_010, 1, List.of()), BookDecimals.REFERENCE);
        BookView tradedOut = BookView.of(Fixtures.book(2, 0, 0, 1, List.of(Fixtures.trade(2, 1, 1, 30_005, 1))),
                BookDecimals.REFERENCE);
        BookView empty = BookView.of(Fixtures.book(3, 0, 0, 1, List.of()), BookDecimals.REFERENCE);

        assertThat(bidsOnly.isTwoSided()).isFalse();
        assertThatThrownBy(() -> bidsOnly.mid(RoundingMode.FLOOR)).isInstanceOf(IllegalStateException.class)
                .hasMessage("book 0 has no mid: it is not two-sided (bid 29990, ask 0)");
        assertThatThrownBy(asksOnly::microprice)
                .hasMessage("book 1 has no microprice: it is not two-sided (bid 0, ask 30010)");
        assertThat(bidsOnly.referencePrice(30_000)).isEqualTo(29_990);
        assertThat(asksOnly.referencePrice(30_000)).isEqualTo(30_010);
        assertThat(tradedOut.referencePrice(30_000)).isEqualTo(30_005);
        assertThat(empty.referencePrice(30_000)).isEqualTo(30_000);
        assertThat(book().referencePrice(1)).isEqualTo(30_000);
        assertThat(empty.imbalance(5)).isZero();
    }
}
