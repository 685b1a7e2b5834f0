package io.mvtrx.runtime.gentrx.delta.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

class TopKTest {

    @Test
    void keepsMinOfElementsAndMaxOfOneAndTheFlooredFraction() {
        assertThat(TopK.count(1_000, 0.10)).isEqualTo(100);
        assertThat(TopK.count(3, 0.10)).isEqualTo(1);       // floor(0.3) = 0, at least one
        assertThat(TopK.count(288, 0.10)).isEqualTo(28);    // floor(28.8)
        assertThat(TopK.count(1_152_288, 0.10)).isEqualTo(115_228);
        assertThat(TopK.count(7, 1.0)).isEqualTo(7);
        assertThatThrownBy(() -> TopK.count(7, 0)).hasMessage("top-k fraction must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> TopK.count(7, 1.5)).hasMessage("top-k fraction must be in (0, 1], got 1.5");
    }

    @Test
    void keepsTheLargestMagnitudesInIndexOrderPerTensor() {
        var before = set(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new float[] {1, 1, 1});
        var after = set(new float[] {0.1f, -5, 0.2f, 3, 0, -0.3f, 4, 0, 0, 0.05f}, new float[] {1, 3, 0});

        SparseDelta delta = TopK.compress(before, after, 0.3);

        SparseTensor w = delta.tensors().get(0);
        assertThat(w.indices()).containsExactly(1, 3, 6);
        assertThat(w.values()).containsExactly(-5f, 3f, 4f);
        SparseTensor b = delta.tensors().get(1);
        assertThat(b.indices()).containsExactly(1);  // |+2| beats |-1| and |0|
        assertThat(b.values()).containsExactly(2f);
        assertThat(delta.count()).isEqualTo(4);
    }

    @Test
    void breaksTiesAtTheThresholdByTheLowestIndex() {
        var before = set(new float[10], new float[3]);
        var after = set(new float[] {1, -2, 2, 1, -2, 2, 0, 3, 0, 0}, new float[] {-1, 1, 1});

        SparseDelta delta = TopK.compress(before, after, 0.4);   // k = 4 of 10, k = 1 of 3

        // 3 is largest, then four entries of |2| compete for three places: indices 1, 2, 4 win over 5.
        assertThat(delta.tensors().get(0).indices()).containsExactly(1, 2, 4, 7);
        assertThat(delta.tensors().get(0).values()).containsExactly(-2f, 2f, -2f, 3f);
        assertThat(delta.tensors().get(1).indices()).containsExactly(0);
    }

    @Test
    void ranksPositiveAndNegativeZeroAlikeAndKeepsAtLeastOneEntry() {
        var before = set(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new float[] {0.5f, 0, 0});
        var after = set(new float[] {-0f, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new float[] {0.5f, 0, 0});

        SparseDelta delta = TopK.compress(before, after, 0.1);

        assertThat(delta.tensors().get(0).indices()).containsExactly(0);
        assertThat(delta.tensors().get(1).indices()).containsExactly(0);
        assertThat(delta.tensors().get(1).values()).containsExactly(0f);
    }

    @Test
    void refusesNonFiniteDeltasAndDifferentLayouts() {
        var before = set(new float[10], new float[3]);
        var after = set(new float[] {0, 0, Float.NaN, 0, 0, 0, 0, 0, 0, 0}, new float[3]);
        assertThatThrownBy(() -> TopK.compress(before, after, 0.1))
                .hasMessage("tensor w: delta at element 2 is NaN (before 0.0, after NaN)");
        var overflow = set(new float[] {-3e38f, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new float[3]);
        var big = set(new float[] {3e38f, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new float[3]);
        assertThatThrownBy(() -> TopK.compress(overflow, big, 0.1))
                .hasMessage("tensor w: delta at element 0 is Infinity (before -3.0E38, after 3.0E38)");
        var other = new TensorSet(List.of(new Tensor("w", new int[] {10}, new float[10])));
        assertThatThrownBy(() -> TopK.compress(before, other, 0.1))
                .hasMessage("before and after do not have the same tensor layout");
    }

    static TensorSet set(float[] w, float[] b) {
        return new TensorSet(List.of(new Tensor("w", new int[] {2, 5}, w), new Tensor("b", new int[] {3}, b)));
    }
}
