package io.mvtrx.runtime.exchange.comparison;

import io.mvtrx.runtime.exchange.OrderMixStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeCoreVenueTest {

    private final OrderMixStream stream = new OrderMixStream(1);

    @Test
    void gtcTradesWithTheRestingOrderAndCountsWhatRests() {
        ExchangeCoreBookVenue venue = new ExchangeCoreBookVenue(stream);

        assertThat(venue.limit(0, false, 30_010, 5)).isZero();
        assertThat(venue.restingOrders()).isEqualTo(1);
        assertThat(venue.bestAsk()).isEqualTo(30_010);
        assertThat(venue.bestBid()).isZero();

        assertThat(venue.limit(1, true, 30_010, 3)).isEqualTo(3);
        assertThat(venue.trades()).isEqualTo(1);
        assertThat(venue.restingOrders()).isEqualTo(1);

        assertThat(venue.immediateOrCancel(2, true, 30_010, 4)).isEqualTo(2);
        assertThat(venue.trades()).isEqualTo(2);
        assertThat(venue.restingOrders()).isZero();
        assertThat(venue.bestAsk()).isZero();
    }

    @Test
    void fillOrKillAtTheTouchFillsOnlyWhatTheTouchHolds() {
        ExchangeCoreBookVenue venue = new ExchangeCoreBookVenue(stream);
        venue.limit(0, false, 30_010, 2);
        venue.limit(0, false, 30_011, 5);

        assertThat(venue.fillOrKill(1, true, 30_010, 3)).isZero();
        assertThat(venue.restingOrders()).isEqualTo(2);
        assertThat(venue.fillOrKill(1, true, 30_010, 2)).isEqualTo(2);
        assertThat(venue.restingOrders()).isEqualTo(1);
        assertThat(venue.bestAsk()).isEqualTo(30_011);
    }

    @Test
    void marketSellSweepsBidsAtAnyPriceAndCancelRemovesOnlyLiveOrders() {
        ExchangeCoreBookVenue venue = new ExchangeCoreBookVenue(stream);
        venue.limit(0, true, 29_990, 1);
        venue.limit(1, true, 20_000, 1);
        venue.limit(2, true, 10_000, 4);

        assertThat(venue.market(3, false, 2)).isEqualTo(2);
        assertThat(venue.bestBid()).isEqualTo(10_000);
        assertThat(venue.cancel(0, 1)).isEqualTo(-3002);
        assertThat(venue.cancel(1, 3)).isEqualTo(-3002);
        assertThat(venue.cancel(2, 3)).isEqualTo(4);
        assertThat(venue.restingOrders()).isZero();
        assertThat(venue.cancelRejects()).isEqualTo(2);
    }

    @Test
    void fullVenueSettlesTradesWithMakerAndTakerFees() {
        ExchangeCoreFullVenue venue = new ExchangeCoreFullVenue(stream);
        long base = 1_000_000L * 10_000;
        long quote = 100_000_000L * 1_000_000_000;

        venue.limit(0, false, 30_000, 2);
        assertThat(venue.balance(0, ExchangeCoreVenue.BASE)).isEqualTo(base - 20_000);
        assertThat(venue.market(1, true, 2)).isEqualTo(2);

        // 2 lots at 300.00 = 6,000,000,000,000; fees 1.5 quote (15,000,000,000) per lot on each side
        assertThat(venue.balance(1, ExchangeCoreVenue.QUOTE)).isEqualTo(quote - 6_000_000_000_000L - 30_000_000_000L);
        assertThat(venue.balance(1, ExchangeCoreVenue.BASE)).isEqualTo(base + 20_000);
        assertThat(venue.balance(0, ExchangeCoreVenue.QUOTE)).isEqualTo(quote + 6_000_000_000_000L - 30_000_000_000L);
        assertThat(venue.balance(0, ExchangeCoreVenue.BASE)).isEqualTo(base - 20_000);
        assertThat(venue.fees(ExchangeCoreVenue.QUOTE)).isEqualTo(60_000_000_000L);
        assertThat(venue.placementRejects()).isZero();
    }

    @Test
    void fullVenueRefusesAnOrderItsAgentCannotPayFor() {
        ExchangeCoreFullVenue venue = new ExchangeCoreFullVenue(stream);

        assertThat(venue.limit(0, false, 30_000, 2_000_000)).isEqualTo(-2001);
        assertThat(venue.placementRejects()).isEqualTo(1);
        assertThat(venue.restingOrders()).isZero();
    }
}
