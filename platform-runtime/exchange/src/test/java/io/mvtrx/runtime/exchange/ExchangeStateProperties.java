package io.mvtrx.runtime.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.mvtrx.api.account.Loan;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.snapshot.StateFormatException;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.support.LadderBook;
import io.mvtrx.testkit.fees.SettableFeePolicy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checkpoints of the exchange: an exchange saved at any point of a random stream (leverage, loans, stop-loss and
 * take-profit, GTT expiries, margin calls, position closes, cancels) and restored into a new exchange continues the
 * stream with the same events, notices, accounts and state hash as the saved one.
 */
class ExchangeStateProperties {

    private static final int AGENTS = 5;

    record Op(int kind, int agent, int book, boolean buy, int tick, int lots, int tif, int stp, int pick, int dt) {
    }

    record Run(int books, long makerRate, long takerRate, int cut, List<Op> ops) {
    }

    @Provide
    Arbitrary<Run> runs() {
        List<Arbitrary<Integer>> fields = List.of(
                Arbitraries.integers().between(0, 10), Arbitraries.integers().between(1, AGENTS),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 30));
        Arbitrary<Op> op = Combinators.combine(fields).as(v -> new Op(v.get(0), v.get(1), v.get(2), v.get(3) == 1,
                v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9)));
        return Combinators.combine(Arbitraries.integers().between(1, 2),
                Arbitraries.longs().between(-Rate.ONE / 200, Rate.ONE / 100),
                Arbitraries.longs().between(0, Rate.ONE / 50), Arbitraries.integers().between(0, 200),
                op.list().ofMinSize(20).ofMaxSize(200).withSizeDistribution(RandomDistribution.uniform()))
                .as(Run::new);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void aRestoredExchangeContinuesTheStreamAsTheSavedOne(@ForAll("runs") Run run) {
        Desk saved = new Desk(run);
        int cut = Math.min(run.cut(), run.ops().size());
        long now = 0;
        for (Op op : run.ops().subList(0, cut)) {
            now += op.dt();
            saved.apply(op, now);
        }
        StateWriter out = StateWriter.inMemory();
        saved.exchange.writeState(out);
        Desk restored = new Desk(run.books(), run.makerRate(), run.takerRate(), false);
        restored.exchange.readState(StateReader.of(out.toByteArray(), 1));

        assertThat(restored.exchange.stateHash()).isEqualTo(saved.exchange.stateHash());
        restored.exchange.checkInvariants();
        saved.recorder.clear();
        for (Op op : run.ops().subList(cut, run.ops().size())) {
            now += op.dt();
            saved.apply(op, now);
            restored.apply(op, now);
            assertThat(restored.recorder.events()).isEqualTo(saved.recorder.events());
            assertThat(restored.exchange.stateHash()).isEqualTo(saved.exchange.stateHash());
        }
        for (int agent = 1; agent <= AGENTS; agent++) {
            assertThat(withoutFillClientIds(restored.recorder.notices(agent)))
                    .isEqualTo(withoutFillClientIds(saved.recorder.notices(agent)));
            for (int book = 0; book < run.books(); book++) {
                // the fee policy is the caller's to save: this test's settable policy keeps volumes it does not save
                assertThat(restored.exchange.account(agent, book)).usingRecursiveComparison()
                        .ignoringFields("fees.volume").isEqualTo(saved.exchange.account(agent, book));
            }
        }
        restored.exchange.checkInvariants();
    }

    /**
     * The notices with the client ids of fills blanked: the listener remembers which order had which client id
     * (the simulator's router saves that memory itself), the exchange does not.
     */
    private static List<Notice> withoutFillClientIds(List<Notice> notices) {
        return notices.stream().map(n -> n instanceof TradeNotice t
                ? (Notice) new TradeNotice(t.trade(), Order.NO_CLIENT_ID, t.asMaker()) : n).toList();
    }

    @Test
    void stateIsOnlyRestoredIntoANewExchange() {
        Desk saved = new Desk(1, 0, 0, true);
        StateWriter out = StateWriter.inMemory();
        saved.exchange.writeState(out);
        Desk busy = new Desk(1, 0, 0, true);

        assertThatThrownBy(() -> busy.exchange.readState(StateReader.of(out.toByteArray(), 1)))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("accounts: state is restored into empty accounts");
    }

    /** An exchange on price-time {@link LadderBook}s (which save their state) with leverage, and its recorder. */
    private static final class Desk {
        private static final BookDecimals D = BookDecimals.REFERENCE;
        final Exchange exchange;
        final EventRecorder recorder = new EventRecorder();

        Desk(Run run) {
            this(run.books(), run.makerRate(), run.takerRate(), true);
        }

        /** A new exchange; {@code funded}: every agent deposits 1000 base (the last agent 1) and 100 000 quote. */
        Desk(int books, long makerRate, long takerRate, boolean funded) {
            exchange = new Exchange(ExchangeSpec.simple(books, D).withLeverage(new BigDecimal("2"),
                    new BigDecimal("100000"), new BigDecimal("0.1")), new FifoRule(),
                    new SettableFeePolicy(makerRate, takerRate), recorder);
            for (int agent = 1; funded && agent <= AGENTS; agent++) {
                for (int book = 0; book < books; book++) {
                    exchange.deposit(agent, book, (agent == AGENTS ? 1 : 1000) * D.base().unit(),
                            100_000 * D.quote().unit());
                }
            }
        }

        void apply(Op op, long now) {
            Exchange x = exchange;
            int book = op.book() % x.bookCount();
            x.advanceTo(now);
            Side side = op.buy() ? Side.BUY : Side.SELL;
            long price = 100 * D.price().unit() + op.tick();
            long volume = op.lots() * Scale.pow10(D.volume().decimals()) / 100;
            long leverage = (op.pick() % 3) * D.volume().unit() / 2 * (op.stp() % 2 == 0 ? 1 : 0);
            long settle = switch (op.pick() % 4) {
                case 0 -> SettleFlag.NONE;
                case 1 -> op.pick() % 7;
                default -> SettleFlag.FIFO;
            };
            StpMode stp = StpMode.values()[op.stp()];
            long stopLoss = op.pick() % 5 == 0 ? (side == Side.BUY ? -1 : 1) * Rate.ONE / 2000 * (1 + op.dt() % 2)
                    : 0;
            long takeProfit = op.pick() % 7 == 0 ? (side == Side.BUY ? 1 : -1) * Rate.ONE / 5000 : 0;
            switch (op.kind()) {
                case 0, 1, 2, 3 -> {
                    TimeInForce tif = TimeInForce.values()[op.tif()];
                    x.placeLimit(op.agent(), book, side, price, volume, Currency.BASE, leverage, tif,
                            tif == TimeInForce.GTT ? now + 1 + op.pick() % 60 : 0, op.pick() % 11 == 0, stp,
                            op.pick(), settle, stopLoss, takeProfit);
                }
                case 4, 5 -> x.placeMarket(op.agent(), book, side, volume, Currency.BASE, leverage, 0, stp,
                        Order.NO_CLIENT_ID, settle, stopLoss, takeProfit);
                case 6 -> x.step(now);
                case 7 -> {
                    List<Loan> loans = x.account(op.agent(), book).loans();
                    long id = loans.isEmpty() ? op.pick() : loans.get(op.pick() % loans.size()).orderId();
                    x.closePosition(op.agent(), book, id, op.pick() % 2 == 0 ? volume : -1);
                }
                case 8 -> x.resetAgent(op.agent());
                default -> {
                    List<Order> open = x.account(op.agent(), book).orders();
                    long id = open.isEmpty() ? op.pick() : open.get(op.pick() % open.size()).orderId();
                    x.cancel(op.agent(), book, id, op.kind() == 9 ? CancelOrders.Cancellation.ALL : volume / 2);
                }
            }
            x.checkInvariants();
        }
    }

    /** Price-time priority with self-trade prevention, on the platform's skeletal book. */
    private static final class FifoRule implements MatchingRule {

        @Override
        public LadderBook newBook(BookSpec spec) {
            return new LadderBook(spec, LadderBook.DEFAULT_WINDOW) {
                @Override
                protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining,
                                          MatchSink sink) {
                    OrderSlot order = level.head();
                    while (order != null && remaining > 0) {
                        OrderSlot next = order.next();
                        long resting = order.quantity();
                        if (stp != StpMode.NONE && order.agentId() == takerAgentId) {
                            switch (stp) {
                                case CO -> cancelSelfTrade(order, resting, sink);
                                case CN -> {
                                    return 0;
                                }
                                case CB -> {
                                    cancelSelfTrade(order, resting, sink);
                                    return 0;
                                }
                                case DC -> {
                                    long cut = Math.min(resting, remaining);
                                    cancelSelfTrade(order, cut, sink);
                                    remaining -= cut;
                                }
                                case NONE -> throw new AssertionError("NONE");
                            }
                        } else {
                            long used = Math.min(resting, remaining);
                            fill(order, used, sink);
                            remaining -= used;
                        }
                        order = next;
                    }
                    return remaining;
                }
            };
        }
    }
}
