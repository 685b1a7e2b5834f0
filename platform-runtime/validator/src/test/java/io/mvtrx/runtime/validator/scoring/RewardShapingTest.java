package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RewardShapingTest {

    @Test
    void bundledMultipliersAreNumpysVector() {
        double[] d = RewardShaping.paretoMultipliers(256);
        assertThat(d).hasSize(256);
        assertThat(d[0]).isCloseTo(0.006117, within(1e-6));
        assertThat(d[1]).isCloseTo(0.006852, within(1e-6));
        assertThat(d[255]).isCloseTo(211.6219, within(1e-4));
        assertThat(Arrays.stream(d).sum()).isCloseTo(1532.01, within(0.01));
    }

    @Test
    void otherSizesDrawTheSameLawDeterministically() {
        double[] d = RewardShaping.paretoMultipliers(1000);
        assertThat(d).isEqualTo(RewardShaping.paretoMultipliers(1000)).isSorted();
        // Lomax(1) has median 1.
        assertThat(d[500]).isBetween(0.8, 1.25);
    }

    @Test
    void softFloorTapersScoresBelowTheMedianOfPositives() {
        double[] floored = RewardShaping.softFloor(new double[] {0, 0.2, 0.4, 0.6, 0.8, 0.1}, ScoringWeights.REFERENCE);
        assertThat(floored).containsExactly(new double[] {0, 0, 0.4, 0.6, 0.8, 0}, within(1e-12));
    }

    @Test
    void paretoReshapeMultipliesByRank() {
        double[] rewards = new double[256];
        rewards[10] = 0.5;
        rewards[3] = 0.25;
        rewards[200] = 0.75;
        double[] shaped = RewardShaping.paretoReshape(rewards);
        assertThat(shaped[3]).isCloseTo(43.82975387573242, within(1e-9));
        assertThat(shaped[10]).isCloseTo(88.5224609375, within(1e-9));
        assertThat(shaped[200]).isCloseTo(158.71642684936523, within(1e-9));
        assertThat(shaped[0]).isZero();
    }

    @Test
    void movingAverageBlendsWithAlpha() {
        double[] scores = {1.0, 0.0};
        RewardShaping.movingAverage(scores, new double[] {0.0, 1.0}, ScoringWeights.REFERENCE);
        assertThat(scores[0]).isCloseTo(1 - 0.008298755, within(1e-12));
        assertThat(scores[1]).isCloseTo(0.008298755, within(1e-12));
    }
}
