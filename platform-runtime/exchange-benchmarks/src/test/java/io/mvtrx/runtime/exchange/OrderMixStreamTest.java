package io.mvtrx.runtime.exchange;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.plugin.matching.OrderBookVenue;
import io.mvtrx.plugin.matching.pricetime.PriceTimeBook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderMixStreamTest {

    /** A book that never changes: bid 299.99, ask 300.01, {@code resting} orders; counts the calls. */
    private static final class FixedVenue implements OrderMixStream.Venue {
        final int resting;
        final long[] calls = new long[6];
        long lastOwner = -1;
        long lastOrderId = -1;
        long lastPrice = -1;

        FixedVenue(int resting) {
            this.resting = resting;
        }

        @Override
        public void advanceClock() {
        }

        @Override
        public long bestBid() {
            return 29_999;
        }

        @Override
        public long bestAsk() {
            return 30_001;
        }

        @Override
        public int restingOrders() {
            return resting;
        }

        @Override
        public long limit(int agent, boolean buy, long price, long lots) {
            calls[0]++;
            lastPrice = price;
            return 0;
        }

        @Override
        public long immediateOrCancel(int agent, boolean buy, long price, long lots) {
            calls[1]++;
            return 0;
        }

        @Override
        public long market(int agent, boolean buy, long lots) {
            calls[2]++;
            return 0;
        }

        @Override
        public long fillOrKill(int agent, boolean buy, long price, long lots) {
            calls[3]++;
            return 0;
        }

        @Override
        public long postOnly(int agent, boolean buy, long price, long lots) {
            calls[4]++;
            return 0;
        }

        @Override
        public long cancel(int owner, long orderId) {
            calls[5]++;
            lastOwner = owner;
            lastOrderId = orderId;
            return 0;
        }
    }

    @Test
    void playsSixtyPercentGtcTwentyFiveCancelsFiveIocFiveMarketTwoFokThreePostOnly() {
        OrderMixStream stream = new OrderMixStream();
        FixedVenue venue = new FixedVenue(OrderMixStream.TARGET_ORDERS);
        for (int id = 1; id <= 16_384; id++) {
            stream.remember(id, id % OrderMixStream.ACCOUNTS);
        }
        for (int op = 0; op < 50_000; op++) {
            stream.next(venue);
        }

        // every cancel succeeds at the first try here, so the calls count the operations
        assertThat(venue.calls).containsExactly(30_103, 2_430, 2_429, 1_060, 1_487, 12_491);
    }

    @Test
    void aCancelAimsAtARememberedOrderOfItsOwner() {
        OrderMixStream stream = new OrderMixStream();
        FixedVenue venue = new FixedVenue(OrderMixStream.TARGET_ORDERS);
        stream.remember(4_242, 7);
        while (venue.calls[5] == 0) {
            stream.next(venue);
        }

        assertThat(venue.lastOwner).isEqualTo(7);
        assertThat(venue.lastOrderId).isEqualTo(4_242);
    }

    @Test
    void gtcOrdersCrossTheTouchOnceTheBookHoldsTheTarget() {
        OrderMixStream stream = new OrderMixStream();
        FixedVenue venue = new FixedVenue(OrderMixStream.TARGET_ORDERS);
        long crossing = 0;
        for (int op = 0; op < 10_000; op++) {
            long before = venue.calls[0];
            stream.next(venue);
            if (venue.calls[0] > before && (venue.lastPrice >= 30_001 || venue.lastPrice <= 29_999)) {
                crossing++;
            }
        }

        assertThat(crossing).isEqualTo(venue.calls[0]);
    }

    @Test
    void seedingRestsTheTargetWithinNineHundredTicksOfTheMid() {
        OrderMixStream stream = new OrderMixStream();
        PriceTimeBook book = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4_000));
        stream.seed(new OrderBookVenue(book, stream));

        assertThat(book.orderCount()).isEqualTo(OrderMixStream.TARGET_ORDERS);
        assertThat(book.bestBid()).isBetween(OrderMixStream.MID - 900, OrderMixStream.MID - 1);
        assertThat(book.bestAsk()).isBetween(OrderMixStream.MID + 1, OrderMixStream.MID + 900);
        long[] worst = {Long.MAX_VALUE, 0};
        book.levels(Side.BUY, Integer.MAX_VALUE, (price, quantity, orders) -> {
            worst[0] = Math.min(worst[0], price);
            return true;
        });
        book.levels(Side.SELL, Integer.MAX_VALUE, (price, quantity, orders) -> {
            worst[1] = Math.max(worst[1], price);
            return true;
        });
        assertThat(worst[0]).isGreaterThanOrEqualTo(OrderMixStream.MID - 900);
        assertThat(worst[1]).isLessThanOrEqualTo(OrderMixStream.MID + 900);
    }

    @Test
    void theSameSeedPlaysTheSameStreamOnTheSameBook() {
        long[] hashes = new long[2];
        for (int run = 0; run < 2; run++) {
            OrderMixStream stream = new OrderMixStream();
            PriceTimeBook book = new PriceTimeBook(new BookSpec(0, BookDecimals.REFERENCE, 4_000));
            OrderBookVenue venue = new OrderBookVenue(book, stream);
            stream.seed(venue);
            for (int op = 0; op < 50_000; op++) {
                stream.next(venue);
            }
            hashes[run] = book.stateHash();
        }

        assertThat(hashes[0]).isEqualTo(hashes[1]);
    }
}
