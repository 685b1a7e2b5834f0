package io.mvtrx.runtime.gentrx.server.scoring;

import io.mvtrx.runtime.gentrx.server.Fixtures;
import io.mvtrx.runtime.gentrx.server.round.Assignment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradientScorerTest {

    private static final List<String> HELD = List.of("data/0/7/intervals/held-a");
    private final GradientScorer scorer = new GradientScorer(Fixtures.EVALUATOR, AcceptanceRules.defaults(), 10);

    @Test
    void acceptanceFollowsTheReferenceNumbers() {
        AcceptanceRules rules = AcceptanceRules.defaults();
        assertThat(rules.accepts(-0.05, false, false, false)).isTrue();
        assertThat(rules.accepts(-0.1, false, false, false)).isFalse(); // strictly above −0.1
        assertThat(rules.accepts(0.5, true, false, false)).isFalse();
        assertThat(rules.accepts(0.5, false, true, false)).isFalse();
        assertThat(rules.accepts(-5, true, true, true)).isTrue(); // warm-up accepts anything finite
        assertThat(rules.versionMismatched(0, 3)).isTrue();
        assertThat(rules.versionMismatched(2, 3)).isTrue();
        assertThat(rules.versionMismatched(3, 3)).isFalse();
        assertThat(rules.versionMismatched(2, 0)).isFalse();
        assertThat(rules.overfitting(1.0, 0.3)).isTrue(); // 1.0 > 0.9
        assertThat(rules.overfitting(0.8, 0.3)).isFalse();
    }

    @Test
    void scoresOwnAndHeldAsLossBeforeMinusAfter() throws Exception {
        var base = Fixtures.weights(0, 0);
        HeldOut held = scorer.heldOut(base, HELD);
        assertThat(held.baseline()).isEqualTo(4.0);
        Assignment a = Fixtures.assignment(1, 5, 0);

        // Δ = (1, 0): own 2 → 1, held 4 → 1
        ScoreCard good = scorer.score(a, Fixtures.gradient(5, 1, 1, 1, 0), base, held, false);
        assertThat(good.scoreOwn()).isEqualTo(1.0);
        assertThat(good.scoreHeld()).isEqualTo(3.0);
        assertThat(good.score()).isEqualTo(3.0);
        assertThat(good.gradNorm()).isEqualTo(1.0);
        assertThat(good.overfitting()).isFalse();
        assertThat(good.accepted()).isTrue();

        // Δ = (0, 1): own 2 → 1, held 4 → 5: score −1, refused
        ScoreCard bad = scorer.score(a, Fixtures.gradient(5, 1, 1, 0, 1), base, held, false);
        assertThat(bad.scoreOwn()).isEqualTo(1.0);
        assertThat(bad.scoreHeld()).isEqualTo(-1.0);
        assertThat(bad.overfitting()).isTrue(); // 1 > −3
        assertThat(bad.accepted()).isFalse();
        // the same in warm-up is accepted
        assertThat(scorer.score(a, Fixtures.gradient(5, 1, 0, 0, 1), base, held, true).accepted()).isTrue();
    }

    @Test
    void withoutHeldOutPagesTheOwnScoreCountsButIsNotRewardable() throws Exception {
        var base = Fixtures.weights(0, 0);
        ScoreCard card = scorer.score(Fixtures.assignment(1, 5, 0), Fixtures.gradient(5, 1, 0, 1, 1), base,
                new HeldOut(List.of(), 0), false);
        assertThat(card.noHeld()).isTrue();
        assertThat(card.score()).isEqualTo(2.0); // own 2 → 0
        assertThat(card.accepted()).isFalse();
    }

    @Test
    void aVersionMismatchIsScoredButNotAccepted() throws Exception {
        var base = Fixtures.weights(0, 0);
        HeldOut held = scorer.heldOut(base, HELD);
        ScoreCard card = scorer.score(Fixtures.assignment(1, 5, 4), Fixtures.gradient(5, 1, 3, 1, 0), base, held,
                false);
        assertThat(card.score()).isEqualTo(3.0);
        assertThat(card.versionMismatched()).isTrue();
        assertThat(card.accepted()).isFalse();
    }

    @Test
    void aDeltaThatOverflowsAWeightScoresAsLoss10000() throws Exception {
        var base = Fixtures.weights(Float.MAX_VALUE, 0);
        HeldOut held = new HeldOut(HELD, 4.0);
        ScoreCard card = scorer.score(Fixtures.assignment(1, 5, 0),
                Fixtures.gradient(5, 1, 0, Float.MAX_VALUE, 0), base, held, false);
        assertThat(card.scoreHeld()).isCloseTo(4.0 - 10_000, within(1e-9));
        assertThat(card.accepted()).isFalse();
    }

    @Test
    void aTooLargeNormIsRefusedUnscored() throws Exception {
        GradientScorer capped = new GradientScorer(Fixtures.EVALUATOR,
                new AcceptanceRules(-0.1, 3.0, true, 0.5, 5), 10);
        ScoreCard card = capped.score(Fixtures.assignment(1, 5, 0), Fixtures.gradient(5, 1, 0, 1, 0),
                Fixtures.weights(0, 0), new HeldOut(HELD, 4.0), false);
        assertThat(card.score()).isZero();
        assertThat(card.accepted()).isFalse();
        assertThat(card.rejection()).hasValueSatisfying(r -> assertThat(r).contains("exceeds 0.5"));
    }
}
