package io.mvtrx.runtime.gentrx.train;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.model.ModelConfig;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;
import io.mvtrx.runtime.gentrx.server.scoring.Evaluator;
import io.mvtrx.runtime.gentrx.server.scoring.EvaluatorFactory;

/**
 * Registers the TensorFlow order model with the gradient server ({@code --evaluator order-model}): the model shaped
 * as the seed checkpoint's {@code model_config} says, scoring in batches of 64 windows of 512 rows (the reference's
 * evaluation shape) or the model's context when shorter.
 */
public final class OrderModelEvaluators implements EvaluatorFactory {

    /** Windows per scoring batch (reference 64). */
    public static final int BATCH = 64;
    /** Rows per window (reference {@code --seq-len} 512). */
    public static final int SEQ_LEN = 512;

    @Override
    public String name() {
        return "order-model";
    }

    @Override
    public Evaluator create(StorageBackend pages, Checkpoint seed) {
        ModelConfig config = ModelConfigText.fromMap(seed.modelConfig());
        OrderModel model = OrderModel.create(config, TrainingSettings.reference(), 0, 0);
        return new OrderModelEvaluator(model, pages, BATCH, Math.min(SEQ_LEN, config.maxSeqLen()));
    }
}
