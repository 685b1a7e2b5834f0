package io.mvtrx.api.spi.trading.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceSeriesTest {

    @Test
    void wrapsAroundKeepingTheNewestInOrder() {
        PriceSeries series = new PriceSeries(3);
        for (int i = 1; i <= 7; i++) {
            series.add(i * 10L, i);
        }

        assertThat(series.size()).isEqualTo(3);
        assertThat(series.capacity()).isEqualTo(3);
        assertThat(series.values()).containsExactly(5.0, 6.0, 7.0);
        assertThat(series.timestamp(0)).isEqualTo(50);
        assertThat(series.last()).isEqualTo(7.0);
        assertThat(series.logReturns()).containsExactly(Math.log(6.0 / 5), Math.log(7.0 / 6));
    }

    @Test
    void refusesIndicesOutsideTheSamples() {
        PriceSeries series = new PriceSeries(2);
        series.add(1, 1.0);

        assertThatThrownBy(() -> series.value(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("sample 1 of 1");
        assertThat(series.logReturns()).isEmpty();
        assertThatThrownBy(() -> new PriceSeries(0)).hasMessage("price series capacity must be >= 1, got 0");
    }

    @Test
    void clearEmptiesTheSeries() {
        PriceSeries series = new PriceSeries(2);
        series.add(1, 1.0);
        series.add(2, 2.0);
        series.add(3, 3.0);

        series.clear();
        series.add(4, 4.0);

        assertThat(series.values()).containsExactly(4.0);
    }
}
