package io.mvtrx.runtime.exchange;

import java.math.BigDecimal;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.exchange.clearing.Clearing;
import io.mvtrx.runtime.exchange.state.BookRules;
import io.mvtrx.runtime.exchange.state.LoanTable;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.exchange.Desk.b;
import static io.mvtrx.runtime.exchange.Desk.p;
import static io.mvtrx.runtime.exchange.Desk.q;
import static io.mvtrx.runtime.exchange.Desk.v;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leverage, loans, collateral, repayment by settle flag, margin calls, liquidation, position closes and the
 * dual-position rule (simulator.md §2.12 and simulator-054.md §4.8–4.9, zero fees, maintenance margin 0.10).
 */
class LeverageTest {

    private static final long NO_CLIENT = Order.NO_CLIENT_ID;

    private static ExchangeSpec spec(String maxLoan) {
        return ExchangeSpec.simple(1, Desk.D).withLeverage(new BigDecimal("4"), new BigDecimal(maxLoan),
                new BigDecimal("0.10"));
    }

    private static long limit(Desk desk, int agent, Side side, String price, String volume, String leverage,
                              long settle) {
        return desk.exchange.placeLimit(agent, 0, side, p(price), v(volume), Currency.BASE, v(leverage),
                TimeInForce.GTC, 0, false, StpMode.CO, NO_CLIENT, settle, 0, 0);
    }

    private static long market(Desk desk, int agent, Side side, String volume, String leverage, long settle) {
        return desk.exchange.placeMarket(agent, 0, side, v(volume), Currency.BASE, v(leverage), 0, StpMode.CO,
                NO_CLIENT, settle, 0, 0);
    }

    /** simulator.md §2.12 worked example: a resting BUY 5 @ 300 at leverage 1 with 2 000 quote. */
    private static Desk leveragedLong() {
        Desk desk = new Desk(spec("10000"));
        desk.fund(1, "0", "2000");
        desk.fund(2, "100", "0");
        desk.fund(3, "0", "10000");
        long id = limit(desk, 1, Side.BUY, "300", "5", "1", SettleFlag.FIFO);
        assertThat(id).isZero();
        assertThat(desk.account(1).quote().reserved()).as("own share 3000 / 2").isEqualTo(q("1500"));
        assertThat(desk.exchange.snapshot(0).bids().getFirst().volume()).as("trades 10").isEqualTo(v("10"));
        desk.market(2, Side.SELL, "10");
        return desk;
    }

    @Test
    void aFilledLeveragedBuyLocksItsShareAsCollateralAndBorrowsThePosition() {
        Desk desk = leveragedLong();
        Account account = desk.account(1);
        assertThat(account.base().total()).isEqualTo(b("10"));
        assertThat(account.quote().total()).isEqualTo(q("500"));
        assertThat(account.quote().reserved()).isZero();
        assertThat(account.quoteLoan()).isEqualTo(q("3000"));
        assertThat(account.quoteCollateral()).isEqualTo(q("1500"));
        assertThat(account.loans()).containsExactly(
                new Loan(0, q("3000"), Currency.QUOTE, v("1"), 0, q("1500"), p("166.66")));
        assertThat(desk.account(2).quote().total()).isEqualTo(q("3000"));
        assertThat(desk.holdings()).containsExactly(b("100"), q("12000"));
        desk.exchange.checkInvariants();
    }

    @Test
    void sellingThePositionAtAProfitRepaysTheLoanAndReturnsTheCollateral() {
        Desk desk = leveragedLong();
        desk.limit(1, Side.SELL, "320", "10");
        desk.market(3, Side.BUY, "10");
        Account account = desk.account(1);
        assertThat(account.quote().total()).as("500 + 3200 + 1500 - 3000").isEqualTo(q("2200"));
        assertThat(account.base().total()).isZero();
        assertThat(account.loans()).isEmpty();
        assertThat(account.quoteLoan()).isZero();
        assertThat(account.quoteCollateral()).isZero();
        assertThat(desk.holdings()).containsExactly(b("100"), q("12000"));
    }

    @Test
    void marginCallPricesFollowTheReferenceFormulas() {
        BookRules rules = BookRules.of(0, Desk.D, BigDecimal.ZERO, new BigDecimal("4"), BigDecimal.ONE);
        long mm = Desk.r("0.1");
        // buy: 300 * 1 / (2 * 0.9) = 166.67; sell: 300 * 3 / (2 * 1.1) = 409.09 (truncated to the tick)
        assertThat(Clearing.marginCallPrice(rules, LoanTable.BUY, v("1"), q("3000"), b("10"), mm))
                .isEqualTo(p("166.66"));
        assertThat(Clearing.marginCallPrice(rules, LoanTable.SELL, v("1"), q("3000"), b("10"), mm))
                .isEqualTo(p("409.09"));
        // leverage 4: 300 * 4 / (5 * 0.9) = 266.67
        assertThat(Clearing.marginCallPrice(rules, LoanTable.BUY, v("4"), q("3000"), b("10"), mm))
                .isEqualTo(p("266.66"));
    }

    @Test
    void aBidBelowTheMarginCallPriceLiquidatesThePositionAndNetsTheCollateral() {
        Desk desk = leveragedLong();
        desk.fund(4, "0", "10000");
        desk.limit(4, Side.BUY, "160", "20");
        desk.exchange.step(0);
        assertThat(desk.marginCalls).singleElement().isEqualTo(new long[] {1, 0, p("166.66")});
        assertThat(desk.account(1).loans()).isEmpty();
        assertThat(desk.recorder.events()).filteredOn(Trade.class::isInstance)
                .extracting(e -> ((Trade) e).takerAgentId(), e -> ((Trade) e).volume(), e -> ((Trade) e).price())
                .contains(org.assertj.core.groups.Tuple.tuple(1, v("10"), p("160")));
        Account account = desk.account(1);
        // sold 10 @ 160 = 1600 repays 1600 (frees 800 of collateral); the other 700 nets the remaining 1400
        assertThat(account.base().total()).isZero();
        assertThat(account.quote().total()).as("2000 - 3000 + 1600, the loss of buying at 300 and selling at 160")
                .isEqualTo(q("600"));
        assertThat(account.quoteLoan()).isZero();
        assertThat(account.quoteCollateral()).isZero();
        assertThat(desk.holdings()).containsExactly(b("100"), q("22000"));
        desk.exchange.checkInvariants();
    }

    @Test
    void noMarginCallWhileTheBestBidStaysAboveTheMarginCallPrice() {
        Desk desk = leveragedLong();
        desk.fund(4, "0", "10000");
        desk.limit(4, Side.BUY, "166.67", "20");
        desk.exchange.step(5);
        assertThat(desk.marginCalls).isEmpty();
        assertThat(desk.account(1).loans()).hasSize(1);
        assertThat(desk.account(1).base().total()).isEqualTo(b("10"));
    }

    /** Scenario H of simulator-054.md §13.1 (the margin-call price follows the weighted entry, 305, not 303). */
    @Test
    void leveragedMarketBuyBorrowsPerFillAndAPositionCloseRepaysWhatTheBookAllows() {
        Desk desk = Desk.scenarioBook(spec("5000"));
        long id = market(desk, 1, Side.BUY, "2", "1", SettleFlag.NONE);
        Account account = desk.account(1);
        assertThat(account.base().total()).isEqualTo(b("1005"));
        assertThat(account.quote().total()).isEqualTo(q("49391"));
        assertThat(account.quote().free()).isEqualTo(q("49391"));
        assertThat(account.loans()).containsExactly(
                new Loan(id, q("1220"), Currency.QUOTE, v("1"), 0, q("610"), p("169.44")));
        long[] start = desk.holdings();

        long close = desk.exchange.closePosition(1, 0, id, ClosePositions.PositionClose.ALL);

        assertThat(close).isPositive();
        assertThat(desk.recorder.events()).filteredOn(Trade.class::isInstance)
                .extracting(e -> ((Trade) e).takerOrderId(), e -> ((Trade) e).price(), e -> ((Trade) e).volume())
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple(close, p("297"), v("1")),
                        org.assertj.core.groups.Tuple.tuple(close, p("291"), v("3")));
        account = desk.account(1);
        assertThat(account.loans()).containsExactly(
                new Loan(id, q("50"), Currency.QUOTE, v("1"), 0, q("25"), p("169.44")));
        assertThat(account.base().total()).isEqualTo(b("1001"));
        assertThat(account.quote().total()).isEqualTo(q("49976"));
        assertThat(desk.holdings()).isEqualTo(start);
        desk.exchange.checkInvariants();
    }

    @Test
    void closingAnUnknownOrForeignLoanIsRefused() {
        Desk desk = Desk.scenarioBook(spec("5000"));
        long id = market(desk, 1, Side.BUY, "2", "1", SettleFlag.NONE);
        assertThat(desk.exchange.closePosition(2, 0, id, ClosePositions.PositionClose.ALL))
                .isEqualTo(RejectReason.NOT_ORDER_OWNER.code());
        assertThat(desk.exchange.closePosition(1, 0, 999, ClosePositions.PositionClose.ALL))
                .isEqualTo(RejectReason.NO_LOAN.code());
    }

    /** Scenario I of simulator-054.md §13.1, then a margin call on the short. */
    @Test
    void aShortBlocksLeveragedBuysUntilAnUnleveragedBuyRepaysIt() {
        Desk desk = Desk.scenarioBook(spec("5000"));
        long shortId = market(desk, 1, Side.SELL, "1", "1", SettleFlag.FIFO);
        Account account = desk.account(1);
        assertThat(account.loans()).containsExactly(
                new Loan(shortId, b("2"), Currency.BASE, v("1"), b("1"), 0, p("400.90")));
        assertThat(account.base().total()).isEqualTo(b("1000"));
        assertThat(account.quote().total()).isEqualTo(q("50589"));

        assertThat(limit(desk, 1, Side.BUY, "303", "1", "1", SettleFlag.FIFO))
                .isEqualTo(RejectReason.DUAL_POSITION.code());
        assertThat(limit(desk, 1, Side.BUY, "303", "2", "0", SettleFlag.FIFO)).isPositive();

        account = desk.account(1);
        assertThat(account.loans()).isEmpty();
        assertThat(account.base().total()).as("1000 + 2 bought - 2 repaid + 1 collateral back").isEqualTo(b("1001"));
        assertThat(account.quote().total()).isEqualTo(q("49983"));
        desk.exchange.checkInvariants();
    }

    @Test
    void anAskAboveTheShortsMarginCallPriceBuysItBack() {
        Desk desk = Desk.scenarioBook(spec("5000"));
        market(desk, 1, Side.SELL, "1", "1", SettleFlag.FIFO);
        for (Order order : desk.account(Desk.BOOK_AGENT).orders()) {
            if (order.side() == Side.SELL) {
                desk.exchange.cancel(Desk.BOOK_AGENT, 0, order.orderId(), CancelOrders.Cancellation.ALL);
            }
        }
        desk.limit(Desk.BOOK_AGENT, Side.SELL, "405", "10");
        desk.exchange.step(1);
        assertThat(desk.marginCalls).singleElement().isEqualTo(new long[] {1, 4, p("400.90")});
        Account account = desk.account(1);
        assertThat(account.loans()).isEmpty();
        assertThat(account.base().total()).isEqualTo(b("1001"));
        assertThat(account.quote().total()).as("50589 - 2 * 405").isEqualTo(q("49779"));
    }

    @Test
    void aLeveragedOrderOpposingAnOpenLeveragedOrderIsADualPosition() {
        Desk desk = new Desk(spec("10000"));
        desk.fund(1, "100", "100000");
        assertThat(limit(desk, 1, Side.BUY, "100", "1", "1", SettleFlag.FIFO)).isZero();
        assertThat(limit(desk, 1, Side.SELL, "200", "1", "1", SettleFlag.FIFO))
                .isEqualTo(RejectReason.DUAL_POSITION.code());
        assertThat(limit(desk, 1, Side.SELL, "200", "1", "0", SettleFlag.FIFO)).isPositive();
        desk.exchange.cancel(1, 0, 0, CancelOrders.Cancellation.ALL);
        assertThat(limit(desk, 1, Side.SELL, "200", "1", "1", SettleFlag.FIFO)).isPositive();
    }

    @Test
    void loansAreCappedByMaxLoanAndByTheAgentsFreeWealth() {
        Desk desk = new Desk(spec("5000"));
        desk.fund(1, "0", "1000");
        desk.fund(2, "0", "100000");
        assertThat(limit(desk, 1, Side.BUY, "300", "5", "1", SettleFlag.FIFO))
                .as("share 1500 > wealth 1000").isEqualTo(RejectReason.EXCEEDING_LOAN.code());
        assertThat(limit(desk, 2, Side.BUY, "300", "5", "4", SettleFlag.FIFO))
                .as("borrows 6000 > 5000").isEqualTo(RejectReason.EXCEEDING_LOAN.code());
        assertThat(limit(desk, 2, Side.BUY, "300", "5", "2", SettleFlag.FIFO)).as("borrows 3000").isZero();
        assertThat(limit(desk, 2, Side.BUY, "300", "5", "4.0001", SettleFlag.FIFO))
                .isEqualTo(RejectReason.INVALID_LEVERAGE.code());
    }

    /** The reference decreased the level by the unleveraged amount. */
    @Test
    void partialCancelOfALeveragedOrderRemovesItsLeveragedQuantity() {
        Desk desk = new Desk(spec("10000"));
        desk.fund(1, "0", "10000");
        long id = limit(desk, 1, Side.BUY, "300", "5", "1", SettleFlag.FIFO);
        assertThat(desk.exchange.cancel(1, 0, id, v("2"))).isEqualTo(v("2"));
        assertThat(desk.exchange.snapshot(0).bids().getFirst().volume()).isEqualTo(v("6"));
        assertThat(desk.account(1).orders()).singleElement().extracting(Order::volume).isEqualTo(v("3"));
        assertThat(desk.account(1).quote().reserved()).as("1500 * 6 / 10").isEqualTo(q("900"));
        desk.exchange.cancel(1, 0, id, CancelOrders.Cancellation.ALL);
        assertThat(desk.account(1).quote().reserved()).isZero();
        desk.exchange.checkInvariants();
    }

    @Test
    void settleFlagsChooseWhichLoansProceedsRepay() {
        Desk desk = new Desk(spec("10000"));
        desk.fund(1, "0", "10000");
        desk.fund(2, "100", "100000");
        long first = limit(desk, 1, Side.BUY, "300", "1", "1", SettleFlag.FIFO);
        desk.market(2, Side.SELL, "2");
        long second = limit(desk, 1, Side.BUY, "300", "1", "1", SettleFlag.FIFO);
        desk.market(2, Side.SELL, "2");
        assertThat(desk.account(1).loans()).extracting(Loan::orderId, Loan::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, q("600")),
                        org.assertj.core.groups.Tuple.tuple(second, q("600")));

        limit(desk, 1, Side.SELL, "300", "2", "0", SettleFlag.NONE);
        desk.market(2, Side.BUY, "2");
        assertThat(desk.account(1).quoteLoan()).as("NONE repays nothing").isEqualTo(q("1200"));

        limit(desk, 1, Side.SELL, "300", "1", "0", second);
        desk.market(2, Side.BUY, "1");
        limit(desk, 1, Side.SELL, "300", "1", "0", SettleFlag.FIFO);
        desk.market(2, Side.BUY, "1");
        assertThat(desk.account(1).loans()).extracting(Loan::orderId, Loan::amount, Loan::quoteCollateral)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, q("300"), q("150")),
                        org.assertj.core.groups.Tuple.tuple(second, q("300"), q("150")));
        assertThat(desk.account(1).quote().total()).as("10000 - 600 collateral + 1200 sold + 300 back - 600 repaid")
                .isEqualTo(q("10300"));
        assertThat(desk.holdings()).containsExactly(b("100"), q("110000"));
        desk.exchange.checkInvariants();
    }
}
