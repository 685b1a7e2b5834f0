package io.mvtrx.runtime.gentrx.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import io.mvtrx.runtime.gentrx.data.window.Window;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.miner.training.ModelTrainer;
import io.mvtrx.runtime.gentrx.miner.training.RoundBudget;
import io.mvtrx.runtime.gentrx.miner.training.TrainResult;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWindows;
import io.mvtrx.runtime.gentrx.model.OrderModel;

/**
 * The TensorFlow order model as a miner's trainer (gentrx.md §4.4): a fresh AdamW state every round, one optimiser
 * step per batch of {@code batchSize} windows in the sampler's order, the budget checked before each step, a
 * non-finite loss ending the round unreported.
 *
 * <p>Not thread-safe: the miner's training thread owns it.
 */
public final class OrderModelTrainer implements ModelTrainer {

    private final OrderModel model;
    private final int batchSize;
    private final int seqLen;

    public OrderModelTrainer(OrderModel model, int batchSize, int seqLen) {
        if (batchSize < 1 || seqLen < 1 || seqLen > model.config().maxSeqLen()) {
            throw new IllegalArgumentException("batch " + batchSize + " and sequence length " + seqLen
                    + " must be at least 1, the length at most the model's " + model.config().maxSeqLen());
        }
        this.model = model;
        this.batchSize = batchSize;
        this.seqLen = seqLen;
    }

    @Override
    public TensorSet parameters() {
        return model.parameters();
    }

    @Override
    public void load(TensorSet parameters) {
        model.load(parameters);
    }

    @Override
    public TrainResult train(TrainingWindows windows, RoundBudget budget, int stepCap, DoubleConsumer perStepLoss) {
        model.resetOptimizer();
        List<Double> losses = new ArrayList<>();
        int steps = 0;
        for (int from = 0; from + batchSize <= windows.size(); from += batchSize) {
            if (budget.exhausted() || (stepCap > 0 && steps >= stepCap)) {
                break;
            }
            List<Window> batch = new ArrayList<>(batchSize);
            for (int i = from; i < from + batchSize; i++) {
                batch.add(windows.window(i));
            }
            OrderModel.StepResult result = model.trainStep(WindowBatches.batch(windows.pages(), batch, seqLen));
            if (!Float.isFinite(result.loss())) {
                break;
            }
            steps++;
            losses.add((double) result.loss());
            perStepLoss.accept(result.loss());
        }
        return new TrainResult(steps, losses);
    }
}
