package io.mvtrx.runtime.gentrx.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GentrxRewardsTest {

    @Test
    void ranksAcceptedScoresOnlyAndTiesShareTheMeanOfTheirRanks() {
        // accepted, ascending: uid 2 (-0.2) rank 0/2; uids 1 and 3 (0.5) ranks 1/2 and 2/2 -> both (1+2)/2/2 = 0.75
        Map<Integer, Double> ranks = GentrxRewards.rankNormalise(List.of(new RoundScore(1, 0.5, true),
                new RoundScore(2, -0.2, true), new RoundScore(3, 0.5, true), new RoundScore(4, 0.9, false)));

        assertThat(ranks).containsExactly(Map.entry(1, 0.75), Map.entry(2, 0.0), Map.entry(3, 0.75));
    }

    @Test
    void aLoneAcceptedScoreRanksOneWhenPositiveElseZero() {
        assertThat(GentrxRewards.rankNormalise(List.of(new RoundScore(5, 0.3, true)))).containsExactly(Map.entry(5, 1.0));
        assertThat(GentrxRewards.rankNormalise(List.of(new RoundScore(5, -0.1, true)))).containsExactly(Map.entry(5, 0.0));
        assertThat(GentrxRewards.rankNormalise(List.of(new RoundScore(5, Double.NaN, true)))).isEmpty();
    }

    @Test
    void theRankEmaAdvancesOncePerRoundAndTheSlowEmaAtEachRewardComputation() {
        GentrxRewards rewards = new GentrxRewards(4);

        assertThat(rewards.onRound(7, List.of(new RoundScore(1, 0.4, true)))).isTrue();
        assertThat(rewards.onRound(7, List.of(new RoundScore(1, 0.4, true)))).isFalse();
        assertThat(rewards.onRound(6, List.of(new RoundScore(2, 0.4, true)))).isFalse();
        assertThat(rewards.rankEma()).containsExactly(0.0, 0.1, 0.0, 0.0); // 0.1 * 1.0 + 0.9 * 0

        double[] slow = rewards.onRewardComputation();
        assertThat(slow[1]).isCloseTo(0.008298755 * 0.1, within(1e-15));
        slow = rewards.onRewardComputation();
        assertThat(slow[1]).isCloseTo(0.0008298755 * (2 - 0.008298755), within(1e-15));

        assertThat(rewards.onRound(8, List.of())).isTrue(); // uid 1 unranked: decays 0.9 * 0.1
        assertThat(rewards.rankEma()[1]).isCloseTo(0.09, within(1e-15));
        rewards.reset(1);
        assertThat(rewards.rankEma()[1]).isZero();
        assertThat(rewards.slowScores()[1]).isZero();
    }

    @Test
    void splitsThePoolByParticipation() {
        // trading [0, 2, -1, 3] shifted by 1 -> [1, 3, 0, 4] / 8; GenTRX [0, .5, .5, 0] / 1; 2 of 4 active -> shrink 0.5
        // GenTRX 0.05 * 0.5 = 0.025, trading 0.975
        double[] weights = GentrxRewards.weights(new double[] {0, 2, -1, 3}, new double[] {0, 0.5, 0.5, Double.NaN},
                4, 0.05, 0, 0);
        assertThat(weights).containsExactly(new double[] {0.121875, 0.378125, 0.0125, 0.4875}, within(1e-12));

        // burn 0.1 to uid 0: pool 0.9, GenTRX 0.0225, trading 0.8775
        double[] burnt = GentrxRewards.weights(new double[] {0, 2, -1, 3}, new double[] {0, 0.5, 0.5, 0}, 4, 0.05,
                0.1, 0);
        assertThat(burnt).containsExactly(new double[] {0.2096875, 0.3403125, 0.01125, 0.43875}, within(1e-12));

        double[] tradingOnly = GentrxRewards.weights(new double[] {1, 3}, new double[] {0, 0}, 2, 0.05, 0, 0);
        assertThat(tradingOnly).containsExactly(0.25, 0.75);
    }

    @Test
    void refusesMismatchedVectorsAndSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> GentrxRewards.weights(new double[2], new double[3], 1, 0.05, 0, 0))
                .hasMessage("trading scores hold 2 uids, GenTRX scores 3");
        assertThatThrownBy(() -> GentrxRewards.weights(new double[2], new double[2], 1, 1.5, 0, 0))
                .hasMessage("simulation share and burn ratio must be in [0, 1], got 1.5 and 0.0");
    }
}
