package io.mvtrx.runtime.gentrx.delta.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

class SparseDeltaTest {

    private static final ParameterLayout LAYOUT = ParameterLayout.of(List.of(
            new ParameterLayout.Parameter("w", new int[] {2, 3}),
            new ParameterLayout.Parameter("e", new int[] {2}),
            new ParameterLayout.Parameter("b", new int[] {3})));
    private static final SparseDelta DELTA = new SparseDelta(LAYOUT, List.of(
            new SparseTensor("w", new int[] {2, 3}, new int[] {1, 5}, new float[] {0.5f, -2}),
            new SparseTensor("b", new int[] {3}, new int[] {2}, new float[] {4})));

    @Test
    void addsScaledValuesIntoAFlatAccumulatorAtEachTensorsOffset() {
        var flat = new float[11];
        flat[5] = 1;
        DELTA.addTo(flat, 0.5f);
        DELTA.addTo(flat, 0.5f);

        assertThat(flat).containsExactly(0, 0.5f, 0, 0, 0, -1, 0, 0, 0, 0, 4);
        assertThatThrownBy(() -> DELTA.addTo(new float[10], 1))
                .hasMessage("flat array of 10 elements does not match the layout's 11");
    }

    @Test
    void addsIntoATensorSetInPlaceAndDecompressesMissingTensorsAsZero() {
        TensorSet model = LAYOUT.zeros();
        model.tensors().get(2).values()[2] = 1;
        DELTA.addTo(model, -1);

        assertThat(model.tensors().get(0).values()).containsExactly(0, -0.5f, 0, 0, 0, 2);
        assertThat(model.tensors().get(2).values()).containsExactly(0, 0, -3);
        TensorSet dense = DELTA.toDense();
        assertThat(dense.tensors()).extracting(Tensor::name).containsExactly("w", "e", "b");
        assertThat(dense.tensors().get(1).values()).containsExactly(0, 0);
        assertThat(dense.tensors().get(2).values()).containsExactly(0, 0, 4);
    }

    @Test
    void refusesTensorsOutOfLayoutOrderOrShapeAndUnsortedIndices() {
        var w = DELTA.tensors().get(0);
        var b = DELTA.tensors().get(1);
        assertThatThrownBy(() -> new SparseDelta(LAYOUT, List.of(b, w)))
                .hasMessage("sparse tensor w is out of layout order");
        assertThatThrownBy(() -> new SparseDelta(LAYOUT, List.of(new SparseTensor("b", new int[] {1, 3},
                new int[] {0}, new float[] {1})))).hasMessage("sparse tensor b has another shape than b [3]");
        assertThatThrownBy(() -> new SparseTensor("b", new int[] {3}, new int[] {2, 1}, new float[] {1, 1}))
                .hasMessage("sparse tensor b: index 1 at position 1 is not ascending within [0, 3)");
    }
}
