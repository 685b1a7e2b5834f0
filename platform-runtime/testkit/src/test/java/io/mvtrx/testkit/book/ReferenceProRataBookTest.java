package io.mvtrx.testkit.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.book.RecordingSink.Fill;

import org.junit.jupiter.api.Test;

class ReferenceProRataBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook() {
        return new ReferenceProRataBook(0);
    }

    @Override
    protected boolean fillsInQueueOrder() {
        return false;
    }

    @Test
    void sharesAreProportionalWithTheRemainderToTheOldest() {
        book.rest(1, MAKER, Side.SELL, 101, 10, 1);
        book.rest(2, OTHER, Side.SELL, 101, 20, 2);
        book.rest(3, MAKER, Side.SELL, 101, 30, 3);

        long left = book.match(9, TAKER, Side.BUY, 101, 31, StpMode.CO, sink);

        assertThat(left).isZero();
        assertThat(sink.events()).containsExactly(
                new Fill(1, MAKER, 101, 6, 4),
                new Fill(2, OTHER, 101, 10, 10),
                new Fill(3, MAKER, 101, 15, 15));
    }

    /** The reference twins are test oracles, never part of a run: they need no checkpoints. */
    @Override
    protected boolean snapshots() {
        return false;
    }
}
