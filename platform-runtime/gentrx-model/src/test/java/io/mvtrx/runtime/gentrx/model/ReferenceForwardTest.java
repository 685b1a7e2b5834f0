package io.mvtrx.runtime.gentrx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReferenceForwardTest {

    @Test
    void theGraphsRowLossesMatchAStraightLoopImplementationOfTheArchitecture() {
        ModelConfig config = ModelConfig.tiny();
        TokenBatch batch = TestBatches.fixed(config, 2, 10, 17);
        try (OrderModel model = OrderModel.create(config, TrainingSettings.reference().withLearningRate(2e-2f), 12, 1)) {
            // Trained a little so that FiLM, the time MLP and the heads are no longer at their identity/zero start.
            for (int i = 0; i < 8; i++) {
                model.trainStep(batch);
            }
            assertThat(model.parameters().find("film.1.proj.2.weight").orElseThrow().values()[0]).isNotZero();
            Map<Field, float[]> graph = model.rowLosses(batch);
            Map<Field, double[]> loops = new ReferenceForward(config, model.parameters()).rowLosses(batch, 1.0);
            double largest = 0;
            for (Field field : Field.values()) {
                for (int row = 0; row < batch.rows(); row++) {
                    assertThat((double) graph.get(field)[row]).as("%s row %d", field, row)
                            .isCloseTo(loops.get(field)[row], within(2e-4 * Math.max(1, loops.get(field)[row])));
                    largest = Math.max(largest, Math.abs(graph.get(field)[row] - loops.get(field)[row]));
                }
            }
            System.out.printf("graph vs loops: largest row-loss difference %.2e%n", largest);
        }
    }
}
