package io.mvtrx.agent.regressor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AutoregressionTest {

    @Test
    void recoversANoiseFreeAr1AndPredictsItsNextValue() {
        double[] series = new double[12];
        series[0] = 1;
        for (int t = 1; t < series.length; t++) {
            series[t] = 0.1 + 0.5 * series[t - 1];
        }

        assertThat(Autoregression.predictNext(series, 1, 0).getAsDouble())
                .isCloseTo(0.1 + 0.5 * series[11], within(1e-12));
    }

    @Test
    void recoversAnAr2() {
        double[] series = {1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int t = 2; t < series.length; t++) {
            series[t] = 0.01 + 0.6 * series[t - 1] - 0.3 * series[t - 2];
        }

        assertThat(Autoregression.predictNext(series, 2, 0).getAsDouble())
                .isCloseTo(0.01 + 0.6 * series[11] - 0.3 * series[10], within(1e-12));
    }

    @Test
    void aConstantSeriesIsSingularWithoutRidgeAndAnsweredWithIt() {
        double[] flat = {0.002, 0.002, 0.002, 0.002, 0.002, 0.002};

        assertThat(Autoregression.predictNext(flat, 1, 0)).isEmpty();
        assertThat(Autoregression.predictNext(flat, 1, 1e-6).getAsDouble()).isCloseTo(0.002, within(1e-6));
    }

    @Test
    void tooShortASeriesGivesNoPrediction() {
        assertThat(Autoregression.predictNext(new double[] {1, 2, 3, 4}, 2, 0)).isEmpty();
    }
}
