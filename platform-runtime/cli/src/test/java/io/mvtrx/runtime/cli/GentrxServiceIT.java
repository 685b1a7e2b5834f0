package io.mvtrx.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.gentrx.data.ingest.IngestSettings;
import io.mvtrx.runtime.gentrx.data.ingest.TickIngest;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.server.GradientServer;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.server.data.TickFeed;
import io.mvtrx.runtime.gentrx.server.http.GradientHttpServer;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.gentrx.miner.agent.GentrxTrainingAgent;
import io.mvtrx.runtime.gentrx.miner.training.GradientUploader;
import io.mvtrx.runtime.gentrx.miner.training.RoundRunner;
import io.mvtrx.runtime.gentrx.miner.training.TrainingConfig;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWorker;
import io.mvtrx.runtime.gentrx.model.ModelConfig;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;
import io.mvtrx.runtime.gentrx.train.ModelConfigText;
import io.mvtrx.runtime.gentrx.train.OrderModelEvaluators;
import io.mvtrx.runtime.gentrx.train.OrderModelTrainer;
import io.mvtrx.runtime.gentrx.validator.GentrxRewards;
import io.mvtrx.runtime.gentrx.validator.GentrxRounds;
import io.mvtrx.runtime.gentrx.validator.GradientServerClient;
import io.mvtrx.runtime.parquet.WriterOptions;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.validator.node.InProcessTransport;
import io.mvtrx.runtime.validator.node.gentrx.GentrxService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's GenTRX service against a real gradient server on loopback: publishes become ticks, ticks become
 * Parquet pages in the validator's bucket, a round opens on the block cadence, and the miner's agent receives its own
 * assignment naming pages that exist.
 */
class GentrxServiceIT {

    private static final SimulationInfo SIM = new SimulationInfo("sim-gentrx", 1, 1, 3, 86_400_000_000_000L, 0,
            1_000_000_000L, BookDecimals.REFERENCE, 2_500, 100, 40_000, 100_000_000_000_000L, 10_000_000, 30_000,
            "static");

    @TempDir
    Path temp;

    /** Records the assignments it is handed. */
    static final class Trainee implements TradingAgent {
        final List<TrainingAssignment> assignments = new CopyOnWriteArrayList<>();

        @Override
        public void start(int agentId, SimulationInfo simulation) {
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            return AgentResponse.empty(1);
        }

        @Override
        public void onAssignment(TrainingAssignment assignment) {
            assignments.add(assignment);
        }
    }

    /** Publish {@code i}: three books, each with a new resting bid and a trade against the ask, 1 s apart. */
    private static Publication publication(int i) {
        long ts = 1_000_000_000L * (i + 1);
        List<BookState> books = new ArrayList<>();
        for (int book = 0; book < 3; book++) {
            long bid = 29_990 - i % 5;
            long orderId = 1_000L * i + book * 10;
            List<BookEvent> events = List.of(
                    new OrderPlaced(book, ts, orderId, 7, 0, OrderType.LIMIT, Side.BUY, bid, 1_0000, 0, StpMode.CO),
                    new OrderPlaced(book, ts, orderId + 1, 8, 0, OrderType.LIMIT, Side.BUY, 30_010, 5000, 0,
                            StpMode.CO),
                    new Trade(book, ts, orderId, Side.BUY, orderId + 1, 5, 8, 9, 30_010, 5000, 0, 0));
            books.add(new BookState(new BookSnapshot(book, ts,
                    List.of(new Level(bid, 1_0000, List.of(new RestingOrder(orderId, 7, 1_0000, ts)))),
                    List.of(new Level(30_010, 2_0000, List.of(new RestingOrder(5, 9, 2_0000, 0))))), events, 0));
        }
        return new Publication(ts, SIM, books, Map.of(), false);
    }

    private StorageBackend fs(Path root) {
        StorageBackendProvider provider = java.util.ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(p -> p.name().equals("fs")).findFirst()
                .orElseThrow();
        return provider.create(Settings.builder("Storage").attribute("root", root.toString()).build());
    }

    @Test
    void ticksBecomePagesAndTheMinerReceivesItsOwnAssignmentOfPagesThatExist() throws Exception {
        Path seed = CliTestFiles.oneTensorSeed(temp);
        StorageLayout layout = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
        Trainee trainee = new Trainee();
        try (StorageBackend bucket = fs(temp.resolve("bucket"));
             MinerBuckets miners = MinerBuckets.shared(bucket)) {
            // pages of 40 rows, so a handful of publishes fills one per book
            PageStore pages = new PageStore(bucket, layout, 0, 40, WriterOptions.defaults());
            TickFeed data = new TickFeed(new TickIngest(pages, IngestSettings.defaults(), InstantSource.system()),
                    temp.resolve("state"));
            GradientServer core = GradientServer.builder().settings(ServerSettings.defaults(0)).layout(layout)
                    .ownBucket(bucket).minerBuckets(miners).data(data)
                    .evaluator((weights, keys, batches) -> 1.0).stateDir(temp.resolve("state"))
                    .initialCheckpoint(seed).build();
            try (GradientHttpServer http = GradientHttpServer.start(core, "127.0.0.1", 0, Optional.of("k"),
                    creds -> bucket);
                 InProcessTransport transport = new InProcessTransport(Map.of(1, trainee), Duration.ofSeconds(5),
                         Duration.ofSeconds(5));
                 GentrxService service = new GentrxService(new GradientServerClient(URI.create("http://127.0.0.1:"
                         + http.port() + "/gentrx"), Optional.of("k"), Duration.ofSeconds(5), Duration.ofMillis(50)),
                         new GentrxRewards(8), transport, new GentrxRounds.Settings(10, 0, Duration.ofSeconds(30)),
                         new BucketAccess("local", temp.resolve("bucket").toString(), "", "", ""), 0,
                         InstantSource.system(), 0.05)) {
                List<Neuron> serving = List.of(new Neuron(1, "hk1", "ck", 0, false, "127.0.0.1:1", 0, 0));
                // blocks 0..9 are round 0 (nothing to assign yet: no pages), 10.. round 1
                for (int i = 0; i < 60; i++) {
                    service.onPublish(publication(i), i < 50 ? 0 : 10, serving);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while ((trainee.assignments.isEmpty() || service.pushed() < 60) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

                assertThat(service.lastProblem()).isEmpty();
                assertThat(service.pushed()).isEqualTo(60);
                assertThat(trainee.assignments).hasSize(1);
                TrainingAssignment assignment = trainee.assignments.getFirst();
                assertThat(assignment.round()).isEqualTo(1);
                assertThat(assignment.validatorUid()).isZero();
                assertThat(assignment.bucketPrefix()).isEqualTo("gentrx/localnet/simulation/");
                // 3 books: one held out, the miner trains on the other two, one page each, pages that exist
                assertThat(assignment.books()).hasSize(2).doesNotHaveDuplicates();
                assertThat(assignment.dataKeys()).hasSize(2);
                for (String key : assignment.dataKeys()) {
                    assertThat(key).startsWith("data/0/");
                    Optional<InputStream> page = bucket.get(assignment.bucketPrefix() + key);
                    assertThat(page).as("page %s in the bucket", key).isPresent();
                    page.get().close();
                }
                assertThat(service.currentRound()).isEqualTo(1);
            }
        }
    }

    /**
     * A whole round with the real model on both sides: the miner (the tiny TensorFlow model, seeded like the server's
     * seed checkpoint) trains on its assigned pages within its budget and uploads a top-k gradient; the server scores
     * it with the order-model evaluator on the held-out pages, aggregates and commits version 1 when the next round is
     * pushed; the validator reads the round's scores and folds them into the GenTRX rewards.
     */
    @Test
    void aMinerTrainsTheTinyModelAndTheServerScoresCommitsAndReportsTheRound() throws Exception {
        Path seed = temp.resolve("seed.ckpt");
        try (OrderModel serverSeed = OrderModel.create(ModelConfig.tiny(), TrainingSettings.reference(), 0, 1)) {
            CheckpointWriter.write(new Checkpoint(0, 3, ModelConfigText.toMap(ModelConfig.tiny()), Map.of(), Map.of(),
                    serverSeed.parameters()), seed);
        }
        StorageLayout layout = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
        Trainee trading = new Trainee();
        GentrxRewards rewards = new GentrxRewards(8);
        try (StorageBackend bucket = fs(temp.resolve("bucket"));
             MinerBuckets miners = MinerBuckets.shared(bucket);
             OrderModel minerModel = OrderModel.create(ModelConfig.tiny(),
                     TrainingSettings.reference().withLearningRate(3e-3f), 0, 1)) {
            // 600-row pages: 88 windows of 512 rows each, enough for one scoring batch of 64
            PageStore pages = new PageStore(bucket, layout, 0, 600, WriterOptions.defaults());
            TickFeed data = new TickFeed(new TickIngest(pages, IngestSettings.defaults(), InstantSource.system()),
                    temp.resolve("state"));
            GradientServer core = GradientServer.builder().settings(ServerSettings.defaults(0)).layout(layout)
                    .ownBucket(bucket).minerBuckets(miners).data(data)
                    .evaluator(new OrderModelEvaluators().create(bucket, io.mvtrx.runtime.gentrx.delta.checkpoint
                            .CheckpointReader.read(seed, Optional.empty())))
                    .stateDir(temp.resolve("state")).initialCheckpoint(seed).build();
            GradientUploader uploader = new GradientUploader(bucket, temp.resolve("pending"), InstantSource.system(),
                    50);
            TrainingConfig config = new TrainingConfig(1, 0, Duration.ofSeconds(60), 6, 512, 0.10, 50);
            try (TrainingWorker worker = new TrainingWorker(new RoundRunner(config,
                    new OrderModelTrainer(minerModel, 2, 512), a -> bucket, a -> bucket, uploader,
                    InstantSource.system()), uploader).start();
                 GradientHttpServer http = GradientHttpServer.start(core, "127.0.0.1", 0, Optional.of("k"),
                         creds -> bucket);
                 InProcessTransport transport = new InProcessTransport(Map.of(1, new GentrxTrainingAgent(trading,
                         worker)), Duration.ofSeconds(5), Duration.ofSeconds(5));
                 GentrxService service = new GentrxService(new GradientServerClient(URI.create("http://127.0.0.1:"
                         + http.port() + "/gentrx"), Optional.of("k"), Duration.ofSeconds(30), Duration.ofMillis(50)),
                         rewards, transport, new GentrxRounds.Settings(10, 0, Duration.ZERO),
                         new BucketAccess("local", temp.resolve("bucket").toString(), "", "", ""), 0,
                         InstantSource.system(), 0.05)) {
                // the server's collection/drain loop, as `mvtrx gradient-server` runs it (every second here)
                java.util.concurrent.ScheduledExecutorService loop = java.util.concurrent.Executors
                        .newSingleThreadScheduledExecutor();
                loop.scheduleWithFixedDelay(() -> {
                    try {
                        core.tick();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
                List<Neuron> serving = List.of(new Neuron(1, "hk1", "ck", 0, false, "127.0.0.1:1", 0, 0));
                // 2 rows per book per publish: 320 publishes fill one 600-row page per book; round 1 at block 10
                for (int i = 0; i < 320; i++) {
                    // keep the backlog under the service's queue of 256, which would drop the oldest
                    while (i - service.pushed() > 200) {
                        Thread.sleep(20);
                    }
                    service.onPublish(publication(i), i < 310 ? 0 : 10, serving);
                }
                String gradient = layout.gradient(1, 1);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (bucket.get(gradient).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(bucket.get(gradient)).as("the miner's gradient %s; worker %s; round %d, last problem '%s'",
                        gradient, worker.status() + " waiting " + worker.waiting() + " outcome " + service.lastOutcome(), service.currentRound(), service.lastProblem()).isPresent();
                assertThat(worker.status().round()).isEqualTo(1);
                assertThat(worker.status().lastError()).isEmpty();
                assertThat(worker.status().steps()).isPositive();

                // round 2 closes round 1: the server drains it (score, aggregate, commit) and reports its scores
                for (int i = 320; i < 330 && service.lastScoredRound() < 1; i++) {
                    service.onPublish(publication(i), 20, serving);
                    Thread.sleep(3_000);
                }
                deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                for (int i = 330; service.lastScoredRound() < 1 && System.nanoTime() < deadline; i++) {
                    service.onPublish(publication(i), 20, serving);
                    Thread.sleep(1_000);
                }

                assertThat(service.lastProblem()).isEmpty();
                assertThat(service.lastScoredRound()).isEqualTo(1);
                // warm-up: the one gradient is accepted and committed as version 1, its delta published
                assertThat(bucket.get(layout.delta(0, 1))).isPresent();
                assertThat(bucket.get(layout.checkpoint(0, 1))).isPresent();
                double rank = rewards.rankEma()[1];
                assertThat(rank).isIn(0.0, 0.1);
                loop.shutdownNow();
            }
        }
    }
}
