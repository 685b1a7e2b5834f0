package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values come from an independent numpy transcription of protocol.md §7.2-7.3. */
class MinerScoresTest {

    private static final ScoringWeights W = ScoringWeights.REFERENCE;
    private static final double NAN = Double.NaN;

    @Test
    void kappaScoreToleratesInactiveBooksAndZeroesNeverActiveOnes() {
        double[] kappa = {1.2, 0.8, NAN, -0.5, 2.0, 1.0, NAN, NAN};
        double[] factor = {1, 1, 1, 1, 1, 0, 1, 1};
        assertThat(MinerScores.kappaScore(kappa, factor, W)).isCloseTo(0.6599999999999999, within(1e-12));
    }

    @Test
    void kappaScoreAppliesTheOutlierPenalty() {
        double[] kappa = {1.2, 1.1, 1.3, 1.25, -2.4, 1.15, 1.2, 1.22};
        double[] factor = {1, 1, 1, 1, 1, 1, 1, 1};
        assertThat(MinerScores.kappaScore(kappa, factor, W)).isCloseTo(0.712457979286793, within(1e-12));
    }

    @Test
    void noKappaDataScoresZero() {
        assertThat(MinerScores.kappaScore(new double[] {NAN, NAN}, new double[] {1, 1}, W)).isZero();
    }

    @Test
    void pnlScoreIsHalfTheMedianClampedReturn() {
        double[] pnl = {100, -50, 0, NAN, 700, 3000, 0, 0};
        assertThat(MinerScores.pnlScore(pnl, 6250, W)).isCloseTo(0.008, within(1e-12));
    }

    @Test
    void tradingScoreIsClampedWeightedSum() {
        assertThat(MinerScores.tradingScore(0.66, 0.008, W)).isCloseTo(0.79 * 0.66 + 0.21 * 0.008, within(1e-12));
        assertThat(MinerScores.tradingScore(0.0, -0.5, W)).isZero();
    }
}
