package io.mvtrx.runtime.gentrx.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorSetTest {

    @Test
    void countsElementsOverAllTensorsAndComparesLayouts() {
        var set = new TensorSet(List.of(new Tensor("w", new int[] {2, 3}, new float[6]),
                new Tensor("b", new int[] {3}, new float[] {1, 2, 3})));
        var other = new TensorSet(List.of(new Tensor("w", new int[] {2, 3}, new float[6]),
                new Tensor("b", new int[] {3}, new float[3])));

        assertThat(set.totalElements()).isEqualTo(9);
        assertThat(set.sameLayout(other)).isTrue();
        assertThat(set.find("b").orElseThrow().values()).containsExactly(1f, 2f, 3f);
        assertThat(set).isNotEqualTo(other);
    }

    @Test
    void refusesAShapeThatDoesNotMatchItsValuesAndDuplicateNames() {
        assertThatThrownBy(() -> new Tensor("w", new int[] {2, 3}, new float[5]))
                .hasMessage("tensor w: shape [2, 3] holds 6 elements but 5 values were given");
        var tensor = new Tensor("w", new int[] {1}, new float[1]);
        assertThatThrownBy(() -> new TensorSet(List.of(tensor, tensor))).hasMessage("tensor name w appears twice");
    }
}
