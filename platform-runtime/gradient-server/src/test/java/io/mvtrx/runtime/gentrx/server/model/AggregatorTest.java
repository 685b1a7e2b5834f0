package io.mvtrx.runtime.gentrx.server.model;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseTensor;
import io.mvtrx.runtime.gentrx.server.Fixtures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AggregatorTest {

    private final ParameterLayout layout = Fixtures.layout();

    @Test
    void theMeanDividesEveryCoordinateByTheNumberOfDeltas() {
        // (1, 0) and (3, 0) and a delta carrying only w[1] = 3: mean (4/3, 1)
        SparseDelta only1 = new SparseDelta(layout, List.of(new SparseTensor("w", Fixtures.SHAPE.clone(),
                new int[] {1}, new float[] {3f})));
        SparseDelta mean = new Aggregator(1.0).mean(List.of(Fixtures.delta(1, 0), Fixtures.delta(3, 0), only1),
                layout);
        TensorSet dense = mean.toDense();
        assertThat(dense.tensors().getFirst().values()).containsExactly(4f / 3f, 1f);
    }

    @Test
    void oneDeltaPassesThroughUnchanged() {
        SparseDelta one = Fixtures.delta(0.25f, -2f);
        assertThat(new Aggregator(0.5).mean(List.of(one), layout)).isSameAs(one);
    }

    @Test
    void theAggregateIsRecompressedAtItsFraction() {
        SparseDelta mean = new Aggregator(0.5).mean(List.of(Fixtures.delta(1, -4), Fixtures.delta(1, 0)), layout);
        // mean (1, −2); half of 2 entries keeps the larger |−2|
        assertThat(mean.count()).isEqualTo(1);
        assertThat(mean.toDense().tensors().getFirst().values()).containsExactly(0f, -2f);
    }

    @Test
    void commitKeepsEqualLossesAndRollsBackHigherOrNonFiniteOnes() {
        assertThat(CommitRule.commits(4.0, 4.0, true)).isTrue();
        assertThat(CommitRule.commits(4.0, 4.04, true)).isFalse();
        assertThat(CommitRule.commits(4.0, 4.04, false)).isTrue(); // warm-up: rollback off
        assertThat(CommitRule.commits(4.0, Double.NaN, false)).isFalse();
    }

    @Test
    void aFullCheckpointGoesOutAtVersionOneAndEverySixth() {
        PublishPolicy policy = PublishPolicy.defaults();
        assertThat(List.of(1L, 2L, 5L, 6L, 7L, 12L).stream().filter(policy::fullCheckpoint).toList())
                .containsExactly(1L, 6L, 12L);
    }
}
