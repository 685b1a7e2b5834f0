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
    void textbookCaseAndTheReferencesRegularisedVariant() {
        double[] r = {0.02, -0.01, 0.03, -0.02, 0.01};
        // Plain Kappa-3 with tau = 0: mu = 0.03/5 = 0.006; LPM3 = (0.01^3 + 0.02^3)/5 = 1.8e-6;
        // K = 0.006 / cbrt(1.8e-6) = 0.006 / 0.0121644 = 0.4932.
        double mu = 0.006;
        double lpm3 = (Math.pow(0.01, 3) + Math.pow(0.02, 3)) / 5;
        assertThat(mu / Math.cbrt(lpm3)).isCloseTo(0.4932, within(5e-5));
        // The reference first scales by the MAD: median 0.01, |r - 0.01| = {0.01, 0.02, 0.02, 0.03, 0} -> MAD 0.02,
        // R = {1, -0.5, 1.5, -1, 0.5}: mu = 0.3, LPM3 = (0.125 + 1)/5 = 0.225 (K is scale-free: 0.3/cbrt(0.225)
        // = 0.4932 still), sigma = sqrt(4.3/5) = 0.927362, reg = (0.1·(0.3 + 0.927362))^3 = 0.0018489; LPM3 > 1e-2,
        // so K = 0.3 / cbrt(0.2268489) = 0.3 / 0.6098818 = 0.49190 (numpy transcription: 0.4918987097802235).
        assertThat(0.3 / Math.cbrt(0.225)).isCloseTo(0.4932, within(5e-5));
        assertThat(KAPPA.evaluate(everySecond(r))).hasValueCloseTo(0.49190, within(5e-6));
        assertThat(KAPPA.evaluate(everySecond(r)).getAsDouble()).isEqualTo(0.4918987097802235);
    }

    @Test
    void aZeroChangeoverGapKeepsEveryObservation() {
        ScoringMetric noMask = new Kappa3Provider().create(
                Settings.builder("kappa3").attribute("changeoverGap", "0").build());
        long[] ts = {0, SECOND, 2 * SECOND, 3 * SECOND, 700 * SECOND, 701 * SECOND, 702 * SECOND};
        double[] pnl = {1, -2, 3, 0, 50, -1, 2};
        assertThat(noMask.evaluate(new RealizedSeries(ts, pnl)))
                .isNotEqualTo(KAPPA.evaluate(new RealizedSeries(ts, pnl)));
    }

    @Test
    void parametersComeFromSettings() {
        ScoringMetric lenient = new Kappa3Provider().create(
                Settings.builder("kappa3").attribute("minRealizedObservations", "2").build());
        assertThat(lenient.evaluate(everySecond(0, 0, 0, 0, 1, 0, 0, 2, 0, 0))).isPresent();
    }
}
