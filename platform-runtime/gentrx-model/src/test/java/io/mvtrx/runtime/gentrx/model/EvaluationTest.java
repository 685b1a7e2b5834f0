package io.mvtrx.runtime.gentrx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void aRowNonFiniteInOneFieldIsDroppedFromEveryField() {
        Map<Field, float[]> rows = new EnumMap<>(Field.class);
        rows.put(Field.ORDER_TYPE, new float[] {1, 100, 3});
        rows.put(Field.PRICE, new float[] {2, Float.NaN, 4});
        rows.put(Field.VOL_INT, new float[] {1, 1, 1});
        rows.put(Field.VOL_DEC, new float[] {0, 0, 2});
        rows.put(Field.INTERVAL, new float[] {10, 10, 0});
        Evaluation evaluation = Evaluation.ofRowLosses(rows);
        assertThat(evaluation.rows()).isEqualTo(3);
        assertThat(evaluation.survivingRows()).isEqualTo(2);
        assertThat(evaluation.fieldLosses().get(Field.ORDER_TYPE)).isEqualTo(2.0);
        assertThat(evaluation.fieldLosses().get(Field.PRICE)).isEqualTo(3.0);
        // 2·2 + 1.5·3 + 0.5·1 + 0.5·1 + 0.3·5
        assertThat(evaluation.loss()).isCloseTo(11.0, within(1e-6));
    }

    @Test
    void allRowsDroppedGivesNaN() {
        Map<Field, float[]> rows = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            rows.put(field, new float[] {1});
        }
        rows.put(Field.INTERVAL, new float[] {Float.POSITIVE_INFINITY});
        assertThat(Evaluation.ofRowLosses(rows).loss()).isNaN();
        assertThat(Evaluation.ofRowLosses(rows).survivingRows()).isZero();
    }

    @Test
    void modelEvaluationMatchesItsTrainingLossWhenEveryRowIsFiniteAndRefusesOutOfRangeBins() {
        ModelConfig config = ModelConfig.tiny();
        TokenBatch batch = TestBatches.fixed(config, 3, 8, 11);
        try (OrderModel model = OrderModel.create(config, TrainingSettings.reference(), 4, 1)) {
            Evaluation evaluation = model.evaluate(batch);
            assertThat(evaluation.survivingRows()).isEqualTo(24);
            assertThat(evaluation.loss()).isCloseTo(model.loss(batch), within(1e-4));
            // Head weights start at std 0.02, so order type starts within a few hundredths of uniform (ln 5).
            assertThat(evaluation.fieldLosses().get(Field.ORDER_TYPE)).isCloseTo(Math.log(5), within(0.05));

            int[] price = batch.inputs().price().clone();
            price[5] = 100;
            TokenBatch bad = new TokenBatch(3, 8, new FieldTokens(batch.inputs().orderType(), price,
                    batch.inputs().volInt(), batch.inputs().volDec(), batch.inputs().interval()), batch.lob(),
                    batch.timeBucket(), batch.midDeltaBucket(), batch.labels());
            assertThatThrownBy(() -> model.evaluate(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input price at row 5 is 100, outside 0..99");
        }
    }

    @Test
    void aBatchLargerThanOneEvaluationChunkScoresLikeOneRunOverAllRows() {
        ModelConfig config = ModelConfig.tiny();
        // 9 windows of 512 rows: evaluation runs them as chunks of 8 and 1 window.
        TokenBatch batch = TestBatches.fixed(config, 9, 512, 13);
        try (OrderModel model = OrderModel.create(config, TrainingSettings.reference(), 8, 1)) {
            Evaluation evaluation = model.evaluate(batch);
            assertThat(evaluation.rows()).isEqualTo(4608);
            assertThat(evaluation.survivingRows()).isEqualTo(4608);
            assertThat(evaluation.loss()).isCloseTo(model.loss(batch), within(1e-4));
            Evaluation lastWindow = model.evaluate(batch.windows(8, 9));
            assertThat(lastWindow.rows()).isEqualTo(512);
            assertThat(lastWindow.loss()).isNotEqualTo(evaluation.loss());
        }
    }
}
