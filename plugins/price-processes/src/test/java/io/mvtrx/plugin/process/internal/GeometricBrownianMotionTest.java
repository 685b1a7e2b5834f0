package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeometricBrownianMotionTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    @Test
    void pathIsPinnedForSeed42() {
        GeometricBrownianMotion gbm = new GeometricBrownianMotion(0.05, 0.2, SECOND, 300.0, 0, DAY,
                Streams.of(42, "GBM", "gbm"));

        assertThat(gbm.advanceTo(SECOND)).isEqualTo(300.1219603019221);
        assertThat(gbm.advanceTo(10 * SECOND)).isEqualTo(300.86382632114277);
        assertThat(gbm.advanceTo(1000 * SECOND)).isEqualTo(299.55720444566185);
    }

    @Test
    void logReturnsHaveTheTheoreticalMeanAndVariance() {
        int steps = 20_000;
        double mu = 0.05;
        double sigma = 0.2;
        GeometricBrownianMotion gbm = new GeometricBrownianMotion(mu, sigma, SECOND, 300.0, 0, steps * SECOND,
                new SplitMix64(77));
        double dt = 1.0 / steps;
        double sum = 0;
        double sumSquares = 0;
        double previous = 300.0;
        for (int k = 1; k <= steps; k++) {
            double value = gbm.advanceTo(k * SECOND);
            double r = Math.log(value / previous);
            sum += r;
            sumSquares += r * r;
            previous = value;
        }
        double mean = sum / steps;
        double variance = sumSquares / steps - mean * mean;
        double expectedVariance = sigma * sigma * dt;

        // Mean: standard error σ√dt/√n = 1e-5, 4σ = 4e-5. Variance: standard error σ²dt·sqrt(2/n), 4σ = 8e-8.
        assertThat(mean).isCloseTo((mu - 0.5 * sigma * sigma) * dt, within(4 * sigma * Math.sqrt(dt / steps)));
        assertThat(variance).isCloseTo(expectedVariance, within(4 * expectedVariance * Math.sqrt(2.0 / steps)));
    }

    @Test
    void zeroVolatilityGrowsAtTheDrift() {
        GeometricBrownianMotion gbm = new GeometricBrownianMotion(0.5, 0, SECOND, 100.0, 0, 10 * SECOND,
                new SplitMix64(1));

        assertThat(gbm.advanceTo(10 * SECOND)).isCloseTo(100.0 * Math.exp(0.5), within(1e-9));
    }

    @Test
    void rejectsANegativeVolatility() {
        assertThatThrownBy(() -> new GeometricBrownianMotion(0, -0.1, SECOND, 100.0, 0, DAY,
                new SplitMix64(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sigma must be finite and >= 0, got -0.1");
    }
}
