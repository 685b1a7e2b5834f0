package io.mvtrx.runtime.gentrx.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.PageReader;
import io.mvtrx.runtime.gentrx.data.page.PageWriter;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;
import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.token.Tokenizer;
import io.mvtrx.runtime.gentrx.data.window.SequentialSampler;
import io.mvtrx.runtime.gentrx.data.window.WindowIndex;
import io.mvtrx.runtime.gentrx.miner.training.RoundBudget;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWindows;
import io.mvtrx.runtime.gentrx.model.ModelConfig;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;
import io.mvtrx.runtime.parquet.WriterOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Parquet pages in an fs store, scored by the tiny model before and after it learns them. */
class OrderModelEvaluatorTest {

    @TempDir
    Path root;

    private static List<TrainingRow> rows(int n) {
        List<TrainingRow> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double[] asks = new double[10];
            double[] bids = new double[10];
            for (int i = 0; i < 10; i++) {
                asks[i] = 1 + i;
                bids[i] = 2 + i;
            }
            long ts = 36_000_000_000_000L + r * 1_000_000L;
            // a repeating cycle of order types and prices the model can learn
            rows.add(new TrainingRow(ts, OrderType.values()[r % 5], (r % 5) * 3L - 6, 1 + r % 3, 0.25f, 1_000_000L,
                    30_000L, (int) (ts / 1_000_000_000L % 86_400), 0L, asks, bids));
        }
        return rows;
    }

    private StorageBackend fs() {
        StorageBackendProvider provider = java.util.ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(p -> p.name().equals("fs")).findFirst()
                .orElseThrow();
        return provider.create(Settings.builder("Storage").attribute("root", root.toString()).build());
    }

    @Test
    void scoresPagesAndALearnedModelScoresLower() throws IOException {
        try (StorageBackend store = fs();
             OrderModel model = OrderModel.create(ModelConfig.tiny(),
                     TrainingSettings.reference().withLearningRate(3e-3f), 11, 1)) {
            store.put("data/0/1/intervals/a.parquet", PageWriter.encode(rows(120), Map.of(), WriterOptions.defaults()));
            store.put("data/0/2/intervals/b.parquet", PageWriter.encode(rows(90), Map.of(), WriterOptions.defaults()));
            List<String> keys = List.of("data/0/1/intervals/a.parquet", "data/0/2/intervals/b.parquet",
                    "data/0/3/intervals/missing.parquet");
            OrderModelEvaluator evaluator = new OrderModelEvaluator(model, store, 4, 16);
            var initial = model.parameters();

            double before = evaluator.loss(initial, keys, 3);

            List<TokenizedPage> pages = List.of(
                    Tokenizer.tokenize(PageReader.read(store, keys.get(0)).orElseThrow()),
                    Tokenizer.tokenize(PageReader.read(store, keys.get(1)).orElseThrow()));
            WindowIndex index = new WindowIndex(List.of(120, 90), 16);
            var trainer = new OrderModelTrainer(model, 4, 16);
            trainer.train(new TrainingWindows(pages, index, SequentialSampler.order(index, index.windows())),
                    RoundBudget.starting(InstantSource.system(), Duration.ofMinutes(10)), 30, loss -> { });
            double after = evaluator.loss(trainer.parameters(), keys, 3);

            // fresh heads are near uniform (about 14.4 nats, see OrderModelTrainingTest); the cycle is learnable
            assertThat(before).isGreaterThan(8);
            assertThat(after).isLessThan(0.8 * before);
            // the same weights score the same
            assertThat(evaluator.loss(initial, keys, 3)).isEqualTo(before);
            assertThat(evaluator.loss(initial, List.of("data/0/3/intervals/missing.parquet"), 3)).isZero();
        }
    }
}
