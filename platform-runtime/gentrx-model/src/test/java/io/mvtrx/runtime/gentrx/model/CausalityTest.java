package io.mvtrx.runtime.gentrx.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CausalityTest {

    @Test
    void changingOneRowChangesTheLossesOfThatRowAndLaterOnesOnly() {
        ModelConfig config = ModelConfig.tiny();
        TokenBatch batch = TestBatches.fixed(config, 2, 12, 21);
        try (OrderModel model = OrderModel.create(config, TrainingSettings.reference().withLearningRate(1e-2f), 3, 1)) {
            // A few steps move FiLM and the heads away from their identity/near-zero start.
            for (int i = 0; i < 5; i++) {
                model.trainStep(batch);
            }
            Map<Field, float[]> before = model.rowLosses(batch);

            // Window 0, row 6: another price bin and another mid delta.
            int changed = 6;
            int[] price = batch.inputs().price().clone();
            price[changed] = 3;
            int[] mid = batch.midDeltaBucket().clone();
            mid[changed] = 0;
            TokenBatch edited = new TokenBatch(2, 12, new FieldTokens(batch.inputs().orderType(), price,
                    batch.inputs().volInt(), batch.inputs().volDec(), batch.inputs().interval()), batch.lob(),
                    batch.timeBucket(), mid, batch.labels());
            Map<Field, float[]> after = model.rowLosses(edited);

            for (Field field : Field.values()) {
                for (int row = 0; row < 24; row++) {
                    boolean mayChange = row >= changed && row < 12; // later rows of window 0 only
                    if (mayChange) {
                        continue;
                    }
                    assertThat(after.get(field)[row]).as("%s row %d", field, row).isEqualTo(before.get(field)[row]);
                }
                assertThat(after.get(field)[changed]).as("%s at the edited row", field)
                        .isNotEqualTo(before.get(field)[changed]);
                assertThat(after.get(field)[11]).as("%s at the last row of the window", field)
                        .isNotEqualTo(before.get(field)[11]);
            }
        }
    }
}
