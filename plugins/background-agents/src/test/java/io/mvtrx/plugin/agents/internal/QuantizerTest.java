package io.mvtrx.plugin.agents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Scale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantizerTest {

    private final Quantizer quantizer = new Quantizer(BookDecimals.REFERENCE);

    @Test
    void truncatesTheDecimalADoublePrintsAsNotItsBinaryValue() {
        // 300.01 is stored as 300.00999999999999090505; double2decimal sees "300.01"
        assertThat(quantizer.price(300.01)).isEqualTo(30_001);
        assertThat(quantizer.price(0.29)).isEqualTo(29);
        assertThat(quantizer.volume(1.0000999)).isEqualTo(10_000);
        assertThat(quantizer.volume(0.00009)).isZero();
    }

    @Test
    void truncatesTowardZero() {
        assertThat(quantizer.price(300.019999)).isEqualTo(30_001);
        assertThat(quantizer.price(-300.019999)).isEqualTo(-30_001);
    }

    @Test
    void cutsAtEightDecimalsBeforeFinerScales() {
        // double2decimal(x, 8) first: the ninth decimal is gone before the quote scale (10) applies
        assertThat(Quantizer.truncate(1.123456789, new Scale(10))).isEqualTo(11_234_567_800L);
    }

    @Test
    void roundsToTheNearestTickHalvesUp() {
        assertThat(quantizer.nearestTick(300.004999)).isEqualTo(30_000);
        assertThat(quantizer.nearestTick(300.005)).isEqualTo(30_001);
        assertThat(quantizer.nearestTick(299.9951)).isEqualTo(30_000);
    }

    @Test
    void turnsNonFiniteValuesIntoNoOrder() {
        assertThat(quantizer.volume(Double.NaN)).isZero();
        assertThat(quantizer.volume(Double.POSITIVE_INFINITY)).isZero();
        assertThat(quantizer.nearestTick(Double.NaN)).isZero();
    }

    @Property(tries = 1000)
    void agreesWithTheExactDecimalConversion(@ForAll @DoubleRange(min = 0, max = 1e6) double value,
                                             @ForAll @IntRange(min = 0, max = 8) int decimals) {
        long expected = BigDecimal.valueOf(value).setScale(8, RoundingMode.DOWN)
                .setScale(decimals, RoundingMode.DOWN).unscaledValue().longValueExact();
        assertThat(Quantizer.truncate(value, new Scale(decimals))).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void agreesWithTheExactDecimalConversionOnGridValues(@ForAll @IntRange(min = 0, max = 100_000_000) int units,
                                                         @ForAll @IntRange(min = 0, max = 8) int decimals) {
        double value = units / Math.pow(10, decimals);
        long expected = BigDecimal.valueOf(value).setScale(8, RoundingMode.DOWN)
                .setScale(decimals, RoundingMode.DOWN).unscaledValue().longValueExact();
        assertThat(Quantizer.truncate(value, new Scale(decimals))).isEqualTo(expected);
    }
}
