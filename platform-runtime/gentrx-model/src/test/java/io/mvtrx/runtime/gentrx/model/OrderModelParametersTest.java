package io.mvtrx.runtime.gentrx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.gentrx.delta.ReferenceModelLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

class OrderModelParametersTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.reference();

    @Test
    void referenceConfigurationHasTheReferenceNamesShapesOrderAndCount() {
        try (OrderModel model = OrderModel.create(ModelConfig.reference(), SETTINGS, 1, 1)) {
            assertThat(model.layout().totalElements()).isEqualTo(12_058_801L);
            assertThat(model.layout()).isEqualTo(ReferenceModelLayout.orderModel());
            TensorSet parameters = model.parameters();
            assertThat(parameters.totalElements()).isEqualTo(12_058_801L);
            assertThat(parameters.tensors().get(0).name()).isEqualTo("emb_type.weight");
            assertThat(parameters.find("backbone.model.layers.3.mlp.down_proj.weight").orElseThrow().shape())
                    .containsExactly(288, 1152);
            assertThat(parameters.find("film.5.proj.2.bias").orElseThrow().values()[0]).isEqualTo(1f);
            assertThat(parameters.find("film.5.proj.2.bias").orElseThrow().values()[288]).isEqualTo(0f);
        }
    }

    @Test
    void tinyConfigurationCountsItsOwnParameters() {
        try (OrderModel model = OrderModel.create(ModelConfig.tiny(), SETTINGS, 1, 1)) {
            // embeddings (5+100+64+8+64+4001)·32, time 2·16+16+16·32+32, lob 20·32+32+64, tokens 64,
            // 2 layers · (4·32·32 + 3·64·32 + 64), final norm 32, FiLM 22·16+16+16·64+64, heads 5·64 + 241·32+241
            long expected = (5 + 100 + 64 + 8 + 64 + 4001) * 32L + (2 * 16 + 16 + 16 * 32 + 32) + (20 * 32 + 32 + 64)
                    + 64 + 2L * (4 * 32 * 32 + 3 * 64 * 32 + 64) + 32 + (22 * 16 + 16 + 16 * 64 + 64)
                    + (5 * 64 + 241 * 32 + 241);
            assertThat(model.layout().totalElements()).isEqualTo(expected).isEqualTo(167_505L);
        }
    }

    @Test
    void theSameSeedGivesIdenticalParametersAndAnotherSeedDoesNot() {
        try (OrderModel first = OrderModel.create(ModelConfig.tiny(), SETTINGS, 9, 1);
             OrderModel second = OrderModel.create(ModelConfig.tiny(), SETTINGS, 9, 1);
             OrderModel other = OrderModel.create(ModelConfig.tiny(), SETTINGS, 10, 1)) {
            assertThat(first.parameters()).isEqualTo(second.parameters());
            assertThat(first.parameters()).isNotEqualTo(other.parameters());
        }
    }

    @Test
    void exportedParametersLoadIntoAnotherModelAndScoreTheSame() {
        ModelConfig config = ModelConfig.tiny();
        TokenBatch batch = TestBatches.fixed(config, 2, 8, 3);
        try (OrderModel trained = OrderModel.create(config, SETTINGS.withLearningRate(1e-3f), 5, 1);
             OrderModel copy = OrderModel.create(config, SETTINGS, 6, 1)) {
            trained.trainStep(batch);
            trained.trainStep(batch);
            TensorSet exported = trained.parameters();
            assertThat(copy.parameters()).isNotEqualTo(exported);
            copy.load(exported);
            assertThat(copy.parameters()).isEqualTo(exported);
            assertThat(copy.evaluate(batch).loss()).isEqualTo(trained.evaluate(batch).loss());
        }
    }

    @Test
    void loadRefusesAWrongShapeANonFiniteValueAndAWrongNameWithoutChangingTheModel() {
        try (OrderModel model = OrderModel.create(ModelConfig.tiny(), SETTINGS, 2, 1)) {
            TensorSet before = model.parameters();

            TensorSet wrongShape = replace(before, 1, new Tensor("emb_price.weight", new int[] {32, 100},
                    new float[3200]));
            assertThatThrownBy(() -> model.load(wrongShape)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameters: emb_price.weight has shape [32, 100], the model expects [100, 32]");

            float[] poisoned = before.tensors().get(0).values().clone();
            poisoned[7] = Float.NaN;
            TensorSet withNaN = replace(before, 0, new Tensor("emb_type.weight", new int[] {5, 32}, poisoned));
            assertThatThrownBy(() -> model.load(withNaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameters: emb_type.weight holds NaN at element 7");

            TensorSet renamed = replace(before, 0, new Tensor("emb_kind.weight", new int[] {5, 32},
                    before.tensors().get(0).values()));
            assertThatThrownBy(() -> model.load(renamed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameters: tensor 0 is emb_kind.weight, the model expects emb_type.weight");

            assertThat(model.parameters()).isEqualTo(before);
        }
    }

    private static TensorSet replace(TensorSet set, int index, Tensor tensor) {
        List<Tensor> tensors = new ArrayList<>(set.tensors());
        tensors.set(index, tensor);
        return new TensorSet(tensors);
    }
}
