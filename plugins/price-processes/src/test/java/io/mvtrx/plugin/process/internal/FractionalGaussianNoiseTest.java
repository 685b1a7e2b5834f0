package io.mvtrx.plugin.process.internal;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FractionalGaussianNoiseTest {

    @Test
    void autocovarianceIsTheFractionalGaussianNoiseCovariance() {
        assertThat(FractionalGaussianNoise.autocovariance(0.75, 0)).isEqualTo(1.0);
        assertThat(FractionalGaussianNoise.autocovariance(0.75, 1)).isCloseTo(Math.sqrt(2) - 1, within(1e-15));
        assertThat(FractionalGaussianNoise.autocovariance(0.75, 2))
                .isCloseTo(0.5 * (1 - 2 * Math.pow(2, 1.5) + Math.pow(3, 1.5)), within(1e-15));
        assertThat(FractionalGaussianNoise.autocovariance(0.5, 1)).isZero();
        assertThat(FractionalGaussianNoise.autocovariance(0.5, 7)).isZero();
    }

    @Test
    void equalsTheCholeskyFactorOfTheCovarianceMatrixTimesTheInnovations() {
        int n = 80;
        double hurst = 0.75;
        double[] z = new double[n];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        double[][] lower = cholesky(covariance(hurst, n));
        FractionalGaussianNoise noise = new FractionalGaussianNoise(hurst);

        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int j = 0; j <= i; j++) {
                expected += lower[i][j] * z[j];
            }
            assertThat(noise.next(z[i])).as("value %d", i).isCloseTo(expected, within(1e-11));
        }
        assertThat(noise.count()).isEqualTo(n);
    }

    @Test
    void isWhiteNoiseAtHurstOneHalf() {
        FractionalGaussianNoise noise = new FractionalGaussianNoise(0.5);

        assertThat(noise.next(1.25)).isEqualTo(1.25);
        assertThat(noise.next(-0.5)).isEqualTo(-0.5);
    }

    @Test
    void aggregatedVarianceRecoversTheHurstExponent() {
        for (double hurst : new double[] {0.3, 0.75}) {
            assertThat(estimateHurst(hurst, 40, 1024, 99)).as("estimate of H = %s", hurst)
                    .isCloseTo(hurst, within(0.03));
        }
    }

    @Test
    void rejectsAHurstExponentOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> new FractionalGaussianNoise(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hurst exponent must be within (0, 1), got 0.0");
        assertThatThrownBy(() -> new FractionalGaussianNoise(1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The aggregated-variance estimator with the known zero mean: the sum of m consecutive values has variance
     * m^{2H}; the least-squares slope of log E[S_m²] against log m over m = 1, 2, 4, ..., 64 is 2H.
     */
    static double estimateHurst(double hurst, int paths, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int scales = 7;
        double[] sumSquares = new double[scales];
        long[] blocks = new long[scales];
        for (int p = 0; p < paths; p++) {
            FractionalGaussianNoise noise = new FractionalGaussianNoise(hurst);
            double[] x = new double[length];
            for (int i = 0; i < length; i++) {
                x[i] = noise.next(random.nextGaussian());
            }
            for (int s = 0; s < scales; s++) {
                int m = 1 << s;
                for (int start = 0; start + m <= length; start += m) {
                    double sum = 0;
                    for (int i = start; i < start + m; i++) {
                        sum += x[i];
                    }
                    sumSquares[s] += sum * sum;
                    blocks[s]++;
                }
            }
        }
        double meanX = 0;
        double meanY = 0;
        for (int s = 0; s < scales; s++) {
            meanX += Math.log(1 << s) / scales;
            meanY += Math.log(sumSquares[s] / blocks[s]) / scales;
        }
        double covariance = 0;
        double variance = 0;
        for (int s = 0; s < scales; s++) {
            double dx = Math.log(1 << s) - meanX;
            covariance += dx * (Math.log(sumSquares[s] / blocks[s]) - meanY);
            variance += dx * dx;
        }
        return covariance / variance / 2;
    }

    private static double[][] covariance(double hurst, int n) {
        double[][] matrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix[i][j] = FractionalGaussianNoise.autocovariance(hurst, i - j);
            }
        }
        return matrix;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        return l;
    }
}
