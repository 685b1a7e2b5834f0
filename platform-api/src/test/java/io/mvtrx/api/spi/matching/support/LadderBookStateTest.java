package io.mvtrx.api.spi.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.snapshot.StateFormatException;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchSink;

import org.junit.jupiter.api.Test;

/** A book saved and restored matches, hashes and walks as the original. */
class LadderBookStateTest {

    private static final BookSpec SPEC = new BookSpec(0, BookDecimals.REFERENCE, 8);

    private static final class Fifo extends LadderBook {
        Fifo() {
            super(SPEC, 64);
        }

        @Override
        protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining, MatchSink sink) {
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

    private static final class Fills implements MatchSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                           long makerRemaining) {
            events.add(makerOrderId + "@" + price + "x" + quantity + "/" + makerRemaining);
        }

        @Override
        public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                      long makerRemaining) {
            events.add("stp " + makerOrderId);
        }
    }

    /** Bids 1000 down to 800 (the window holds 64 ticks: the rest overflows), asks above, one partly filled. */
    private static Fifo populated() {
        Fifo book = new Fifo();
        long id = 1;
        for (long price = 1000; price >= 800; price -= 20) {
            book.rest(id++, -3, Side.BUY, price, 10, 0);
            book.rest(id++, -4, Side.BUY, price, 7, 0);
        }
        for (long price = 1001; price <= 1201; price += 25) {
            book.rest(id++, -5, Side.SELL, price, 4, 0);
            book.rest(id++, -6, Side.SELL, price, 9, 0);
        }
        book.match(500, -9, Side.BUY, 1001, 2, StpMode.NONE, new Fills());
        return book;
    }

    @Test
    void aRestoredBookHashesAndTradesAsTheOriginal() {
        Fifo original = populated();
        StateWriter out = StateWriter.inMemory();
        original.writeState(out);
        Fifo restored = new Fifo();
        restored.readState(StateReader.of(out.toByteArray(), 1));

        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(restored.orderCount()).isEqualTo(40);
        assertThat(restored.quantity(23)).isEqualTo(2);

        Fills a = new Fills();
        Fills b = new Fills();
        long leftA = original.match(600, -9, Side.SELL, 780, 100, StpMode.NONE, a);
        long leftB = restored.match(600, -9, Side.SELL, 780, 100, StpMode.NONE, b);
        assertThat(b.events).isEqualTo(a.events).hasSize(12).startsWith("1@1000x10/0", "2@1000x7/0");
        assertThat(leftB).isEqualTo(leftA).isZero();
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(restored.bestBid()).isEqualTo(original.bestBid()).isEqualTo(900);
    }

    @Test
    void stateIsOnlyRestoredIntoAnEmptyBook() {
        StateWriter out = StateWriter.inMemory();
        populated().writeState(out);
        Fifo busy = new Fifo();
        busy.rest(1, -1, Side.BUY, 5, 5, 0);

        assertThatThrownBy(() -> busy.readState(StateReader.of(out.toByteArray(), 1)))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("book 0: state is restored into an empty book, this one holds 1 orders");
    }
}
