package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** FIFO accounting cases; the first five are the reference's own test_trade_fifo cases. */
class OpenPositionsTest {

    private final OpenPositions book = new OpenPositions();

    @Test
    void aBuyWithNothingToCloseOpensALongWithTheWholeFee() {
        assertThat(book.trade(1, true, 10, 100, 1).pnl()).isZero();
        assertThat(book.longs()).containsExactly(new OpenPositions.Lot(1, 10, 100, 1));
        assertThat(book.shorts()).isEmpty();
    }

    @Test
    void aFullCloseRealizesThePriceMoveLessBothFees() {
        book.trade(1, true, 10, 100, 1);
        // (110 - 100)·10 - entry fee 1 - exit fee 1·10/10 = 98
        OpenPositions.Realization r = book.trade(2, false, 10, 110, 1);
        assertThat(r.pnl()).isCloseTo(98, within(1e-12));
        assertThat(r.roundTripQuantity()).isEqualTo(10);
        assertThat(book.isEmpty()).isTrue();
    }

    @Test
    void aPartialCloseProratesTheLotFeeAndLeavesTheRest() {
        book.trade(1, true, 10, 100, 2);
        // (120 - 100)·4 - 2·4/10 - 1·4/4 = 80 - 0.8 - 1 = 78.2; the lot keeps 6 with fee 2 - 0.8 = 1.2
        assertThat(book.trade(2, false, 4, 120, 1).pnl()).isCloseTo(78.2, within(1e-12));
        assertThat(book.longs()).hasSize(1);
        assertThat(book.longs().getFirst().quantity()).isEqualTo(6);
        assertThat(book.longs().getFirst().fee()).isCloseTo(1.2, within(1e-12));
        assertThat(book.longs().getFirst().openedAt()).isEqualTo(1);
    }

    @Test
    void aShortIsCoveredByABuy() {
        book.trade(1, false, 5, 110, 0);
        // (110 - 100)·5 = 50
        assertThat(book.trade(2, true, 5, 100, 0).pnl()).isCloseTo(50, within(1e-12));
    }

    @Test
    void aBuyLargerThanTheShortsClosesThemAndOpensALong() {
        book.trade(1, false, 3, 100, 0);
        // closes 3: (100 - 99)·3 - 0 - 0.8·3/8 = 3 - 0.3 = 2.7; opens 5 with fee 0.8·5/8 = 0.5
        OpenPositions.Realization r = book.trade(2, true, 8, 99, 0.8);
        assertThat(r.pnl()).isCloseTo(2.7, within(1e-12));
        assertThat(r.roundTripQuantity()).isEqualTo(3);
        assertThat(book.shorts()).isEmpty();
        assertThat(book.longs()).hasSize(1);
        assertThat(book.longs().getFirst().quantity()).isEqualTo(5);
        assertThat(book.longs().getFirst().fee()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void oneTradeClosingSeveralLotsProratesItsFeeOverThem() {
        book.trade(1, true, 4, 100, 0.4);
        book.trade(2, true, 6, 101, 0.6);
        // lot 1 whole: (102 - 100)·4 - 0.4 - 0.7·4/7 = 8 - 0.4 - 0.4 = 7.2
        // lot 2, 3 of 6: (102 - 101)·3 - 0.6·3/6 - 0.7·3/7 = 3 - 0.3 - 0.3 = 2.4 -> 9.6 in all
        OpenPositions.Realization r = book.trade(3, false, 7, 102, 0.7);
        assertThat(r.pnl()).isCloseTo(9.6, within(1e-12));
        assertThat(r.roundTripQuantity()).isEqualTo(7);
        assertThat(book.longs()).hasSize(1);
        assertThat(book.longs().getFirst().quantity()).isEqualTo(3);
        assertThat(book.longs().getFirst().price()).isEqualTo(101);
        assertThat(book.longs().getFirst().fee()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void rebatesAddToTheRealizedPnl() {
        book.trade(1, true, 2, 50, -0.02);
        // (51 - 50)·2 - (-0.02) - (-0.02) = 2.04
        assertThat(book.trade(2, false, 2, 51, -0.02).pnl()).isCloseTo(2.04, within(1e-12));
    }

    @Test
    void aSelfTradeIsABuyChargedTheMakerFee() {
        MinerTrade selfTrade = new MinerTrade(0, 1, 50, 1, 7, 7, 0.0005, 0.01);
        assertThat(selfTrade.isBuyFor(7)).isTrue();
        assertThat(selfTrade.feeFor(7)).isEqualTo(0.0005);
        MinerTrade takerSellsToUid = new MinerTrade(0, 1, 50, 1, 7, 3, 0.0005, 0.01);
        assertThat(takerSellsToUid.isBuyFor(7)).isTrue();
        assertThat(takerSellsToUid.isBuyFor(3)).isFalse();
        assertThat(takerSellsToUid.feeFor(3)).isEqualTo(0.01);
    }

    @Test
    void floatingResiduesOpenATinyLotAsInTheReference() {
        book.trade(1, true, 0.1, 100, 0);
        book.trade(2, true, 0.2, 100, 0);
        // 0.3 - 0.1 - 0.2 = -2.8e-17 < 0: both lots close and nothing opens;
        // 0.1 + 0.2 = 0.30000000000000004 sold: 0.30000000000000004 - 0.1 - 0.2 = 2.8e-17 > 0 opens a short residue.
        book.trade(3, false, 0.1 + 0.2, 101, 0);
        assertThat(book.longs()).isEmpty();
        assertThat(book.shorts()).hasSize(1);
        assertThat(book.shorts().getFirst().quantity()).isEqualTo(0.1 + 0.2 - 0.1 - 0.2);
    }
}
