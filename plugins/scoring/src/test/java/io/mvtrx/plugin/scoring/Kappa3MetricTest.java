package io.mvtrx.plugin.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.api.spi.scoring.ScoringMetric;

/** Expected values come from an independent numpy transcription of protocol.md §7.1. */
class Kappa3MetricTest {

    private static final long SECOND = 1_000_000_000L;
    private static final ScoringMetric KAPPA = new Kappa3Provider().create(Settings.empty("kappa3"));

    private static RealizedSeries everySecond(double... pnl) {
        long[] ts = new long[pnl.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i * SECOND;
        }
        return new RealizedSeries(ts, pnl);
    }

    @Test
    void mixedGainsAndLossesUseTheLowerPartialMoment() {
        OptionalDouble k = KAPPA.evaluate(everySecond(0, 5, -2, 0, 3, 0, -1, 4, 0, 2));
        assertThat(k).hasValueCloseTo(1.12499105825224, within(1e-12));
    }

    @Test
    void aMinerWithoutLossesIsScoredOnItsUpperMoment() {
        OptionalDouble k = KAPPA.evaluate(everySecond(0, 1, 0, 2, 0, 3, 0, 1, 0, 2));
        assertThat(k).hasValueCloseTo(0.5448398256204188, within(1e-12));
    }

    @Test
    void netLosersScoreNegative() {
        OptionalDouble k = KAPPA.evaluate(everySecond(0, -1, 0, -2, 0, -3, 0, 1, 0, 0));
        assertThat(k).hasValueCloseTo(-0.3261111101576837, within(1e-12));
    }

    @Test
    void theFirstObservationAfterASimulationChangeoverIsExcluded() {
        long[] ts = {0, SECOND, 2 * SECOND, 3 * SECOND, 700 * SECOND, 701 * SECOND, 702 * SECOND};
        OptionalDouble k = KAPPA.evaluate(new RealizedSeries(ts, new double[] {1, -2, 3, 0, 50, -1, 2}));
        assertThat(k).hasValueCloseTo(0.4357505905732166, within(1e-12));
    }

    @Test
    void fewerThanThreeRealizedObservationsAreNotScored() {
        assertThat(KAPPA.evaluate(everySecond(0, 0, 0, 0, 1, 0, 0, 2, 0, 0))).isEmpty();
        assertThat(KAPPA.evaluate(everySecond())).isEmpty();
    }

    @Test
    void medianMatchesNumpyForEvenCounts() {
        assertThat(Kappa3Metric.median(new double[] {3, 1, 2, 10})).isEqualTo(2.5);
        assertThat(Kappa3Metric.median(new double[] {3, 1, 2})).isEqualTo(2.0);
    }

    @Test
    void parametersComeFromSettings() {
        ScoringMetric lenient = new Kappa3Provider().create(
                Settings.builder("kappa3").attribute("minRealizedObservations", "2").build());
        assertThat(lenient.evaluate(everySecond(0, 0, 0, 0, 1, 0, 0, 2, 0, 0))).isPresent();
    }
}
