package io.mvtrx.plugin.matching.prorata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class MulDivTest {

    @Test
    void smallProductsDivideDirectly() {
        assertThat(MulDiv.floor(31, 10, 60)).isEqualTo(5);
        assertThat(MulDiv.floor(31, 30, 60)).isEqualTo(15);
        assertThat(MulDiv.floor(0, 30, 60)).isZero();
    }

    @Test
    void productsBeyondSixtyThreeBitsAreExact() {
        long q = 4_000_000_000_000_000_000L;
        long s = 3_000_000_000_000_000_000L;
        long t = 9_000_000_000_000_000_000L;

        assertThat(MulDiv.floor(q, s, t)).isEqualTo(1_333_333_333_333_333_333L);
        assertThat(MulDiv.floor(Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void quotientsThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> MulDiv.floor(Long.MAX_VALUE, 4, 2)).isInstanceOf(ArithmeticException.class);
    }

    @Property(tries = 500)
    void agreesWithBigIntegerWhenTheQuotientFits(@ForAll @LongRange(min = 0) long a,
                                                 @ForAll @LongRange(min = 0) long b,
                                                 @ForAll @LongRange(min = 1) long d) {
        BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(d));
        if (exact.bitLength() < 64) {
            assertThat(MulDiv.floor(a, b, d)).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> MulDiv.floor(a, b, d)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property(tries = 500)
    void agreesWithBigIntegerForProRataShapes(@ForAll @LongRange(min = 1) long total,
                                              @ForAll @LongRange(min = 0, max = 1_000_000) long q,
                                              @ForAll @LongRange(min = 0, max = 1_000_000) long s) {
        long quantity = total / 1_000_001 * q;
        long size = total / 1_000_001 * s;
        BigInteger exact = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(size))
                .divide(BigInteger.valueOf(total));

        assertThat(MulDiv.floor(quantity, size, total)).isEqualTo(exact.longValueExact());
    }
}
