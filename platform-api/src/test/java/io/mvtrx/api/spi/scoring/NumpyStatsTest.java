package io.mvtrx.api.spi.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NumpyStatsTest {

    @Test
    void sumsFewerThanEightValuesLeftToRight() {
        // ((0 + 1e16) + 1) + -1e16: the 1 is lost when added to 1e16, so the sum is 0.
        assertThat(NumpyStats.sum(new double[] {1e16, 1, -1e16})).isEqualTo(0.0);
    }

    @Test
    void sumsEightOrMoreInEightPartialSums() {
        // 16 values: partial sums r[j] = a[j] + a[j + 8]. r0 = 1e16 + -1e16 = 0 and r1 = 1 + 0 = 1 cancel exactly
        // before the large values meet the 1s, so numpy gets 3 (three 1s survive) where a left-to-right loop gets 2.
        double[] a = {1e16, 1, 1, 1, 0, 0, 0, 0, -1e16, 0, 0, 0, 0, 0, 0, 0};
        double leftToRight = 0;
        for (double v : a) {
            leftToRight += v;
        }
        assertThat(leftToRight).isEqualTo(0.0);
        assertThat(NumpyStats.sum(a)).isEqualTo(3.0);
    }

    @Test
    void medianAveragesTheMiddlePair() {
        assertThat(NumpyStats.median(new double[] {3, 1, 2, 10})).isEqualTo(2.5);
        assertThat(NumpyStats.median(new double[] {3, 1, 2})).isEqualTo(2.0);
    }

    @Test
    void percentileInterpolatesFromTheNearerSide() {
        // {0.3, 0.7} at q = 65: index 0.65, t >= 0.5, so numpy computes b - (b - a)(1 - t) = 0.5599999999999999,
        // where a + (b - a)t would give 0.56 (numpy.percentile([0.3, 0.7], 65) is 0.5599999999999999).
        assertThat(NumpyStats.percentile(new double[] {0.7, 0.3}, 65)).isEqualTo(0.5599999999999999);
        assertThat(0.3 + (0.7 - 0.3) * 0.65).isEqualTo(0.56);
        // {0, 0.1, 0.3} at q = 70: index 2·0.7 = 1.4, t ≈ 0.4 < 0.5, from below: 0.1 + 0.2·t = 0.18 (numpy: 0.18).
        double[] w = {0.0, 0.1, 0.3};
        assertThat(NumpyStats.percentile(w, 70)).isEqualTo(0.18);
        assertThat(NumpyStats.percentile(w, 100)).isEqualTo(0.3);
        assertThat(NumpyStats.percentile(w, 0)).isEqualTo(0.0);
    }

    @Test
    void stdIsThePopulationDeviation() {
        // mean 0.3; deviations 0.7, -0.8, 1.2, -1.3, 0.2; squares sum 4.3; /5 = 0.86.
        double sd = NumpyStats.std(new double[] {1, -0.5, 1.5, -1, 0.5});
        assertThat(sd).isCloseTo(Math.sqrt(0.86), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void cubeIsCorrectlyRounded() {
        SplittableRandom random = new SplittableRandom(7);
        int naiveWrong = 0;
        for (int i = 0; i < 5000; i++) {
            double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 5));
            double exact = new BigDecimal(x).pow(3).round(MathContext.DECIMAL128).doubleValue();
            double exactOnce = new BigDecimal(x).pow(3).doubleValue();
            assertThat(NumpyStats.cube(x)).as("x = %s", x).isEqualTo(exactOnce);
            if (x * x * x != exactOnce) {
                naiveWrong++;
            }
            assertThat(exact).isNotNaN();
        }
        // x*x*x rounds twice and is off in a sizeable share of cases, which is why the cube is computed exactly.
        assertThat(naiveWrong).isGreaterThan(100);
    }

    @Test
    void cbrtIsCorrectlyRounded() {
        assertThat(NumpyStats.cbrt(27.0)).isEqualTo(3.0);
        assertThat(NumpyStats.cbrt(-8.0)).isEqualTo(-2.0);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2000; i++) {
            double x = random.nextDouble() * Math.pow(10, random.nextInt(-8, 6));
            double r = NumpyStats.cbrt(x);
            BigDecimal exact = new BigDecimal(x);
            BigDecimal up = midpoint(r, Math.nextUp(r));
            BigDecimal down = midpoint(Math.nextDown(r), r);
            assertThat(exact.compareTo(up.pow(3))).as("x = %s", x).isLessThanOrEqualTo(0);
            assertThat(exact.compareTo(down.pow(3))).as("x = %s", x).isGreaterThanOrEqualTo(0);
        }
    }

    private static BigDecimal midpoint(double a, double b) {
        return new BigDecimal(a).add(new BigDecimal(b)).divide(BigDecimal.valueOf(2));
    }
}
