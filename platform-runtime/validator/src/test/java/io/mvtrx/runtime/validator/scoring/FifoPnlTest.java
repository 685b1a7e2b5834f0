package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FifoPnlTest {

    @Test
    void openingTradesRealizeNothing() {
        FifoPnl fifo = new FifoPnl();
        FifoPnl.Realization r = fifo.trade(true, 2, 300, 0.6);
        assertThat(r.pnl()).isZero();
        assertThat(r.roundTripVolume()).isZero();
        assertThat(fifo.longQuantity()).isEqualTo(2);
    }

    @Test
    void closingALongRealizesPriceGainLessBothFeeShares() {
        FifoPnl fifo = new FifoPnl();
        fifo.trade(true, 2, 300, 0.6);
        // Sell 2 @ 310 with fee 0.62: (310 - 300)·2 - 0.6 - 0.62 = 18.78
        FifoPnl.Realization r = fifo.trade(false, 2, 310, 0.62);
        assertThat(r.pnl()).isCloseTo(18.78, within(1e-9));
        assertThat(r.closedQuantity()).isEqualTo(2);
        assertThat(r.roundTripVolume()).isEqualTo(620);
        assertThat(fifo.longQuantity()).isZero();
    }

    @Test
    void closesLotsOldestFirstAndProratesPartialLots() {
        FifoPnl fifo = new FifoPnl();
        fifo.trade(true, 1, 100, 1.0);
        fifo.trade(true, 2, 110, 2.0);
        // Sell 2 @ 120, fee 4: closes lot 1 fully (20 - 1 - 4·1/2 = 17) and half of lot 2 (10 - 1 - 2 = 7).
        FifoPnl.Realization r = fifo.trade(false, 2, 120, 4.0);
        assertThat(r.pnl()).isCloseTo(24.0, within(1e-9));
        assertThat(fifo.longQuantity()).isEqualTo(1);
        // The rest of lot 2 keeps its remaining fee 1.0: sell 1 @ 110, no fee → 0 - 1.0.
        assertThat(fifo.trade(false, 1, 110, 0).pnl()).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void aReversingTradeClosesThenOpensTheOtherSide() {
        FifoPnl fifo = new FifoPnl();
        fifo.trade(false, 1, 200, 0);
        // Buy 3 @ 190, fee 3: closes the short (10 - 1) and opens a long of 2 carrying fee 2.
        FifoPnl.Realization r = fifo.trade(true, 3, 190, 3);
        assertThat(r.pnl()).isCloseTo(9.0, within(1e-9));
        assertThat(fifo.shortQuantity()).isZero();
        assertThat(fifo.longQuantity()).isEqualTo(2);
        assertThat(fifo.trade(false, 2, 190, 0).pnl()).isCloseTo(-2.0, within(1e-9));
    }

    @Test
    void rebatesAddToRealizedPnl() {
        FifoPnl fifo = new FifoPnl();
        fifo.trade(true, 1, 100, -0.5);
        assertThat(fifo.trade(false, 1, 100, -0.5).pnl()).isCloseTo(1.0, within(1e-9));
    }
}
