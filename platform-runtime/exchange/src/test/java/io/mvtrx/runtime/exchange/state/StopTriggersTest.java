package io.mvtrx.runtime.exchange.state;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario E of simulator-054.md §13.1: prices at 2 decimals, quantities at 4, offsets at 10^-8. */
class StopTriggersTest {

    private static final int AGENT = 1;
    private static final int BUY = 0;
    private static final int SELL = 1;

    /** A fired leg: closing side, quantity, reason. */
    record Fired(int closingSide, long quantity, int reason) {
    }

    private final StopTriggers stops = new StopTriggers();
    private final List<Fired> fired = new ArrayList<>();

    private void price(String text) {
        stops.onPrice(new java.math.BigDecimal(text).movePointRight(2).longValueExact(),
                (agent, side, quantity, client, order, reason) -> fired.add(new Fired(side, quantity, reason)));
    }

    private void fill(int side, long lots, String price, String stopLoss, String takeProfit) {
        price(price);
        stops.onFill(AGENT, side, lots * 10_000, new java.math.BigDecimal(price).movePointRight(2).longValueExact(),
                offset(stopLoss), offset(takeProfit), 7, 42);
    }

    private static long offset(String text) {
        return new java.math.BigDecimal(text).movePointRight(8).longValueExact();
    }

    @Test
    void aLongStopLossFiresWhenThePriceFallsThroughIt() {
        fill(BUY, 5, "100", "-0.05", "0");
        price("94");
        assertThat(fired).containsExactly(new Fired(SELL, 50_000, StopTriggers.STOP_LOSS));
    }

    @Test
    void aLongStopLossDoesNotFireOnARise() {
        fill(BUY, 5, "100", "-0.05", "0");
        price("106");
        assertThat(fired).isEmpty();
    }

    @Test
    void aLongTakeProfitFiresOnTheWayUpOnly() {
        fill(BUY, 5, "100", "0", "0.10");
        price("90");
        assertThat(fired).isEmpty();
        price("112");
        assertThat(fired).containsExactly(new Fired(SELL, 50_000, StopTriggers.TAKE_PROFIT));
    }

    @Test
    void shortTriggersMirrorTheLongOnes() {
        fill(SELL, 5, "100", "0.05", "0");
        price("106");
        assertThat(fired).containsExactly(new Fired(BUY, 50_000, StopTriggers.STOP_LOSS));

        StopTriggers other = new StopTriggers();
        List<Fired> got = new ArrayList<>();
        other.onPrice(10_000, (a, s, q, c, o, r) -> got.add(new Fired(s, q, r)));
        other.onFill(AGENT, SELL, 50_000, 10_000, 0, offset("-0.10"), 7, 42);
        other.onPrice(8_900, (a, s, q, c, o, r) -> got.add(new Fired(s, q, r)));
        assertThat(got).containsExactly(new Fired(BUY, 50_000, StopTriggers.TAKE_PROFIT));
    }

    @Test
    void firingOneLegDeletesItsPair() {
        fill(BUY, 5, "100", "-0.05", "0.10");
        price("80");
        price("120");
        assertThat(fired).containsExactly(new Fired(SELL, 50_000, StopTriggers.STOP_LOSS));
        assertThat(stops.size()).as("the slot stays until a closing trade drains it").isEqualTo(1);
    }

    @Test
    void theFirstPriceOnlySeedsTheFeed() {
        stops.onFill(AGENT, BUY, 50_000, 10_000, offset("-0.05"), 0, 7, 42);
        price("90");
        assertThat(fired).as("no price before: 90 only seeds").isEmpty();
        price("80");
        assertThat(fired).isEmpty();
        price("96");
        assertThat(fired).as("95 is a falling trigger").isEmpty();
        price("94");
        assertThat(fired).hasSize(1);
    }

    @Test
    void partialFillsAtTwoPricesCarryTheirOwnTriggers() {
        fill(BUY, 3, "100", "-0.10", "0");
        fill(BUY, 5, "110", "-0.10", "0");
        price("105");
        assertThat(fired).isEmpty();
        price("95");
        assertThat(fired).containsExactly(new Fired(SELL, 50_000, StopTriggers.STOP_LOSS));
        price("85");
        assertThat(fired).containsExactly(new Fired(SELL, 50_000, StopTriggers.STOP_LOSS),
                new Fired(SELL, 30_000, StopTriggers.STOP_LOSS));
    }

    @Test
    void aCounterTradeDrainsCoverageOldestFirst() {
        fill(BUY, 10, "100", "-0.05", "0");
        fill(SELL, 4, "100", "0", "0");
        assertThat(stops.covered(AGENT, SELL)).isEqualTo(60_000);
        price("94");
        assertThat(fired).containsExactly(new Fired(SELL, 60_000, StopTriggers.STOP_LOSS));

        StopTriggers two = new StopTriggers();
        two.onFill(AGENT, BUY, 30_000, 10_000, offset("-0.05"), 0, 7, 1);
        two.onFill(AGENT, BUY, 50_000, 10_000, offset("-0.05"), 0, 7, 2);
        two.onFill(AGENT, SELL, 40_000, 10_000, 0, 0, 7, 3);
        assertThat(two.size()).isEqualTo(1);
        assertThat(two.covered(AGENT, SELL)).isEqualTo(40_000);
    }

    @Test
    void aFlaggedFillFirstClosesOppositeCoverageThenCoversOnlyItsResidual() {
        fill(SELL, 4, "100", "0.05", "0");
        fill(BUY, 10, "100", "-0.05", "0");
        assertThat(stops.covered(AGENT, BUY)).isZero();
        assertThat(stops.covered(AGENT, SELL)).isEqualTo(60_000);
    }

    @Test
    void purgingAnOrderRemovesItsSlots() {
        fill(BUY, 5, "100", "-0.05", "0");
        stops.purge(42);
        price("80");
        assertThat(fired).isEmpty();
        assertThat(stops.size()).isZero();
    }
}
