package io.mvtrx.runtime.gentrx.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.window.SequentialSampler;
import io.mvtrx.runtime.gentrx.data.window.WindowIndex;
import io.mvtrx.runtime.gentrx.miner.training.RoundBudget;
import io.mvtrx.runtime.gentrx.miner.training.TrainResult;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWindows;
import io.mvtrx.runtime.gentrx.model.ModelConfig;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;

import org.junit.jupiter.api.Test;

/** The tiny TensorFlow model trained through the miner's trainer interface. */
class OrderModelTrainerTest {

    private static TrainingWindows windows(int seqLen) {
        List<TokenizedPage> pages = List.of(TestPages.page(80, 1), TestPages.page(60, 2));
        WindowIndex index = new WindowIndex(List.of(80, 60), seqLen);
        return new TrainingWindows(pages, index, SequentialSampler.order(index, index.windows()));
    }

    @Test
    void trainsStepByStepWithinTheCapAndTheLossFalls() {
        TrainingWindows windows = windows(16);
        try (OrderModel model = OrderModel.create(ModelConfig.tiny(),
                TrainingSettings.reference().withLearningRate(3e-3f), 7, 1)) {
            OrderModelTrainer trainer = new OrderModelTrainer(model, 4, 16);
            var before = trainer.parameters();
            List<Double> seen = new ArrayList<>();

            TrainResult result = trainer.train(windows, RoundBudget.starting(InstantSource.system(),
                    Duration.ofMinutes(10)), 25, seen::add);

            assertThat(result.steps()).isEqualTo(25);
            assertThat(result.losses()).hasSize(25).containsExactlyElementsOf(seen);
            double firstThree = (seen.get(0) + seen.get(1) + seen.get(2)) / 3;
            double lastThree = (seen.get(22) + seen.get(23) + seen.get(24)) / 3;
            assertThat(lastThree).isLessThan(0.8 * firstThree);
            assertThat(trainer.parameters()).isNotEqualTo(before);
            assertThat(trainer.parameters().sameLayout(before)).isTrue();
        }
    }

    @Test
    void anExhaustedBudgetTakesNoStepAndLeavesTheParameters() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T00:00:00Z"));
        InstantSource clock = now::get;
        RoundBudget budget = RoundBudget.starting(clock, Duration.ofSeconds(1));
        now.set(now.get().plusSeconds(1));
        try (OrderModel model = OrderModel.create(ModelConfig.tiny(), TrainingSettings.reference(), 7, 1)) {
            OrderModelTrainer trainer = new OrderModelTrainer(model, 4, 16);
            var before = trainer.parameters();

            TrainResult result = trainer.train(windows(16), budget, 0, loss -> { });

            assertThat(result.steps()).isZero();
            assertThat(trainer.parameters()).isEqualTo(before);
        }
    }
}
