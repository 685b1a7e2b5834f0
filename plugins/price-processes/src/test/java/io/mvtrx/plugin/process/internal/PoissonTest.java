package io.mvtrx.plugin.process.internal;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PoissonTest {

    @Test
    void smallAndLargeMeansHaveTheirMeanAndVariance() {
        for (double mean : new double[] {0.5, 3.0, 50.0, 1000.0}) {
            SplittableRandom random = new SplittableRandom(31);
            int n = 100_000;
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                long k = Poisson.sample(random, mean);
                assertThat(k).isNotNegative();
                sum += k;
                sumSquares += (double) k * k;
            }
            double sampleMean = sum / n;
            double variance = sumSquares / n - sampleMean * sampleMean;

            // Standard errors: sqrt(mean/n) for the mean, ≈ mean·sqrt(2/n) for the variance; 4σ bounds.
            assertThat(sampleMean).as("mean of Poisson(%s)", mean).isCloseTo(mean, within(4 * Math.sqrt(mean / n)));
            assertThat(variance).as("variance of Poisson(%s)", mean)
                    .isCloseTo(mean, within(4 * mean * Math.sqrt((2 + 1 / mean) / n)));
        }
    }

    @Test
    void aZeroMeanNeverArrives() {
        assertThat(Poisson.sample(new SplittableRandom(1), 0)).isZero();
    }

    @Test
    void logFactorialIsExactBelowTenAndStirlingAbove() {
        double exact = 0;
        for (int k = 1; k <= 30; k++) {
            exact += Math.log(k);
            assertThat(Poisson.logFactorial(k)).as("ln %d!", k).isCloseTo(exact, within(1e-11));
        }
    }

    @Test
    void rejectsANegativeMean() {
        assertThatThrownBy(() -> Poisson.sample(new SplittableRandom(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Poisson mean must be finite and >= 0, got -1.0");
    }
}
