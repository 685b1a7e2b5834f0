package io.mvtrx.runtime.simulator.report;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {

    @Test
    void returnsStartAtTheFirstPositivePriceAndAggregateWithoutOverlap() {
        double[] prices = {0, 100, 110, 121, 133.1, 146.41};

        assertThat(Statistics.logReturns(prices)).containsExactly(new double[] {Math.log(1.1), Math.log(1.1),
            Math.log(1.1), Math.log(1.1)}, within(1e-12));
        assertThat(Statistics.aggregatedReturns(prices, 2)).containsExactly(new double[] {Math.log(1.21),
            Math.log(1.21)}, within(1e-12));
        assertThat(Statistics.aggregatedReturns(prices, 5)).isEmpty();
        assertThat(Statistics.logReturns(new double[] {0, 0, 100})).isEmpty();
    }

    @Test
    void excessKurtosisOfAlternatingSeriesIsMinusTwoWhateverTheirScale() {
        assertThat(Statistics.excessKurtosis(List.of(new double[] {1, -1, 1, -1}, new double[] {10, -10, 10, -10})))
                .isCloseTo(-2, within(1e-12));
    }

    @Test
    void excessKurtosisOfOneOutlierInEightIsTwentyTwoSevenths() {
        // a two-point distribution with p = 1/8: (1 - 6p(1-p)) / (p(1-p)) = 22/7
        assertThat(Statistics.excessKurtosis(List.of(new double[] {0, 0, 0, 0, 0, 0, 0, 3})))
                .isCloseTo(22.0 / 7, within(1e-12));
        assertThat(Statistics.excessKurtosis(List.of(new double[] {1, 2, 3}))).isNaN();
    }

    @Test
    void autocorrelationDividesLaggedCrossProductsByTheSumOfSquares() {
        double[] acf = Statistics.autocorrelation(List.of(new double[] {1, -1, 1, -1}), 5);

        assertThat(acf).containsExactly(new double[] {-0.75, 0.5, -0.25, 0, 0}, within(1e-12));
    }

    @Test
    void pooledAutocorrelationDemeansEachSeriesOnItsOwn() {
        // demeaned: {-1, 1} and {1, -1} -> cross at lag 1: -1 + -1 = -2, squares 4
        double[] acf = Statistics.autocorrelation(List.of(new double[] {0, 2}, new double[] {11, 9}), 1);

        assertThat(acf[0]).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void crossCorrelationPairsTheLaggedFirstSeriesWithTheSecond() {
        List<double[]> x = List.<double[]>of(new double[] {1, 2, 3, 4});
        List<double[]> y = List.<double[]>of(new double[] {0, 1, 2, 3});

        assertThat(Statistics.crossCorrelation(x, y, 0)).isCloseTo(1.0, within(1e-12));
        // (-1.5·-0.5 + -0.5·0.5 + 0.5·1.5) / 5
        assertThat(Statistics.crossCorrelation(x, y, 1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void hillAveragesTheLogExcessesOfTheTopKOverTheNextValue() {
        double[] values = new double[40];
        java.util.Arrays.fill(values, 1);
        values[0] = 16;
        values[1] = 8;
        values[2] = 4;
        values[3] = 2;

        // 5 % of 40: k = 2, threshold 4: (ln 4 + ln 2) / 2 = 1.5 ln 2
        assertThat(Statistics.hill(values, 0.05)).isCloseTo(1 / (1.5 * Math.log(2)), within(1e-12));
        // 10 %: k = 4, threshold 1: (ln 16 + ln 8 + ln 4 + ln 2) / 4 = 2.5 ln 2
        assertThat(Statistics.hill(values, 0.10)).isCloseTo(1 / (2.5 * Math.log(2)), within(1e-12));
        // 2.5 %: k = 1, too few
        assertThat(Statistics.hill(values, 0.025)).isNaN();
    }

    @Test
    void hillRecoversTheIndexOfAParetoSample() {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.pow(1 - random.nextDouble(), -1 / 3.0);
        }

        assertThat(Statistics.hill(values, 0.05)).isCloseTo(3.0, within(0.1));
        assertThat(Statistics.hill(values, 0.025)).isCloseTo(3.0, within(0.15));
    }

    @Test
    void powerLawFitIsExactOnAPowerLawAndSkipsNonPositiveLags() {
        double[] values = new double[50];
        for (int k = 1; k <= 50; k++) {
            values[k - 1] = 0.3 * Math.pow(k, -0.5);
        }
        values[9] = -0.01;
        values[19] = 0;

        PowerLaw fit = PowerLaw.fit(values);

        assertThat(fit.exponent()).isCloseTo(0.5, within(1e-12));
        assertThat(fit.amplitude()).isCloseTo(0.3, within(1e-12));
        assertThat(fit.lags()).isEqualTo(48);
        assertThat(fit.at(4)).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void powerLawFitOfTwoPointsIsTheLineThroughThem() {
        // ln y: ln 0.4 at ln 1, ln 0.1 at ln 4 -> slope ln(1/4) / ln 4 = -1
        PowerLaw fit = PowerLaw.fit(new double[] {0.4, -1, -1, 0.1});

        assertThat(fit.exponent()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.amplitude()).isCloseTo(0.4, within(1e-12));
        assertThat(PowerLaw.fit(new double[] {0.4, -1}).exponent()).isNaN();
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Statistics.median(new int[] {3, 1, 2, 99}, 3)).isEqualTo(2.0);
        assertThat(Statistics.median(new int[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
        assertThat(Statistics.median(new int[0], 0)).isNaN();
    }

    @Test
    void positivePrefixCountsLeadingPositiveValues() {
        assertThat(Statistics.positivePrefix(new double[] {0.3, 0.1, -0.01, 0.2})).isEqualTo(2);
        assertThat(Statistics.positivePrefix(new double[] {0.3, 0.1})).isEqualTo(2);
        assertThat(Statistics.positivePrefix(new double[] {Double.NaN, 0.1})).isZero();
    }
}
