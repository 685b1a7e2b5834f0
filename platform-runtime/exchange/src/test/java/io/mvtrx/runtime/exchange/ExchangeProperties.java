package io.mvtrx.runtime.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.exchange.fixed.Fixed;
import io.mvtrx.testkit.book.ReferenceMatchingRule;
import io.mvtrx.testkit.fees.SettableFeePolicy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random order streams (1–2 books, five agents, prices within ±5 ticks of 100, every order type, TIF, STP mode,
 * cancels, expiries and fees including rebates) through an exchange on {@code ReferenceBook}s. After every step:
 * no book is crossed, base and quote are conserved (accounts plus the fees the exchange kept), every internal
 * invariant holds, and each agent's reserved balances equal what its open orders need, recomputed here from the
 * published orders. At the end, cancelling everything frees every reservation; and the same stream always gives
 * the same events, notices and state hash.
 *
 * <p>Two decimal sets: the reference's (P 2, V 4, B 4, Q 10, where price·volume is exact in quote) and a coarse
 * one (P 3, V 2, B 3, Q 4, where it is truncated).
 */
class ExchangeProperties {

    private static final BookDecimals COARSE = BookDecimals.of(3, 2, 3, 4);
    private static final int AGENTS = 5;

    /** One generated instruction. */
    record Op(int kind, int agent, int book, boolean buy, int tick, int lots, int tif, boolean postOnly, int stp,
              int pick, int dt) {
    }

    /** A generated run: decimals, books, fee rates and instructions. */
    record Run(boolean coarse, int books, long makerRate, long takerRate, List<Op> ops) {
    }

    @Provide
    Arbitrary<Run> runs() {
        List<Arbitrary<Integer>> fields = List.of(
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, AGENTS),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 30));
        Arbitrary<Op> op = Combinators.combine(fields).as(v -> new Op(v.get(0), v.get(1), v.get(2), v.get(3) == 1,
                v.get(4), v.get(5), v.get(6), v.get(7) == 0, v.get(8), v.get(9), v.get(10)));
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 2),
                Arbitraries.longs().between(-Rate.ONE / 200, Rate.ONE / 100),
                Arbitraries.longs().between(0, Rate.ONE / 50),
                op.list().ofMinSize(10).ofMaxSize(150).withSizeDistribution(RandomDistribution.uniform()))
                .as(Run::new);
    }

    /** Everything a run leaves behind, for comparing two runs. */
    record Outcome(List<BookEvent> events, List<List<Notice>> notices, long hash) {
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void booksNeverCrossFundsAreConservedAndReservationsMatchOpenOrders(@ForAll("runs") Run run) {
        play(run, true);
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void theSameStreamGivesTheSameEventsNoticesAndState(@ForAll("runs") Run run) {
        assertThat(play(run, false)).isEqualTo(play(run, false));
    }

    /**
     * The same streams with leverage 0–2 on every order, random settle flags, stop-loss and take-profit offsets,
     * position closes and step starts (margin calls): books never cross,
     * {@code Σ(total + collateral − loans) + fees} is conserved per currency, and every internal invariant holds
     * (balances, order and loan aggregates, unleveraged reservations).
     */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void leveragedStreamsConserveFundsAndKeepEveryInvariant(@ForAll("runs") Run run) {
        BookDecimals d = run.coarse() ? COARSE : BookDecimals.REFERENCE;
        Exchange x = new Exchange(ExchangeSpec.simple(run.books(), d).withLeverage(new java.math.BigDecimal("2"),
                new java.math.BigDecimal("100000"), new java.math.BigDecimal("0.1")), new ReferenceMatchingRule(),
                new SettableFeePolicy(run.makerRate(), run.takerRate()), new EventRecorder());
        for (int agent = 1; agent <= AGENTS; agent++) {
            for (int book = 0; book < run.books(); book++) {
                x.deposit(agent, book, units(d.base(), agent == AGENTS ? 1 : 1000), units(d.quote(), 100_000));
            }
        }
        long[][] start = holdings(x, run.books());
        Map<List<Long>, Revised> revisions = new HashMap<>();
        long now = 0;
        for (Op op : run.ops()) {
            now += op.dt();
            int book = op.book() % run.books();
            x.advanceTo(now);
            Side side = op.buy() ? Side.BUY : Side.SELL;
            long price = 100 * d.price().unit() + op.tick();
            long volume = op.lots() * Scale.pow10(d.volume().decimals()) / 100;
            long leverage = (op.pick() % 3) * d.volume().unit() / 2 * (op.stp() % 2 == 0 ? 1 : 0);
            long settle = switch (op.pick() % 4) {
                case 0 -> SettleFlag.NONE;
                case 1 -> op.pick() % 7;
                default -> SettleFlag.FIFO;
            };
            StpMode stp = StpMode.values()[op.stp()];
            // stop-loss / take-profit offsets of 0.02 % - 0.05 % (within the ±5 ticks the prices move)
            long stopLoss = op.pick() % 5 == 0 ? (side == Side.BUY ? -1 : 1) * Rate.ONE / 2000 * (1 + op.dt() % 2)
                    : 0;
            long takeProfit = op.pick() % 7 == 0 ? (side == Side.BUY ? 1 : -1) * Rate.ONE / 5000 : 0;
            switch (op.kind()) {
                case 0, 1, 2, 3 -> x.placeLimit(op.agent(), book, side, price, volume, Currency.BASE, leverage,
                        op.tif() == 1 ? TimeInForce.GTC : TimeInForce.values()[op.tif()], 0, op.postOnly(), stp,
                        Order.NO_CLIENT_ID, settle, stopLoss, takeProfit);
                case 4, 5 -> x.placeMarket(op.agent(), book, side, volume, Currency.BASE, leverage, 0, stp,
                        Order.NO_CLIENT_ID, settle, stopLoss, takeProfit);
                case 6 -> x.step(now);
                case 7 -> {
                    List<io.mvtrx.api.account.Loan> loans = x.account(op.agent(), book).loans();
                    long id = loans.isEmpty() ? op.pick() : loans.get(op.pick() % loans.size()).orderId();
                    x.closePosition(op.agent(), book, id, op.postOnly() ? volume : -1);
                }
                default -> {
                    List<Order> open = x.account(op.agent(), book).orders();
                    long id = open.isEmpty() ? op.pick() : open.get(op.pick() % open.size()).orderId();
                    x.cancel(op.agent(), book, id, op.kind() == 8 ? CancelOrders.Cancellation.ALL : volume / 2);
                }
            }
            x.checkInvariants();
            checkRevisions(x, run.books(), revisions);
            assertThat(holdings(x, run.books())).as("base and quote held plus fees").isEqualTo(start);
            for (int b = 0; b < run.books(); b++) {
                if (x.bestBid(b) != 0 && x.bestAsk(b) != 0) {
                    assertThat(x.bestBid(b)).isLessThan(x.bestAsk(b));
                }
            }
        }
    }

    private static Outcome play(Run run, boolean check) {
        BookDecimals d = run.coarse() ? COARSE : BookDecimals.REFERENCE;
        EventRecorder recorder = new EventRecorder();
        Exchange x = new Exchange(ExchangeSpec.simple(run.books(), d), new ReferenceMatchingRule(),
                new SettableFeePolicy(run.makerRate(), run.takerRate()), recorder);
        for (int agent = 1; agent <= AGENTS; agent++) {
            for (int book = 0; book < run.books(); book++) {
                boolean poor = agent == AGENTS;
                x.deposit(agent, book, units(d.base(), poor ? 1 : 1000), units(d.quote(), poor ? 50 : 100_000));
            }
        }
        long[][] start = holdings(x, run.books());
        Map<List<Long>, Revised> revisions = new HashMap<>();
        long now = 0;
        for (Op op : run.ops()) {
            now += op.dt();
            apply(x, d, op, op.book() % run.books(), now);
            if (check) {
                verify(x, d, run.books(), start, revisions);
            }
        }
        if (check) {
            for (int agent = 1; agent <= AGENTS; agent++) {
                for (int book = 0; book < run.books(); book++) {
                    for (Order order : x.account(agent, book).orders()) {
                        x.cancel(agent, book, order.orderId(), CancelOrders.Cancellation.ALL);
                    }
                    Account account = x.account(agent, book);
                    assertThat(account.base().reserved()).isZero();
                    assertThat(account.quote().reserved()).isZero();
                }
            }
            verify(x, d, run.books(), start, revisions);
        }
        List<List<Notice>> notices = new ArrayList<>();
        for (int agent = 1; agent <= AGENTS; agent++) {
            notices.add(recorder.notices(agent));
        }
        return new Outcome(recorder.events(), notices, x.stateHash());
    }

    private static long units(Scale scale, long whole) {
        return whole * scale.unit();
    }

    private static void apply(Exchange x, BookDecimals d, Op op, int book, long now) {
        x.advanceTo(now);
        Side side = op.buy() ? Side.BUY : Side.SELL;
        long price = 100 * d.price().unit() + op.tick();
        long volume = op.lots() * Scale.pow10(d.volume().decimals()) / 100;
        StpMode stp = StpMode.values()[op.stp()];
        switch (op.kind()) {
            case 0, 1, 2, 3, 4 -> {
                TimeInForce tif = TimeInForce.values()[op.tif()];
                x.placeLimit(op.agent(), book, side, price, volume, Currency.BASE, 0, tif,
                        tif == TimeInForce.GTT ? now + 1 + op.pick() % 60 : 0, op.postOnly(), stp, op.pick(),
                        SettleFlag.FIFO, 0, 0);
            }
            case 5 -> x.placeMarket(op.agent(), book, side, volume, Currency.BASE, 0,
                    op.postOnly() ? Rate.ONE / 1000 : 0, stp, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
            case 6 -> x.placeMarket(op.agent(), book, side, op.lots() * d.quote().unit() / 4, Currency.QUOTE,
                    0, 0, stp, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
            case 7 -> x.placeLimit(op.agent(), book, side, price, op.lots() * d.quote().unit() / 3,
                    Currency.QUOTE, 0, TimeInForce.GTC, 0, false, stp, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
            default -> {
                List<Order> open = x.account(op.agent(), book).orders();
                long id = open.isEmpty() ? op.pick() : open.get(op.pick() % open.size()).orderId();
                x.cancel(op.agent(), book, id, op.kind() == 8 ? CancelOrders.Cancellation.ALL : volume / 2);
            }
        }
    }

    private static long[][] holdings(Exchange x, int books) {
        long[][] sums = new long[books][2];
        for (int book = 0; book < books; book++) {
            sums[book][0] = x.feesBase(book);
            sums[book][1] = x.feesQuote(book);
            for (int agent : x.agentIds()) {
                Account a = x.account(agent, book);
                sums[book][0] += a.base().total() + a.baseCollateral() - a.baseLoan();
                sums[book][1] += a.quote().total() + a.quoteCollateral() - a.quoteLoan();
            }
        }
        return sums;
    }

    /** An order as last published and the revision it came with. */
    private record Revised(long revision, Order order) {
    }

    /**
     * The revisions' promise ({@code OrderList.Columns#revision}): every published order has one, and an order
     * published again under the revision it had is the same order. {@code revisions} holds each as last published.
     */
    private static void checkRevisions(Exchange x, int books, Map<List<Long>, Revised> revisions) {
        OrderList.Columns shared = new OrderList.Columns(0);
        for (int book = 0; book < books; book++) {
            for (int agent : x.agentIds()) {
                OrderList orders = (OrderList) x.account(agent, book, book, shared).orders();
                for (int i = 0; i < orders.size(); i++) {
                    Order order = orders.get(i);
                    long revision = orders.revision(i);
                    assertThat(revision).as("revision of order %d", order.orderId()).isNotZero();
                    Revised before = revisions.put(List.of((long) book, order.orderId()), new Revised(revision, order));
                    if (before != null && before.revision() == revision) {
                        assertThat(order).as("order %d published again under revision %d", order.orderId(), revision)
                                .isEqualTo(before.order());
                    }
                }
            }
        }
    }

    private static void verify(Exchange x, BookDecimals d, int books, long[][] start,
                               Map<List<Long>, Revised> revisions) {
        x.checkInvariants();
        checkRevisions(x, books, revisions);
        assertThat(holdings(x, books)).as("base and quote held plus fees").isEqualTo(start);
        // every account read again into one shared block of order columns under other book ids, as a publication
        // reads them: the same orders, in id order
        OrderList.Columns shared = new OrderList.Columns(0);
        for (int book = 0; book < books; book++) {
            long bid = x.bestBid(book);
            long ask = x.bestAsk(book);
            if (bid != 0 && ask != 0) {
                assertThat(bid).as("book %d not crossed", book).isLessThan(ask);
            }
            for (int agent : x.agentIds()) {
                Account account = x.account(agent, book);
                Account published = x.account(agent, book, 100 + book, shared);
                assertThat(published.bookId()).isEqualTo(100 + book);
                assertThat(published.orders()).as("agent %d book %d orders in a shared block", agent, book)
                        .isEqualTo(account.orders().stream().map(o -> new Order(o.orderId(), 100 + o.bookId(),
                                o.agentId(), o.clientOrderId(), o.side(), o.price(), o.volume(), o.leverage(),
                                o.timestamp(), o.timeInForce(), o.expiry(), o.stp())).toList());
                assertThat(account.orders()).extracting(Order::orderId).isSorted();
                long base = 0;
                long quote = 0;
                for (Order order : account.orders()) {
                    if (order.side() == Side.BUY) {
                        quote += Fixed.multiply(order.price(), d.price().decimals(), order.volume(),
                                d.volume().decimals(), d.quote().decimals(), Fixed.DOWN);
                    } else {
                        base += Fixed.rescale(order.volume(), d.volume().decimals(), d.base().decimals(),
                                Fixed.DOWN);
                    }
                }
                assertThat(account.base().reserved()).as("agent %d book %d base reserved", agent, book)
                        .isEqualTo(base);
                assertThat(account.quote().reserved()).as("agent %d book %d quote reserved", agent, book)
                        .isEqualTo(quote);
            }
        }
    }
}
