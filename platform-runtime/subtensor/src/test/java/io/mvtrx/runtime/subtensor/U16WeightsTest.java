package io.mvtrx.runtime.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The SDK's float → u16 conversion of weights. */
class U16WeightsTest {

    @Test
    void scalesToTheMaximumRoundsHalfToEvenAndDropsZeros() {
        U16Weights w = U16Weights.of(Map.of(5, 0.25 / 65535, 0, 0.25, 1, 0.125, 7, 0.0));
        // 0.125/0.25·65535 = 32767.5 → 32768 (even); 1/65535 of the max → 1
        assertThat(w.uids()).containsExactly(0, 1, 5);
        assertThat(w.values()).containsExactly(65535, 32768, 1);
        assertThat(U16Weights.of(Map.of(2, 1.0, 3, 0.5 / 65535)).values()).containsExactly(65535);
        assertThat(U16Weights.of(Map.of(2, 1.0, 3, 1.5 / 65535)).values()).containsExactly(65535, 2);
    }

    @Test
    void allZeroGivesNothingAndNegativesAreRefused() {
        assertThat(U16Weights.of(Map.of(0, 0.0, 1, 0.0)).isEmpty()).isTrue();
        assertThat(U16Weights.of(Map.of()).isEmpty()).isTrue();
        assertThatThrownBy(() -> U16Weights.of(Map.of(3, -0.1)))
                .hasMessage("weight of uid 3 is -0.1; weights must be finite and non-negative");
        assertThatThrownBy(() -> U16Weights.of(Map.of(70000, 1.0))).hasMessage("uid 70000 is outside 0..65535");
    }

    @Property
    void theLargestWeightAlwaysBecomes65535(@ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0.01, max = 1e6)
            Double> weights, @ForAll @IntRange(min = 0, max = 1000) int firstUid) {
        Map<Integer, Double> map = new HashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            map.put(firstUid + i, weights.get(i));
        }
        U16Weights w = U16Weights.of(map);
        assertThat(w.values()).contains(65535).allMatch(v -> v >= 1 && v <= 65535);
        assertThat(w.uids()).isSorted();
    }
}
