package io.mvtrx.runtime.exchange;

import java.math.RoundingMode;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.testkit.book.ReferenceMatchingRule;
import io.mvtrx.testkit.fees.SettableFeePolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test exchange on {@code ReferenceBook}s at the reference decimals (P 2, V 4, B 4, Q 10), with a settable fee
 * policy and an event recorder, plus decimal-text helpers so tests read in the units of the reference notes.
 */
final class Desk {

    static final BookDecimals D = BookDecimals.REFERENCE;

    /** The agent that owns the scenario book of simulator-054.md §13.1. */
    static final int BOOK_AGENT = 100;

    final SettableFeePolicy fees;
    final EventRecorder recorder;
    final Exchange exchange;

    /** Margin calls seen: agent, order id, margin-call price. */
    final java.util.List<long[]> marginCalls = new java.util.ArrayList<>();

    Desk(ExchangeSpec spec) {
        this(spec, SettableFeePolicy.zero());
    }

    Desk(ExchangeSpec spec, SettableFeePolicy fees) {
        this.fees = fees;
        this.recorder = new EventRecorder(new ExchangeListener() {
            @Override
            public void onMarginCall(long timestamp, int bookId, int agentId, long orderId, long price) {
                marginCalls.add(new long[] {agentId, orderId, price});
            }
        });
        this.exchange = new Exchange(spec, new ReferenceMatchingRule(), fees, recorder);
    }

    /** One book, no limits, no fees. */
    static Desk simple() {
        return new Desk(ExchangeSpec.simple(1, D));
    }

    /**
     * The base book of scenarios A–C: agent {@value #BOOK_AGENT} rests bids 297×1, 291×3 and asks 303×2, 307×8;
     * agents 1, 2 and 3 hold 1001 base and 50 001 quote (the MultiAgentFees fixture).
     */
    static Desk scenarioBook(ExchangeSpec spec) {
        Desk desk = new Desk(spec);
        desk.fund(BOOK_AGENT, "1000000", "100000000");
        for (int agent = 1; agent <= 3; agent++) {
            desk.fund(agent, "1001", "50001");
        }
        desk.limit(BOOK_AGENT, Side.BUY, "297", "1");
        desk.limit(BOOK_AGENT, Side.BUY, "291", "3");
        desk.limit(BOOK_AGENT, Side.SELL, "303", "2");
        desk.limit(BOOK_AGENT, Side.SELL, "307", "8");
        desk.recorder.clear();
        return desk;
    }

    static long p(String price) {
        return D.price().parse(price, RoundingMode.UNNECESSARY);
    }

    static long v(String volume) {
        return D.volume().parse(volume, RoundingMode.UNNECESSARY);
    }

    static long b(String base) {
        return D.base().parse(base, RoundingMode.UNNECESSARY);
    }

    static long q(String quote) {
        return D.quote().parse(quote, RoundingMode.UNNECESSARY);
    }

    static long r(String rate) {
        return Rate.SCALE.parse(rate, RoundingMode.UNNECESSARY);
    }

    void fund(int agent, String base, String quote) {
        for (int book = 0; book < exchange.bookCount(); book++) {
            assertThat(exchange.deposit(agent, book, b(base), q(quote))).isZero();
        }
    }

    long limit(int agent, Side side, String price, String volume) {
        return exchange.placeLimit(agent, 0, side, p(price), v(volume), TimeInForce.GTC, StpMode.CO);
    }

    long limit(int agent, Side side, String price, String volume, TimeInForce tif, StpMode stp) {
        return exchange.placeLimit(agent, 0, side, p(price), v(volume), tif, stp);
    }

    long market(int agent, Side side, String volume) {
        return exchange.placeMarket(agent, 0, side, v(volume), StpMode.CO);
    }

    Account account(int agent) {
        return exchange.account(agent, 0);
    }

    /** Σ over accounts of total + collateral − loans, plus the exchange's fees, per currency, on book 0. */
    long[] holdings() {
        long base = exchange.feesBase(0);
        long quote = exchange.feesQuote(0);
        for (int agent : exchange.agentIds()) {
            Account a = exchange.account(agent, 0);
            base += a.base().total() + a.baseCollateral() - a.baseLoan();
            quote += a.quote().total() + a.quoteCollateral() - a.quoteLoan();
        }
        return new long[] {base, quote};
    }
}
