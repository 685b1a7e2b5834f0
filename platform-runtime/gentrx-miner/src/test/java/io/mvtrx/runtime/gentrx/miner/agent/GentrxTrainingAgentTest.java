package io.mvtrx.runtime.gentrx.miner.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.PageWriter;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.miner.training.DataBuckets;
import io.mvtrx.runtime.gentrx.miner.training.GradientUploader;
import io.mvtrx.runtime.gentrx.miner.training.ModelTrainer;
import io.mvtrx.runtime.gentrx.miner.training.RoundBudget;
import io.mvtrx.runtime.gentrx.miner.training.RoundRunner;
import io.mvtrx.runtime.gentrx.miner.training.StorageOpener;
import io.mvtrx.runtime.gentrx.miner.training.TrainResult;
import io.mvtrx.runtime.gentrx.miner.training.TrainingConfig;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWindows;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWorker;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GentrxTrainingAgentTest {

    static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
    static final int UID = 3;
    static final String PAGE = "data/0/1/intervals/a.parquet";

    @TempDir
    Path dir;

    private final HeldTrainer trainer = new HeldTrainer();
    private final RecordingAgent trading = new RecordingAgent();
    private StorageBackend miner;
    private DataBuckets buckets;
    private TrainingWorker worker;
    private GentrxTrainingAgent agent;

    @BeforeEach
    void start() throws IOException {
        StorageOpener opener = StorageOpener.serviceLoader();
        try (StorageBackend validator = opener.open("fs", root(dir.resolve("validator")))) {
            validator.put(LAYOUT.full(PAGE), PageWriter.encode(rows(24), Map.of(), WriterOptions.defaults()));
        }
        miner = opener.open("fs", root(dir.resolve("miner")));
        buckets = new DataBuckets(opener);
        var uploader = new GradientUploader(miner, dir.resolve("pending"), Instant::now, 50);
        var config = new TrainingConfig(UID, 0, Duration.ofSeconds(240), 1, 8, 0.10, 50);
        var runner = new RoundRunner(config, trainer, a -> buckets.open(a.data()), a -> buckets.open(a.data()),
                uploader, Instant::now);
        worker = new TrainingWorker(runner, uploader).start();
        agent = new GentrxTrainingAgent(trading, worker);
    }

    @AfterEach
    void stop() throws Exception {
        trainer.release.countDown();
        worker.close(Duration.ofSeconds(10));
        buckets.close();
        miner.close();
    }

    private static Settings root(Path root) {
        return Settings.builder("Storage").attribute("root", root.toString()).build();
    }

    private TrainingAssignment round(long round) {
        return new TrainingAssignment(round, 0, List.of("1"), 0, 1, List.of(PAGE),
                new BucketAccess("local", dir.resolve("validator").toString(), "", "", ""), 0, LAYOUT.prefix(),
                Map.of());
    }

    @Test
    void answersTradingWhileATrainingRunIsInProgressAndTrainsOnlyTheNewestWaitingRound() throws Exception {
        agent.onAssignment(round(5));
        assertThat(trainer.entered.await(30, TimeUnit.SECONDS)).isTrue();

        // Round 5 is training and held; these queue without waiting, the newest waiting round wins.
        agent.onAssignment(round(7));
        agent.onAssignment(round(6));
        AgentResponse answer = agent.respond(null);

        assertThat(answer).isEqualTo(AgentResponse.empty(UID));
        assertThat(trading.responds).isEqualTo(1);
        assertThat(trainer.release.getCount()).isEqualTo(1);
        assertThat(worker.status().training()).contains(5L);
        assertThat(worker.waiting().map(TrainingAssignment::round)).contains(7L);

        trainer.release.countDown();
        assertThat(trainer.finishedRounds.await(30, TimeUnit.SECONDS)).isTrue();
        awaitStatusRound(7);

        assertThat(trainer.calls).isEqualTo(2);
        assertThat(miner.list(LAYOUT.gradients(UID)))
                .containsExactly(LAYOUT.gradient(UID, 5), LAYOUT.gradient(UID, 7));
        assertThat(worker.status().steps()).isEqualTo(1);
        assertThat(worker.status().lossBefore()).isEqualTo(2.0);
        assertThat(worker.status().modelVersion()).isZero();
    }

    @Test
    void forwardsEverythingElseToTheTradingAgent() {
        agent.start(UID, null);
        agent.end();

        assertThat(trading.started).isEqualTo(1);
        assertThat(trading.ended).isEqualTo(1);
        assertThat(agent.trading()).isSameAs(trading);
    }

    private void awaitStatusRound(long round) throws InterruptedException {
        // A bounded wait for the worker thread to publish its status; not a timing assertion.
        for (int i = 0; i < 3000 && worker.status().round() != round; i++) {
            Thread.sleep(10);
        }
        assertThat(worker.status().round()).isEqualTo(round);
    }

    static List<TrainingRow> rows(int n) {
        List<TrainingRow> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double[] asks = new double[10];
            double[] bids = new double[10];
            Arrays.fill(asks, 1 + r);
            long ts = (36_000L + r) * 1_000_000_000L;
            rows.add(new TrainingRow(ts, OrderType.values()[r % 5], r - 10L, r + 1, 0.5f, 1_000L, 1_000_000L,
                    36_000 + r, 0, asks, bids));
        }
        return rows;
    }

    /** Holds its first training run until released; each run adds 1 to every parameter and reports loss 2. */
    static final class HeldTrainer implements ModelTrainer {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch finishedRounds = new CountDownLatch(2);
        volatile int calls;
        private float[] values = {0.25f, -1f, 3f, 0.5f};

        @Override
        public TensorSet parameters() {
            return new TensorSet(List.of(new Tensor("p", new int[] {4}, values.clone())));
        }

        @Override
        public void load(TensorSet parameters) {
            values = parameters.tensors().getFirst().values().clone();
        }

        @Override
        public TrainResult train(TrainingWindows windows, RoundBudget budget, int stepCap,
                                 DoubleConsumer perStepLoss) {
            calls++;
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TrainResult(0, List.of());
            }
            perStepLoss.accept(2.0);
            for (int i = 0; i < values.length; i++) {
                values[i] += 1f;
            }
            finishedRounds.countDown();
            return new TrainResult(1, List.of(2.0));
        }
    }

    static final class RecordingAgent implements TradingAgent {
        int started;
        int responds;
        int ended;

        @Override
        public void start(int agentId, SimulationInfo simulation) {
            started++;
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            responds++;
            return AgentResponse.empty(UID);
        }

        @Override
        public void end() {
            ended++;
        }
    }
}
