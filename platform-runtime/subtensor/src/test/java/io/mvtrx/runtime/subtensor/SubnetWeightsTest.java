package io.mvtrx.runtime.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The SDK's {@code process_weights_for_netuid} before the u16 conversion. */
class SubnetWeightsTest {

    @Test
    void enoughWeightsUnderTheCapAreOnlyNormalized() {
        Map<Integer, Double> w = SubnetWeights.process(Map.of(0, 0.5, 1, 0.25, 3, 0.25), 4, 1, 65535);
        assertThat(w).containsOnlyKeys(0, 1, 3);
        assertThat(w.get(0)).isEqualTo(0.5);
        assertThat(U16Weights.of(w).values()).containsExactly(65535, 32768, 32768);
    }

    @Test
    void aSubnetSmallerThanTheMinimumOrNoPositiveWeightGetsUniformWeights() {
        assertThat(SubnetWeights.process(Map.of(1, 1.0), 4, 8, 65535))
                .isEqualTo(Map.of(0, 0.25, 1, 0.25, 2, 0.25, 3, 0.25));
        assertThat(SubnetWeights.process(Map.of(1, 0.0), 2, 1, 65535)).isEqualTo(Map.of(0, 0.5, 1, 0.5));
        assertThat(SubnetWeights.process(Map.of(), 0, 1, 65535)).isEmpty();
    }

    @Test
    void tooFewPositiveWeightsArePaddedWith1eMinus5ForEveryUid() {
        U16Weights u16 = U16Weights.of(SubnetWeights.process(Map.of(0, 1.0), 4, 3, 65535));
        // 1e-5 / (1 + 4e-5) of the largest share: 0.655 of a u16 step, rounded to 1
        assertThat(u16.uids()).containsExactly(0, 1, 2, 3);
        assertThat(u16.values()).containsExactly(65535, 1, 1, 1);
    }

    @Test
    void theLargestShareIsCappedAtTheLimit() {
        Map<Integer, Double> w = SubnetWeights.process(Map.of(0, 0.9, 1, 0.05, 2, 0.05), 3, 1, 32767);
        // sorted shares 0.05, 0.05, 0.9: two below the limit, cutoff (0.49999·0.1 − 1e-7)/(1 − 0.49999) ≈ 0.1
        assertThat(w.get(0)).isCloseTo(0.499992, within(2e-6));
        assertThat(w.get(1)).isCloseTo(0.250004, within(2e-6));
        assertThat(w.get(0) + w.get(1) + w.get(2)).isCloseTo(1.0, within(1e-6));
        assertThat(w.get(0)).isLessThanOrEqualTo(32767.0 / 65535 + 1e-7);
    }

    @Test
    void aLimitThatCannotBeMetGivesUniformWeights() {
        // 3 uids can share at most 3 × 0.2 = 0.6 < 1: uniform, as the SDK does
        assertThat(SubnetWeights.process(Map.of(0, 1.0, 1, 0.1, 2, 0.1), 3, 1, 13107).values())
                .allSatisfy(v -> assertThat(v).isCloseTo(1.0 / 3, within(1e-7)));
    }

    @Property
    void sharesSumToOneAndRespectAnAttainableLimit(
            @ForAll @Size(min = 2, max = 40) java.util.List<@FloatRange(min = 0.01f, max = 1000f) Float> raw,
            @ForAll @IntRange(min = 6554, max = 65535) int maxWeightsLimit) {
        Map<Integer, Double> weights = new java.util.HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            weights.put(i, (double) raw.get(i));
        }
        Map<Integer, Double> w = SubnetWeights.process(weights, raw.size(), 1, maxWeightsLimit);
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        double limit = maxWeightsLimit / 65535.0;
        if (raw.size() * limit > 1) {
            assertThat(w.values()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(limit + 1e-4));
        }
    }
}
