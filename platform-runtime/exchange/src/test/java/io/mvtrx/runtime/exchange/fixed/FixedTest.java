package io.mvtrx.runtime.exchange.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedTest {

    @Test
    void multipliesPriceByVolumeIntoQuoteDecimals() {
        assertThat(Fixed.multiply(30010, 2, 15_000, 4, 10, Fixed.DOWN)).isEqualTo(4_501_500_000_000L);
        assertThat(Fixed.multiply(29990, 2, 10_000, 4, 4, Fixed.DOWN)).isEqualTo(2_999_000);
    }

    @Test
    void truncatesTowardZeroAndCeilsTowardPositiveInfinity() {
        // -420.6921 at 2 dp: trunc -420.69, ceil -420.69, floor -420.70 (simulator-054.md §13.1 K)
        assertThat(Fixed.rescale(-4_206_921, 4, 2, Fixed.DOWN)).isEqualTo(-42_069);
        assertThat(Fixed.rescale(-4_206_921, 4, 2, Fixed.CEILING)).isEqualTo(-42_069);
        assertThat(Fixed.rescale(-4_206_921, 4, 2, Fixed.FLOOR)).isEqualTo(-42_070);
        assertThat(Fixed.rescale(4_206_921, 4, 2, Fixed.CEILING)).isEqualTo(42_070);
        // -29358.2416619814 at 7 dp ceiling = -29358.2416619 (simulator.md §2.1)
        assertThat(Fixed.rescale(-293_582_416_619_814L, 10, 7, Fixed.CEILING)).isEqualTo(-293_582_416_619L);
    }

    @Test
    void takesTheBuyersFeeInBaseRoundedUp() {
        // fee 0.138 quote at price 300 → ceil(0.138 / 300, 4) = 0.0005 base (simulator-054.md §4.6)
        assertThat(Fixed.divide(1_380_000_000L, 10, 30_000, 2, 4, Fixed.CEILING)).isEqualTo(5);
        assertThat(Fixed.divide(1_380_000_000L, 10, 30_000, 2, 4, Fixed.DOWN)).isEqualTo(4);
    }

    @Test
    void multipliesBeyondSixtyFourBitsBeforeDividing() {
        // rate 0.015 (10^-8) times 300 000 quote (10^-10) → fee 4 500 quote at 10 dp
        long fee = Fixed.multiply(1_500_000, 8, 3_000_000_000_000_000L, 10, 10, Fixed.DOWN);
        assertThat(fee).isEqualTo(45_000_000_000_000L);
        assertThat(Fixed.multiplyDivide(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Fixed.DOWN))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(Fixed.multiplyDivide(-Long.MAX_VALUE, 3, 7, Fixed.FLOOR))
                .isEqualTo(new BigDecimal(-Long.MAX_VALUE).multiply(BigDecimal.valueOf(3))
                        .divide(BigDecimal.valueOf(7), 0, RoundingMode.FLOOR).longValueExact());
    }

    @Test
    void refusesAQuotientThatDoesNotFit() {
        assertThatThrownBy(() -> Fixed.multiplyDivide(Long.MAX_VALUE, 4, 2, Fixed.DOWN))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("overflows");
        assertThatThrownBy(() -> Fixed.multiply(Long.MAX_VALUE / 2, 0, 10, 0, 2, Fixed.DOWN))
                .isInstanceOf(ArithmeticException.class);
    }

    @Property(tries = 2000)
    void multiplyDivideAgreesWithBigInteger(@ForAll long a, @ForAll long b,
                                            @ForAll @LongRange(min = 1) long divisor,
                                            @ForAll @IntRange(min = 0, max = 2) int rounding) {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            return;
        }
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(divisor), 0, mode(rounding));
        if (exact.toBigIntegerExact().bitLength() > 63) {
            assertThatThrownBy(() -> Fixed.multiplyDivide(a, b, divisor, rounding))
                    .isInstanceOf(ArithmeticException.class);
        } else {
            assertThat(Fixed.multiplyDivide(a, b, divisor, rounding)).isEqualTo(exact.longValueExact());
        }
    }

    @Property(tries = 2000)
    void aFeeAtARateAgreesWithTheGeneralTruncatedProduct(
            @ForAll @LongRange(min = -100_000_000, max = 100_000_000) long rate, @ForAll long amount) {
        if (amount == Long.MIN_VALUE) {
            return;
        }
        BigInteger exact = BigInteger.valueOf(rate).multiply(BigInteger.valueOf(amount))
                .divide(BigInteger.valueOf(100_000_000));
        if (exact.bitLength() > 63) {
            assertThatThrownBy(() -> Fixed.ofRate(rate, amount)).isInstanceOf(ArithmeticException.class);
        } else {
            assertThat(Fixed.ofRate(rate, amount)).isEqualTo(exact.longValueExact())
                    .isEqualTo(Fixed.multiplyDivide(rate, amount, 100_000_000, Fixed.DOWN));
        }
    }

    @Test
    void aFeeAtARateTruncatesTowardZero() {
        // 0.5 % of 450.15 quote at 10 dp = 2.25075 quote; a 0.01 % rebate of 99 units truncates to 0
        assertThat(Fixed.ofRate(500_000, 4_501_500_000_000L)).isEqualTo(22_507_500_000L);
        assertThat(Fixed.ofRate(-10_000, 99)).isZero();
        assertThat(Fixed.ofRate(-230_001, 1_234_567_890_123L)).isEqualTo(-2_839_518_492L);
        assertThat(Fixed.ofRate(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE / 100_000_000);
    }

    @Property(tries = 1000)
    void smallProductsAgreeWithBigDecimal(@ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long a,
                                          @ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long b,
                                          @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long divisor,
                                          @ForAll @IntRange(min = 0, max = 2) int rounding) {
        BigDecimal exact = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b))
                .divide(BigDecimal.valueOf(divisor), 0, mode(rounding));
        assertThat(Fixed.multiplyDivide(a, b, divisor, rounding)).isEqualTo(exact.longValueExact());
    }

    private static RoundingMode mode(int rounding) {
        return switch (rounding) {
            case Fixed.DOWN -> RoundingMode.DOWN;
            case Fixed.CEILING -> RoundingMode.CEILING;
            default -> RoundingMode.FLOOR;
        };
    }
}
