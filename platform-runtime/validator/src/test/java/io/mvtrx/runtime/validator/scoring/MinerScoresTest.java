package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.scoring.ScoringMetric;

class MinerScoresTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final SimulationParams SIM = new SimulationParams(4, 50_000, 4, 10 * MINUTE);
    private static final ScoringConfig CONFIG = ScoringConfig.REFERENCE;
    private static final ScoringMetric PNL = Metrics.builtIn().apply("pnl").orElseThrow()
            .create(Settings.empty("pnl"));

    @Test
    void kappaScoreNormalisesWeighsByActivityAndTakesTheMedian() {
        long now = 300 * MINUTE;
        UidHistory history = new UidHistory(4);
        // books 0, 1, 3 round-tripped within the last sampling interval -> activity factor 1 (impact 0)
        for (int b : new int[] {0, 1, 3}) {
            history.roundTripVolume().put(b, new LinkedHashMap<>(Map.of(290 * MINUTE, 100.0)));
        }
        KappaResult kappa = new KappaResult(new Double[] {0.0, 1.25, null, -5.0}, null, null, null, null, null, null);
        // normalised (K + 2.5)·(1/5): 0.5, 0.75, -, clamp(-0.5) = 0. With factor c = 1: c < 1 is false, so a value
        // <= 0.5 is weighted (2 - c)·nk = nk: {0.5, 0.75, 0}. One book without Kappa is tolerated (int(0.375·4)=1).
        // data {0.5, 0.75, 0}: median 0.5; q1 = 0.5 - 0.5·0.5 = 0.25, q3 = 0.75 - 0.25·0.5 = 0.625,
        // lower = 0.25 - 1.5·0.375 < 0: no outlier, no penalty.
        assertThat(MinerScores.kappaScore(kappa, history, now, CONFIG, SIM)).isEqualTo(0.5);
        assertThat(history.activityFactors()).containsExactly(1.0, 1.0, 0.0, 1.0);
        assertThat(history.pnlFactors()).containsExactly(1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void booksWithoutKappaBeyondTheToleranceCountAsZero() {
        UidHistory history = new UidHistory(4);
        history.roundTripVolume().put(0, new LinkedHashMap<>(Map.of(290 * MINUTE, 100.0)));
        KappaResult kappa = new KappaResult(new Double[] {2.5, null, null, null}, null, null, null, null, null, null);
        // one value 1.0 plus (3 - 1) zeros: median{1, 0, 0} = 0; q1 = 0, q3 = 0.5, lower = -0.75: no penalty
        assertThat(MinerScores.kappaScore(kappa, history, 300 * MINUTE, CONFIG, SIM)).isEqualTo(0.0);
    }

    @Test
    void aBookThatNeverRoundTrippedWeighsItsKappaByZero() {
        UidHistory history = new UidHistory(4);
        KappaResult kappa = new KappaResult(new Double[] {2.5, 2.5, 2.5, 2.5}, null, null, null, null, null, null);
        assertThat(MinerScores.kappaScore(kappa, history, 300 * MINUTE, CONFIG, SIM)).isEqualTo(0.0);
        assertThat(MinerScores.kappaScore(null, history, 300 * MINUTE, CONFIG, SIM)).isEqualTo(0.0);
    }

    @Test
    void theOutlierPenaltyHitsALowBookAmongConsistentOnes() {
        // sorted {0, 0.7, 0.8, 0.85, 0.9, 1}: q1 (index 1.25) = 0.7 + 0.1·0.25 = 0.725,
        // q3 (index 3.75, from above) = 0.9 - 0.05·0.25 = 0.8875, IQR = 0.1625, lower = 0.725 - 0.24375 = 0.48125;
        // outliers {0}, median 0: ((0.5 - 0)/1.5)·(1 - e^(-5·0.1625)) = 0.333333·0.556253 = 0.185418
        assertThat(MinerScores.outlierPenalty(new double[] {1.0, 0.8, 0.9, 0.7, 0.0, 0.85}))
                .isCloseTo(0.185418, within(1e-6));
        // identical books: IQR 0, so even a zero book costs nothing
        assertThat(MinerScores.outlierPenalty(new double[] {0.9, 0.9, 0.9, 0.9, 0.0})).isZero();
    }

    @Test
    void pnlScoreIsHalfTheMedianDailyReturnOverActiveBooks() {
        long now = 300 * MINUTE;
        UidHistory history = new UidHistory(4);
        history.realizedPnl().put(100 * MINUTE, new LinkedHashMap<>(Map.of(0, 99_999.0)));
        history.realizedPnl().put(200 * MINUTE, new LinkedHashMap<>(Map.of(0, 600.0, 1, -12_500.0)));
        history.realizedPnl().put(299 * MINUTE, new LinkedHashMap<>(Map.of(0, 25.0, 3, 3125.0)));
        // window: ts >= 300 - 180 min; ref = 50000·(3 h / 24 h) = 6250.
        // book 0: 600 + 25 = 625 -> 0.1; book 1: -12500 -> -2 -> clamp -1; book 2 inactive (tolerated); book 3: 0.5.
        // median{0.1, -1, 0.5} = 0.1 -> 0.05
        double pnl = MinerScores.pnlScore(history, now, CONFIG, SIM, PNL);
        assertThat(pnl).isEqualTo(0.05);
        // trading = clamp(0.79·0.5 + 0.21·0.05, 0, 1) = 0.4055
        assertThat(MinerScores.tradingScore(0.5, pnl, CONFIG)).isCloseTo(0.4055, within(1e-15));
        assertThat(MinerScores.tradingScore(-1, -0.5, CONFIG)).isZero();
    }

    @Test
    void activityDecayShrinksTheFactorOfAnIdleBook() {
        ScoringConfig decaying = new ScoringConfig(CONFIG.kappa(), CONFIG.pnl(),
                new ScoringConfig.Activity(10 * MINUTE, 1440 * MINUTE, 0.0, 10 * MINUTE, 1.0, 10.0),
                CONFIG.interval(), CONFIG.maxInactiveBooks(), CONFIG.rewarding());
        UidHistory history = new UidHistory(4);
        history.activityFactors()[2] = 1.0;
        history.roundTripVolume().put(2, new LinkedHashMap<>(Map.of(100 * MINUTE, 50.0)));
        KappaResult kappa = new KappaResult(new Double[] {null, null, 0.0, null}, null, null, null, null, null, null);
        MinerScores.kappaScore(kappa, history, 300 * MINUTE, decaying, SIM);
        // idle 200 min, grace 10 min: ratio = 190/170 min, acceleration = 1 + ratio² = 2.249135;
        // base = 2^(-1/((10800 - 600)/5)) = 2^(-1/2040); factor = 1·base^(1·2.249135) = 0.999236
        double base = Math.pow(2.0, -1 / 2040.0);
        double expected = Math.pow(base, 1 + Math.pow(190.0 / 170.0, 2));
        assertThat(history.activityFactors()[2]).isCloseTo(expected, within(1e-15)).isCloseTo(0.999236, within(1e-6));
    }
}
