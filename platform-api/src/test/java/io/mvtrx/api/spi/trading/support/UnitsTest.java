package io.mvtrx.api.spi.trading.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.mvtrx.api.number.BookDecimals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitsTest {

    private final Units units = new Units(BookDecimals.REFERENCE);

    @Test
    void readsADoubleAsItsShortestDecimalBeforeRounding() {
        // new BigDecimal(299.7) is 299.69999..., which would floor to 29969.
        assertThat(units.price(299.7, RoundingMode.DOWN)).isEqualTo(29_970);
        assertThat(units.price(299.705, RoundingMode.FLOOR)).isEqualTo(29_970);
        assertThat(units.price(299.705, RoundingMode.CEILING)).isEqualTo(29_971);
        assertThat(units.price(new BigDecimal("300.1"), RoundingMode.UNNECESSARY)).isEqualTo(30_010);
        assertThat(units.volume(0.25, RoundingMode.DOWN)).isEqualTo(2_500);
        assertThat(units.volume(0.123456, RoundingMode.HALF_UP)).isEqualTo(1_235);
        assertThat(units.quote(new BigDecimal("1.5"), RoundingMode.DOWN)).isEqualTo(15_000_000_000L);
    }

    @Test
    void refusesNonFiniteDoubles() {
        assertThatThrownBy(() -> units.price(Double.NaN, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("price must be a finite number, got NaN");
        assertThatThrownBy(() -> Units.times(100, Double.POSITIVE_INFINITY, RoundingMode.DOWN))
                .hasMessage("factor must be a finite number, got Infinity");
    }

    @Test
    void convertsScaledValuesBackForModels() {
        assertThat(units.priceValue(30_010)).isEqualTo(300.1);
        assertThat(units.volumeValue(2_500)).isEqualTo(0.25);
        assertThat(units.baseValue(12_3400)).isEqualTo(12.34);
        assertThat(units.quoteValue(15_000_000_000L)).isEqualTo(1.5);
    }

    @Test
    void computesNotionalAtTheQuoteDecimals() {
        // 300.10 × 1.5 = 450.15
        assertThat(units.notional(30_010, 1_5000, RoundingMode.UNNECESSARY)).isEqualTo(4_501_500_000_000L);
        Units coarse = new Units(BookDecimals.of(2, 4, 4, 2));
        // 300.10 × 0.0001 = 0.030010 → 0.03 down, 0.04 up
        assertThat(coarse.notional(30_010, 1, RoundingMode.DOWN)).isEqualTo(3);
        assertThat(coarse.notional(30_010, 1, RoundingMode.UP)).isEqualTo(4);
    }

    @Test
    void affordableVolumeIsTheLargestThatFits() {
        assertThat(units.affordableVolume(4_501_500_000_000L, 30_010)).isEqualTo(1_5000);
        assertThat(units.affordableVolume(4_501_499_999_999L, 30_010)).isEqualTo(1_4999);
        assertThat(units.affordableVolume(0, 30_010)).isZero();
        assertThatThrownBy(() -> units.affordableVolume(1, 0)).hasMessage("price must be > 0 ticks, got 0");
    }

    @Test
    void rescalesBetweenVolumeAndBaseDecimals() {
        Units mixed = new Units(BookDecimals.of(2, 3, 5, 8));
        assertThat(mixed.volumeToBase(1_234, RoundingMode.UNNECESSARY)).isEqualTo(123_400);
        assertThat(mixed.baseToVolume(123_456, RoundingMode.DOWN)).isEqualTo(1_234);
        assertThat(mixed.baseToVolume(123_456, RoundingMode.UP)).isEqualTo(1_235);
    }

    @Test
    void multipliesScaledValuesWithExplicitRounding() {
        assertThat(Units.times(30_000, 0.999, RoundingMode.FLOOR)).isEqualTo(29_970);
        assertThat(Units.times(30_000, 0.99999, RoundingMode.FLOOR)).isEqualTo(29_999);
        assertThat(Units.times(30_000, 0.99999, RoundingMode.CEILING)).isEqualTo(30_000);
        assertThat(Units.times(30_000, 1.00001, RoundingMode.CEILING)).isEqualTo(30_001);
    }
}
