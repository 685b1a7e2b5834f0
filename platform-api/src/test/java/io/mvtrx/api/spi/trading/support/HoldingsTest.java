package io.mvtrx.api.spi.trading.support;

import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HoldingsTest {

    private static Order order(long id, Side side, long timestamp, long clientId) {
        return new Order(id, 0, 3, clientId, side, 30_000, 1_0000, 0, timestamp, TimeInForce.GTC, 0, StpMode.CO);
    }

    private static final Holdings HOLDINGS = Holdings.of(new Account(3, 0,
            new Balance(12_0000, 10_0000, 2_0000, 10_0000),
            new Balance(2_000 * Fixtures.QUOTE_UNIT, 1_700 * Fixtures.QUOTE_UNIT, 300 * Fixtures.QUOTE_UNIT,
                    3_000 * Fixtures.QUOTE_UNIT),
            1_0000, 100 * Fixtures.QUOTE_UNIT, 5_000, 0,
            List.of(order(21, Side.BUY, 300, 7), order(22, Side.SELL, 100, Order.NO_CLIENT_ID),
                    order(23, Side.BUY, 50, 8)),
            List.of(new Loan(21, 100 * Fixtures.QUOTE_UNIT, Currency.QUOTE, 1_0000, 0, 0, 25_000),
                    new Loan(22, 1_0000, Currency.BASE, 1_0000, 5_000, 0, 35_000)),
            new FeeRates(0, -5_000, 20_000)));

    @Test
    void answersBalances() {
        assertThat(HOLDINGS.freeBase()).isEqualTo(10_0000);
        assertThat(HOLDINGS.reservedBase()).isEqualTo(2_0000);
        assertThat(HOLDINGS.totalBase()).isEqualTo(12_0000);
        assertThat(HOLDINGS.initialBase()).isEqualTo(10_0000);
        assertThat(HOLDINGS.freeQuote()).isEqualTo(1_700 * Fixtures.QUOTE_UNIT);
        assertThat(HOLDINGS.reservedQuote()).isEqualTo(300 * Fixtures.QUOTE_UNIT);
        assertThat(HOLDINGS.totalQuote()).isEqualTo(2_000 * Fixtures.QUOTE_UNIT);
        assertThat(HOLDINGS.initialQuote()).isEqualTo(3_000 * Fixtures.QUOTE_UNIT);
        assertThat(HOLDINGS.makerFeeRate()).isEqualTo(-5_000);
        assertThat(HOLDINGS.takerFeeRate()).isEqualTo(20_000);
    }

    @Test
    void ownBaseAndInventoryNetTheLoanAndCountTheCollateral() {
        // 12 held − 1 borrowed + 0.5 collateral = 11.5 owned; started with 10
        assertThat(HOLDINGS.ownBase()).isEqualTo(11_5000);
        assertThat(HOLDINGS.inventory()).isEqualTo(1_5000);
        assertThat(HOLDINGS.ownQuote()).isEqualTo(1_900 * Fixtures.QUOTE_UNIT);
        assertThat(HOLDINGS.baseLoan()).isEqualTo(1_0000);
        assertThat(HOLDINGS.quoteLoan()).isEqualTo(100 * Fixtures.QUOTE_UNIT);
    }

    @Test
    void findsOrdersAndLoans() {
        assertThat(HOLDINGS.openOrderCount()).isEqualTo(3);
        assertThat(HOLDINGS.openOrders(Side.BUY)).extracting(Order::orderId).containsExactly(21L, 23L);
        assertThat(HOLDINGS.order(22)).map(Order::side).contains(Side.SELL);
        assertThat(HOLDINGS.order(99)).isEmpty();
        assertThat(HOLDINGS.orderByClientId(8)).map(Order::orderId).contains(23L);
        assertThat(HOLDINGS.ordersPlacedBefore(300)).extracting(Order::orderId).containsExactly(23L, 22L);
        assertThat(HOLDINGS.hasLoans()).isTrue();
        assertThat(HOLDINGS.loans(Currency.BASE)).extracting(Loan::orderId).containsExactly(22L);
    }
}
