package io.mvtrx.runtime.gentrx.data.book;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayBookProperties {

    record Op(boolean cancel, boolean buy, long price, long volume) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of(false, false, true), Arbitraries.of(true, false),
                Arbitraries.longs().between(95, 105), Arbitraries.longs().between(1, 50)).as(Op::new)
                .list().ofMaxSize(200);
    }

    /** Resting volume = submitted − 2 · matched − cancelled, and the book is never crossed. */
    @Property(tries = 300)
    void conservesVolumeAndNeverCrosses(@ForAll("ops") List<Op> ops) {
        ReplayBook book = new ReplayBook();
        long expected = 0;
        for (Op op : ops) {
            if (op.cancel()) {
                expected -= book.cancel(op.buy(), op.price(), op.volume());
            } else {
                expected += op.volume() - 2 * book.submit(op.buy(), op.price(), op.volume());
            }
            long bid = book.bestBid();
            long ask = book.bestAsk();
            if (bid != 0 && ask != 0) {
                assertThat(bid).isLessThan(ask);
            }
        }
        BookSnapshot top = book.snapshot();
        long resting = 0;
        for (long v : top.askVolumes()) {
            resting += v;
        }
        for (long v : top.bidVolumes()) {
            resting += v;
        }
        // 11 price levels in all, at most 10 per side shown: only compare when every level is visible.
        if (top.askPrices().length < ReplayBook.DEPTH && top.bidPrices().length < ReplayBook.DEPTH) {
            assertThat(resting).isEqualTo(expected);
        }
    }
}
