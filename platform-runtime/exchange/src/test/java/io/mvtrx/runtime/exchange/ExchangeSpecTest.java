package io.mvtrx.runtime.exchange;

import java.math.BigDecimal;
import java.util.List;

import io.mvtrx.api.number.BookDecimals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeSpecTest {

    @Test
    void productionPresetIsTheReferenceExchange() {
        ExchangeSpec spec = ExchangeSpec.production(16);
        assertThat(spec.bookCount()).isEqualTo(16);
        assertThat(spec.decimals(15)).isEqualTo(BookDecimals.REFERENCE);
        assertThat(spec.minOrderSize()).isEqualByComparingTo("0.25");
        assertThat(spec.maxOpenOrders()).isEqualTo(100);
        assertThat(spec.maxLeverage()).isEqualByComparingTo("4");
        assertThat(spec.maxLoan()).isEqualByComparingTo("10000");
        assertThat(spec.maintenanceMargin()).isEqualByComparingTo("0.10");
        assertThat(spec.initialPrice()).isEqualByComparingTo("300");
        assertThat(spec.maxDepth()).isEqualTo(21);
        assertThat(spec.detailedDepth()).isEqualTo(5);
    }

    /** The reference checks the bound with a misplaced comma (1/volumeDecimals = 0.25); the intent is 0.1 here. */
    @Test
    void maintenanceMarginMayNotExceedHalfTheInverseOfOnePlusMaxLeverage() {
        ExchangeSpec spec = ExchangeSpec.production(1);
        assertThat(spec.withLeverage(new BigDecimal("4"), BigDecimal.TEN, new BigDecimal("0.1")).maintenanceMargin())
                .isEqualByComparingTo("0.1");
        assertThatThrownBy(() -> spec.withLeverage(new BigDecimal("4"), BigDecimal.TEN, new BigDecimal("0.2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exchange spec: 'maintenanceMargin' must be <= 1/(2·(1+maxLeverage)) = 0.1, got 0.2");
    }

    @Test
    void everyLimitIsCheckedWithKeyConstraintAndValue() {
        ExchangeSpec spec = ExchangeSpec.simple(1, BookDecimals.REFERENCE);
        assertThatThrownBy(() -> spec.withMinOrderSize(new BigDecimal("-1")))
                .hasMessage("exchange spec: 'minOrderSize' must be >= 0, got -1");
        assertThatThrownBy(() -> spec.withMaxOpenOrders(0))
                .hasMessage("exchange spec: 'maxOpenOrders' must be >= 1, got 0");
        assertThatThrownBy(() -> spec.withInitialPrice(BigDecimal.ZERO))
                .hasMessage("exchange spec: 'initialPrice' must be > 0, got 0");
        assertThatThrownBy(() -> spec.withDepth(0, 0)).hasMessage("exchange spec: 'maxDepth' must be >= 1, got 0");
        assertThatThrownBy(() -> spec.withBooks(List.of()))
                .hasMessage("exchange spec: 'books' must be at least one book, got []");
        assertThatThrownBy(() -> spec.withBooks(List.of(BookDecimals.of(2, 5, 4, 10))))
                .hasMessage("exchange spec: 'books[0].volumeDecimals' must be <= baseDecimals (4), got 5");
        assertThatThrownBy(() -> spec.withBooks(List.of(BookDecimals.REFERENCE, BookDecimals.of(3, 2, 2, 8))))
                .hasMessage("exchange spec: 'books[1].quoteDecimals' must be equal to book 0's (10), got 8");
        assertThat(spec.withDepth(3, 9).detailedDepth()).as("capped at maxDepth").isEqualTo(3);
    }

    @Test
    void booksMayHaveTheirOwnPriceVolumeAndBaseDecimals() {
        ExchangeSpec spec = ExchangeSpec.simple(1, BookDecimals.REFERENCE)
                .withBooks(List.of(BookDecimals.REFERENCE, BookDecimals.of(4, 2, 3, 10)));
        Desk desk = new Desk(spec);
        Exchange x = desk.exchange;
        x.deposit(1, 1, 5_000, 0);
        long id = x.placeLimit(1, 1, io.mvtrx.api.order.Side.SELL, 1_234_567, 150,
                io.mvtrx.api.order.TimeInForce.GTC, io.mvtrx.api.order.StpMode.CO);
        assertThat(id).isZero();
        assertThat(x.account(1, 1).base().reserved()).as("1.50 at 3 base decimals").isEqualTo(1_500);
        assertThat(x.snapshot(1).asks().getFirst().price()).as("123.4567").isEqualTo(1_234_567);
    }
}
