package io.mvtrx.runtime.gentrx.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderModelTrainingTest {

    @Test
    void lossFallsOnAFixedTinyDataset() {
        ModelConfig config = ModelConfig.tiny();
        TokenBatch batch = TestBatches.fixed(config, 2, 16, 7);
        var settings = TrainingSettings.reference().withLearningRate(3e-3f);
        try (OrderModel model = OrderModel.create(config, settings, 42, 1)) {
            float initial = model.loss(batch);
            float previous = initial;
            float last = initial;
            for (int step = 0; step < 40; step++) {
                OrderModel.StepResult result = model.trainStep(batch);
                assertThat(result.loss()).isFinite();
                assertThat(result.gradientNorm()).isPositive();
                last = result.loss();
            }
            float after = model.loss(batch);
            System.out.printf("tiny: initial %.4f, step-40 %.4f, after %.4f%n", initial, last, after);
            // Fresh heads are near uniform: 2·ln 5 + 1.5·ln 100 + 0.5·ln 64 + 0.5·ln 8 + 0.3·ln 64 ≈ 14.4.
            assertThat(initial).isGreaterThan(8f);
            assertThat(after).isLessThan(0.8f * initial);
            assertThat(after).isLessThan(previous);
        }
    }
}
