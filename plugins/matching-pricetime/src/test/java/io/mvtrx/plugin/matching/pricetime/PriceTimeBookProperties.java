package io.mvtrx.plugin.matching.pricetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.book.BookOp;
import io.mvtrx.testkit.book.BookScript;
import io.mvtrx.testkit.book.ReferenceBook;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class PriceTimeBookProperties {

    private static final long MID = 10_000;

    @Property(tries = 300)
    void replaysLikeTheReferenceBookEventByEvent(@ForAll("scripts") List<BookOp> ops) {
        BookScript fast = new BookScript(new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4)));
        BookScript reference = new BookScript(new ReferenceBook(0));

        for (int i = 0; i < ops.size(); i++) {
            BookOp op = ops.get(i);
            BookScript.Step expected = reference.apply(op);
            BookScript.Step actual = fast.apply(op);
            assertThat(actual).as("step %d: %s", i, op).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void replaysLikeTheReferenceBookWhenPricesRoamFarBeyondTheWindow(@ForAll("roamingScripts") List<BookOp> ops) {
        BookScript fast = new BookScript(new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4), 64));
        BookScript reference = new BookScript(new ReferenceBook(0));

        for (int i = 0; i < ops.size(); i++) {
            BookOp op = ops.get(i);
            BookScript.Step expected = reference.apply(op);
            BookScript.Step actual = fast.apply(op);
            assertThat(actual).as("step %d: %s", i, op).isEqualTo(expected);
        }
    }

    @Property(tries = 100)
    void keepsItsInvariantsOnLongScripts(@ForAll("longScripts") List<BookOp> ops) {
        PriceTimeBook book = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 8));
        BookScript script = new BookScript(book);

        script.applyAll(ops);

        assertThat(book.stateHash()).isEqualTo(replayOnReference(ops));
    }

    private static long replayOnReference(List<BookOp> ops) {
        BookScript reference = new BookScript(new ReferenceBook(0));
        reference.applyAll(ops);
        return reference.book().stateHash();
    }

    @Provide
    Arbitrary<List<BookOp>> scripts() {
        return ops(60, 5).list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<BookOp>> roamingScripts() {
        return Arbitraries.of(40, 300, 5_000)
                .flatMap(spread -> ops(80, spread).list().ofMinSize(1).ofMaxSize(80));
    }

    @Provide
    Arbitrary<List<BookOp>> longScripts() {
        return ops(400, 5).list().ofMinSize(100).ofMaxSize(400);
    }

    static Arbitrary<BookOp> ops(int steps, int spread) {
        Arbitrary<Integer> agents = Arbitraries.integers().between(1, 4);
        Arbitrary<Side> sides = Arbitraries.of(Side.class);
        Arbitrary<Long> prices = Arbitraries.longs().between(MID - spread, MID + spread);
        Arbitrary<Long> quantities = Arbitraries.longs().between(1, 20);
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
                Tuple.of(5, place),
                Tuple.of(2, cross),
                Tuple.of(2, take),
                Tuple.of(3, reduce));
    }

    /** Mostly on the passive side of the middle, so that books build depth. */
    private static long passive(Side side, long price) {
        long distance = Math.abs(price - MID);
        return side == Side.BUY ? MID - distance : MID + distance;
    }
}
