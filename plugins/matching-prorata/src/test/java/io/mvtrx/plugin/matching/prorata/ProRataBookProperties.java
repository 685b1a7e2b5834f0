package io.mvtrx.plugin.matching.prorata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.book.BookOp;
import io.mvtrx.testkit.book.BookScript;
import io.mvtrx.testkit.book.RecordingSink;
import io.mvtrx.testkit.book.RecordingSink.Fill;
import io.mvtrx.testkit.book.ReferenceProRataBook;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ProRataBookProperties {

    private static final long MID = 10_000;

    @Property(tries = 300)
    void replaysLikeTheReferenceProRataBookEventByEvent(@ForAll("scripts") List<BookOp> ops) {
        BookScript fast = new BookScript(new ProRataBook(new BookSpec(0, BookDecimals.REFERENCE, 4)));
        BookScript reference = new BookScript(new ReferenceProRataBook(0));

        for (int i = 0; i < ops.size(); i++) {
            BookOp op = ops.get(i);
            BookScript.Step expected = reference.apply(op);
            BookScript.Step actual = fast.apply(op);
            assertThat(actual).as("step %d: %s", i, op).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void replaysLikeTheReferenceWhenPricesRoamFarBeyondTheWindow(@ForAll("roamingScripts") List<BookOp> ops) {
        BookScript fast = new BookScript(new ProRataBook(new BookSpec(0, BookDecimals.REFERENCE, 4), 64));
        BookScript reference = new BookScript(new ReferenceProRataBook(0));

        for (int i = 0; i < ops.size(); i++) {
            BookOp op = ops.get(i);
            BookScript.Step expected = reference.apply(op);
            BookScript.Step actual = fast.apply(op);
            assertThat(actual).as("step %d: %s", i, op).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void fillsAtALevelSumToTheSmallerOfTakerAndLevel(
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1, max = 1_000_000_000_000_000L) Long> sizes,
            @ForAll @LongRange(min = 1, max = 4_000_000_000_000_000_000L) long quantity,
            @ForAll @IntRange(min = 0, max = 2) int moreLevels) {
        ProRataBook book = new ProRataBook(new BookSpec(0, BookDecimals.REFERENCE, 4));
        long total = 0;
        for (int i = 0; i < sizes.size(); i++) {
            book.rest(i, 1 + i % 3, Side.SELL, 101, sizes.get(i), i);
            total += sizes.get(i);
        }
        for (int j = 0; j < moreLevels; j++) {
            book.rest(100 + j, 7, Side.SELL, 102 + j, 5, 100 + j);
        }
        RecordingSink sink = new RecordingSink();

        long left = book.match(999, 9, Side.BUY, 101, quantity, StpMode.CO, sink);

        long atLevel = 0;
        List<Long> order = new ArrayList<>();
        for (Fill fill : sink.fills()) {
            assertThat(fill.price()).isEqualTo(101);
            assertThat(fill.quantity()).isPositive().isLessThanOrEqualTo(sizes.get((int) fill.makerOrderId()));
            atLevel += fill.quantity();
            order.add(fill.makerOrderId());
        }
        assertThat(atLevel).isEqualTo(Math.min(quantity, total));
        assertThat(left).isEqualTo(quantity - atLevel);
        assertThat(order).isSorted();
        assertThat(book.orderCount()).isEqualTo(moreLevels + (quantity >= total ? 0 : sizes.size()
                - (int) sink.fills().stream().filter(f -> f.makerRemaining() == 0).count()));
    }

    @Property(tries = 300)
    void eachOrderGetsAtLeastItsFloorShareAndAtMostOneLotPerOrderMore(
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1, max = 1_000) Long> sizes,
            @ForAll @LongRange(min = 1, max = 12_000) long quantity) {
        ProRataBook book = new ProRataBook(new BookSpec(0, BookDecimals.REFERENCE, 4));
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < sizes.size(); i++) {
            book.rest(i, 1, Side.BUY, 99, sizes.get(i), i);
        }
        RecordingSink sink = new RecordingSink();

        book.match(999, 9, Side.SELL, 99, quantity, StpMode.CO, sink);

        long[] got = new long[sizes.size()];
        sink.fills().forEach(f -> got[(int) f.makerOrderId()] = f.quantity());
        long leftover = quantity >= total ? 0 : quantity;
        for (int i = 0; i < got.length; i++) {
            long floor = quantity >= total ? sizes.get(i) : quantity * sizes.get(i) / total;
            assertThat(got[i]).as("order %d", i).isBetween(floor, Math.min(sizes.get(i), floor + sizes.size()));
            leftover -= quantity >= total ? 0 : floor;
        }
        assertThat(leftover).as("remainder lots").isBetween(0L, (long) sizes.size() - 1);
    }

    @Property(tries = 100)
    void keepsItsInvariantsOnLongScripts(@ForAll("longScripts") List<BookOp> ops) {
        ProRataBook book = new ProRataBook(new BookSpec(0, BookDecimals.REFERENCE, 8));
        BookScript script = new BookScript(book);

        script.applyAll(ops);

        BookScript reference = new BookScript(new ReferenceProRataBook(0));
        reference.applyAll(ops);
        assertThat(book.stateHash()).isEqualTo(reference.book().stateHash());
    }

    @Provide
    Arbitrary<List<BookOp>> scripts() {
        return Arbitraries.of(1L, 1_000_000_000_000L)
                .flatMap(scale -> ops(60, scale, 4).list().ofMinSize(1).ofMaxSize(60));
    }

    @Provide
    Arbitrary<List<BookOp>> roamingScripts() {
        return Arbitraries.of(40, 300, 5_000)
                .flatMap(spread -> ops(80, 1, spread).list().ofMinSize(1).ofMaxSize(80));
    }

    @Provide
    Arbitrary<List<BookOp>> longScripts() {
        return ops(400, 1, 4).list().ofMinSize(100).ofMaxSize(400);
    }

    static Arbitrary<BookOp> ops(int steps, long scale, int spread) {
        Arbitrary<Integer> agents = Arbitraries.integers().between(1, 4);
        Arbitrary<Side> sides = Arbitraries.of(Side.class);
        Arbitrary<Long> prices = Arbitraries.longs().between(MID - spread, MID + spread);
        Arbitrary<Long> quantities = Arbitraries.longs().between(1, 30).map(q -> q * scale + q % 7);
        Arbitrary<StpMode> stps = Arbitraries.of(StpMode.class);
        Arbitrary<BookOp> place = Combinators.combine(agents, sides, prices, quantities, stps)
                .as((agent, side, price, quantity, stp) -> new BookOp.Place(agent, side,
                        passive(side, price), quantity, stp));
        Arbitrary<BookOp> cross = Combinators.combine(agents, sides, prices, quantities, stps)
                .as(BookOp.Place::new);
        Arbitrary<BookOp> take = Combinators.combine(agents, sides, prices.injectNull(0.2), quantities, stps)
                .as((agent, side, price, quantity, stp) -> new BookOp.Take(agent, side,
                        price == null ? OrderBook.NO_PRICE : price, quantity * 2, stp));
        Arbitrary<BookOp> reduce = Combinators.combine(Arbitraries.integers().between(-1, steps), quantities)
                .as((step, quantity) -> new BookOp.Reduce(step, quantity % 3 == 0 ? Long.MAX_VALUE : quantity));
        return Arbitraries.frequencyOf(
                Tuple.of(6, place),
                Tuple.of(2, cross),
                Tuple.of(2, take),
                Tuple.of(2, reduce));
    }

    /** Mostly on the passive side of the middle, so that levels hold several orders. */
    private static long passive(Side side, long price) {
        long distance = Math.abs(price - MID);
        return side == Side.BUY ? MID - distance : MID + distance;
    }
}
