package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.gentrx.data.ingest.IngestSettings;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.miner.agent.GentrxTrainingAgent;
import io.mvtrx.runtime.gentrx.miner.training.DataBuckets;
import io.mvtrx.runtime.gentrx.miner.training.GradientUploader;
import io.mvtrx.runtime.gentrx.miner.training.RoundRunner;
import io.mvtrx.runtime.gentrx.miner.training.TrainingConfig;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWorker;
import io.mvtrx.runtime.gentrx.miner.training.WorkerStatus;
import io.mvtrx.runtime.gentrx.model.ModelConfig;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.RoundStats;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.server.model.PublishPolicy;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.server.scoring.AcceptanceRules;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.gentrx.train.OrderModelTrainer;
import io.mvtrx.runtime.gentrx.validator.GentrxRewards;
import io.mvtrx.runtime.gentrx.validator.GentrxRounds;
import io.mvtrx.runtime.gentrx.validator.GradientServerClient;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.validator.node.MinerTransport;
import io.mvtrx.runtime.validator.node.ValidatorLoop;
import io.mvtrx.runtime.validator.node.gentrx.GentrxService;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import picocli.CommandLine.Option;

/**
 * {@code mvtrx localnet --gentrx}: GenTRX end to end in the localnet JVM on the {@code fs} backend — a gradient
 * server on loopback fed by the validator, the tiny order model seeded in {@code OUT/gentrx/seed.ckpt}, the first
 * {@code --gentrx-miners} miners training it in background threads (their trading answers never wait), rounds on the
 * localnet's one-second blocks. At the end the open round is closed and scored, and the report compares the seed and
 * the published model on the last validated round's held-out pages.
 */
final class LocalnetGentrx {

    /** Folder under --out; its marker is the seed checkpoint. */
    static final String FOLDER = "gentrx";
    static final String SEED_FILE = "seed.ckpt";
    /** Batch of windows per training step on a miner. */
    private static final int TRAIN_BATCH = 2;
    private static final int SEQ_LEN = 512;
    private static final float LEARNING_RATE = 3e-3f;
    /** Rounds that accept any score and never roll back (the reference's 5 is too many for a short run). */
    private static final int WARMUP_ROUNDS = 2;
    private static final int VAL_BATCHES = 2;
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration SCORES_EVERY = Duration.ofSeconds(2);
    private static final Duration LOOP_PAUSE = Duration.ofSeconds(1);
    /** Rounds open or unscored on the server beyond which the simulation waits for it ({@link Run#keepPace}). */
    private static final int ROUNDS_AHEAD = 2;
    /** The longest the simulation waits for the server after one publish. */
    private static final Duration PACE_WAIT = Duration.ofSeconds(30);
    private static final int UIDS = 256;

    @Option(names = "--gentrx", description = "Also run GenTRX: a gradient server, rounds, miners training the tiny "
            + "order model (doc/cli.md, \"mvtrx localnet --gentrx\").")
    boolean enabled;

    @Option(names = "--gentrx-miners", paramLabel = "N", defaultValue = "2",
            description = "Miners that train (the first N; the others trade only and score 0 in GenTRX). "
                    + "Default: ${DEFAULT-VALUE}.")
    int trainers;

    @Option(names = "--gentrx-blocks-per-round", paramLabel = "N", defaultValue = "10",
            description = "Blocks (seconds on localnet) per round. Default: ${DEFAULT-VALUE}.")
    int blocksPerRound;

    @Option(names = "--gentrx-budget", paramLabel = "TIME", defaultValue = "4s",
            converter = SimulateCommand.DurationConverter.class,
            description = "Wall-clock training budget per round per miner. Default: ${DEFAULT-VALUE}.")
    long budgetNanos;

    @Option(names = "--gentrx-window", paramLabel = "TIME", defaultValue = "2m",
            converter = SimulateCommand.DurationConverter.class,
            description = "Simulated time pushed before the first round opens. Default: ${DEFAULT-VALUE}.")
    long windowNanos;

    @Option(names = "--gentrx-page-rows", paramLabel = "N", defaultValue = "2048",
            description = "Rows per Parquet page (reference 30,000; small so pages fill in a short run). "
                    + "Default: ${DEFAULT-VALUE}.")
    int pageRows;

    @Option(names = "--gentrx-share", paramLabel = "X", defaultValue = "0.05",
            description = "Most of the weights GenTRX may take, scaled by participation. Default: ${DEFAULT-VALUE}.")
    double share;

    /** Refuses values that cannot run, before anything starts. */
    void check(int miners) {
        if (!enabled) {
            return;
        }
        if (trainers < 0 || trainers > miners) {
            throw new CommandFailedException("--gentrx-miners must be between 0 and --miners (%d), got %d", miners,
                    trainers);
        }
        if (blocksPerRound < 2) {
            throw new CommandFailedException("--gentrx-blocks-per-round must be at least 2, got %d", blocksPerRound);
        }
        if (budgetNanos <= 0 || budgetNanos >= blocksPerRound * 1_000_000_000L) {
            throw new CommandFailedException("--gentrx-budget must be positive and shorter than a round (%d s), "
                    + "got %s", blocksPerRound, NodeParts.clock(budgetNanos));
        }
        if (pageRows <= SEQ_LEN) {
            throw new CommandFailedException("--gentrx-page-rows must exceed the training window of %d rows, got %d",
                    SEQ_LEN, pageRows);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new CommandFailedException("--gentrx-share must be between 0 and 1, got %s", share);
        }
    }

    /** Clears the folder a previous run left, only if it is one (holds the seed checkpoint). */
    static void clean(Path out) {
        LocalnetCommand.clean(out.resolve(FOLDER), SEED_FILE);
    }

    /** The running parts: started before the miners, closed after the run. */
    static final class Run implements AutoCloseable {
        private final LocalnetGentrx options;
        private final Path root;
        private final StorageBackend bucket;
        private final MinerBuckets miners;
        private final LocalGradientServer server;
        private final List<OrderModel> models = new ArrayList<>();
        private final List<TrainingWorker> workers = new ArrayList<>();
        private final List<DataBuckets> dataBuckets = new ArrayList<>();
        private final Map<Integer, TrainingWorker> workerOf = new LinkedHashMap<>();
        private final int validatorUid;
        private GentrxService service;
        // the first round the validator opened: the server has scored none before it (only the loop thread reads it)
        private long firstRound = -1;

        private Run(LocalnetGentrx options, Path root, StorageBackend bucket, MinerBuckets miners,
                    LocalGradientServer server, int validatorUid) {
            this.options = options;
            this.validatorUid = validatorUid;
            this.root = root;
            this.bucket = bucket;
            this.miners = miners;
            this.server = server;
        }

        LocalGradientServer server() {
            return server;
        }

        /** The miner's agent, training when it is one of the first {@code --gentrx-miners}. */
        TradingAgent agent(PluginRegistry registry, int index, int uid, TradingAgent trading) throws IOException {
            if (index >= options.trainers) {
                return trading;
            }
            OrderModel model = OrderModel.create(ModelConfig.tiny(),
                    TrainingSettings.reference().withLearningRate(LEARNING_RATE), uid, 1);
            models.add(model);
            DataBuckets data = new DataBuckets((name, settings) -> registry
                    .require(StorageBackendProvider.class, name).create(settings));
            dataBuckets.add(data);
            GradientUploader uploader = new GradientUploader(bucket, root.resolve("miners").resolve("uid-" + uid)
                    .resolve("pending"), InstantSource.system(), TrainingConfig.DEFAULT_KEEP_GRADIENTS);
            TrainingConfig config = new TrainingConfig(uid, validatorUid, Duration.ofNanos(options.budgetNanos), 0,
                    SEQ_LEN, TrainingConfig.DEFAULT_TOP_K_FRACTION, TrainingConfig.DEFAULT_KEEP_GRADIENTS);
            // pages through the assignment's access, as a remote miner reads them; versions from the aggregator's
            // bucket, the same store on localnet
            TrainingWorker worker = new TrainingWorker(new RoundRunner(config, new OrderModelTrainer(model,
                    TRAIN_BATCH, SEQ_LEN), a -> data.open(a.data()), a -> bucket, uploader, InstantSource.system()),
                    uploader).start();
            workers.add(worker);
            workerOf.put(uid, worker);
            return new GentrxTrainingAgent(trading, worker);
        }

        /** Attaches the validator's side to {@code loop}: ticks, rounds, assignments over {@code transport}. */
        void attach(ValidatorLoop loop, MinerTransport transport) {
            GradientServerClient client = new GradientServerClient(server.api(), Optional.empty(),
                    Duration.ofSeconds(30), Duration.ofMillis(200));
            service = new GentrxService(client, new GentrxRewards(UIDS), transport,
                    new GentrxRounds.Settings(options.blocksPerRound, options.windowNanos, SCORES_EVERY),
                    new BucketAccess("local", root.resolve("bucket").toAbsolutePath().toString(), "", "", ""),
                    validatorUid, InstantSource.system(), options.share);
            service.attach(loop);
            loop.addObserver((simulation, publication, replies, stats) -> keepPace());
        }

        /**
         * Holds the simulation (on the loop's thread, after a publish) while more than {@link #ROUNDS_AHEAD} rounds
         * are open or unscored on the gradient server, at most {@link #PACE_WAIT} a publish. Rounds open on wall-clock
         * blocks and the simulation runs as fast as the machine lets it: where the server scores a round slower than
         * rounds open (a slow 2-core machine, the simulation taking the cores), rounds would pile up and close unread,
         * and miners would be assigned versions long replaced. A machine that keeps up never waits here.
         */
        private void keepPace() {
            long current = service.currentRound();
            if (current < 0) {
                return;
            }
            if (firstRound < 0) {
                firstRound = current;
            }
            long deadline = System.nanoTime() + PACE_WAIT.toNanos();
            while (service.currentRound() - Math.max(server.core().lastStats().round(), firstRound - 1) > ROUNDS_AHEAD
                    && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        Optional<GentrxService> service() {
            return Optional.ofNullable(service);
        }

        /** For the live line. */
        String status() {
            if (service == null) {
                return "";
            }
            RoundStats last = server.core().lastStats();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  gentrx round %d",
                    service.currentRound()));
            if (last.round() >= 0) {
                line.append(String.format(Locale.ROOT, " scored %d (%d/%d accepted, v%d", last.round(),
                        last.accepted(), last.cards().size(), last.version()));
                if (!last.heldOutPages().isEmpty()) {
                    line.append(String.format(Locale.ROOT, ", held-out %.3f->%.3f, seed %.3f", last.lossBefore(),
                            last.lossAfter(), last.lossBaseline()));
                }
                line.append(')');
            }
            return line.toString();
        }

        /**
         * After the simulation: waits (bounded) for the server to close and score the last round that was opened,
         * reads every scored round into the rewards, and reports the rounds from the server's aggregation log (each
         * with the seed's loss on the round's held-out pages).
         */
        Report finish(PrintWriter stderr) throws IOException, InterruptedException {
            long opened = service.currentRound();
            long heartbeat = (long) options.blocksPerRound * 1_000 * 3 / 2 + GRACE.toMillis();
            long deadline = System.nanoTime() + Duration.ofMillis(heartbeat + options.budgetNanos / 1_000_000
                    + 60_000).toNanos();
            if (opened >= 0 && server.core().lastStats().round() < opened) {
                stderr.printf("localnet: closing GenTRX round %d (at most %d s)%n", opened,
                        Duration.ofNanos(deadline - System.nanoTime()).toSeconds());
                stderr.flush();
            }
            while (opened >= 0 && server.core().lastStats().round() < opened && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            service.settle();
            List<JsonObject> rounds = aggregations(root.resolve("server").resolve("aggregation.jsonl"));
            Map<Integer, WorkerStatus> trained = new LinkedHashMap<>();
            workerOf.forEach((uid, worker) -> trained.put(uid, worker.status()));
            return new Report(rounds, server.core().version(), service.scores(), trained);
        }

        @Override
        public void close() throws Exception {
            Exception failure = null;
            if (service != null) {
                service.close();
            }
            for (TrainingWorker worker : workers) {
                worker.close(Duration.ofSeconds(30));
            }
            for (AutoCloseable c : List.<AutoCloseable>of(server, miners)) {
                try {
                    c.close();
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                }
            }
            for (DataBuckets d : dataBuckets) {
                d.close();
            }
            models.forEach(OrderModel::close);
            bucket.close();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * What GenTRX did in the run.
     *
     * @param rounds  the server's aggregation records, one per drained round, in order
     * @param version the published model version at the end
     * @param scores  the slow GenTRX score per uid
     * @param trained each training miner's last worker status
     */
    record Report(List<JsonObject> rounds, long version, double[] scores, Map<Integer, WorkerStatus> trained) {

        /** Rounds whose aggregate was measured on held-out pages. */
        List<JsonObject> validated() {
            return rounds.stream().filter(Report::validated).toList();
        }

        static boolean validated(JsonObject r) {
            return r.getBoolean("validated", false) && r.getInt("n_accepted", 0) > 0;
        }

        long committed() {
            return rounds.stream().filter(r -> r.getInt("n_accepted", 0) > 0 && !r.getBoolean("rolled_back", false))
                    .count();
        }

        long accepted() {
            return rounds.stream().mapToLong(r -> r.getInt("n_accepted", 0)).sum();
        }

        /** The last validated round: the seed's and the published model's loss on its held-out pages. */
        Optional<double[]> seedVersusPublished() {
            List<JsonObject> validated = validated();
            if (validated.isEmpty()) {
                return Optional.empty();
            }
            JsonObject last = validated.getLast();
            double published = number(last, last.getBoolean("rolled_back", false) ? "loss_before" : "loss_after");
            return Optional.of(new double[] {number(last, "loss_baseline"), published,
                    last.getJsonNumber("round").longValue()});
        }

        void print(PrintWriter stdout) {
            stdout.printf(Locale.ROOT, "GenTRX: %d rounds drained, %d gradients accepted, %d aggregates committed; "
                    + "published model version %d%n", rounds.size(), accepted(), committed(), version);
            for (JsonObject r : rounds) {
                stdout.printf(Locale.ROOT, "  round %d: %d/%d accepted, %s, version %d%n",
                        r.getJsonNumber("round").longValue(), r.getInt("n_accepted", 0), r.getInt("n_assigned", 0),
                        validated(r) ? String.format(Locale.ROOT, "held-out loss %.4f -> %.4f%s (seed %.4f)",
                                number(r, "loss_before"), number(r, "loss_after"),
                                r.getBoolean("rolled_back", false) ? " rolled back" : "", number(r, "loss_baseline"))
                                : "nothing validated", r.getJsonNumber("version").longValue());
            }
            seedVersusPublished().ifPresentOrElse(c -> stdout.printf(Locale.ROOT, "GenTRX held-out loss on round "
                    + "%d's held-out pages: seed (version 0) %.4f, published (version %d) %.4f%n", (long) c[2], c[0],
                    version, c[1]), () -> stdout.println("GenTRX held-out loss: no round validated an aggregate"));
            stdout.flush();
        }

        String json() {
            Optional<double[]> compared = seedVersusPublished();
            StringBuilder json = new StringBuilder("{\"roundsDrained\": ").append(rounds.size())
                    .append(", \"roundsValidated\": ").append(validated().size())
                    .append(", \"gradientsAccepted\": ").append(accepted())
                    .append(", \"aggregatesCommitted\": ").append(committed())
                    .append(", \"modelVersion\": ").append(version)
                    .append(", \"seedHeldOutLoss\": ").append(NodeParts.number(compared.map(c -> c[0])
                            .orElse(Double.NaN)))
                    .append(", \"publishedHeldOutLoss\": ").append(NodeParts.number(compared.map(c -> c[1])
                            .orElse(Double.NaN)))
                    .append(", \"rounds\": [");
            for (int i = 0; i < rounds.size(); i++) {
                JsonObject r = rounds.get(i);
                boolean validated = validated(r);
                json.append(i == 0 ? "" : ", ").append("{\"round\": ").append(r.getJsonNumber("round"))
                        .append(", \"assigned\": ").append(r.getInt("n_assigned", 0))
                        .append(", \"accepted\": ").append(r.getInt("n_accepted", 0))
                        .append(", \"validated\": ").append(validated)
                        .append(", \"lossBefore\": ").append(validated ? r.get("loss_before") : "null")
                        .append(", \"lossAfter\": ").append(validated ? r.get("loss_after") : "null")
                        .append(", \"seedLoss\": ").append(validated ? r.get("loss_baseline") : "null")
                        .append(", \"rolledBack\": ").append(r.getBoolean("rolled_back", false))
                        .append(", \"version\": ").append(r.getJsonNumber("version")).append('}');
            }
            json.append("], \"trainers\": {");
            int i = 0;
            for (Map.Entry<Integer, WorkerStatus> e : trained.entrySet()) {
                WorkerStatus w = e.getValue();
                json.append(i++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": {\"lastRound\": ")
                        .append(w.round()).append(", \"modelVersion\": ").append(w.modelVersion())
                        .append(", \"steps\": ").append(w.steps()).append(", \"lossBefore\": ")
                        .append(NodeParts.number(w.lossBefore())).append(", \"lossAfter\": ")
                        .append(NodeParts.number(w.lossAfter())).append('}');
            }
            json.append("}, \"scores\": {");
            i = 0;
            for (int uid = 0; uid < scores.length; uid++) {
                if (scores[uid] != 0) {
                    json.append(i++ == 0 ? "" : ", ").append('"').append(uid).append("\": ")
                            .append(NodeParts.number(scores[uid]));
                }
            }
            return json.append("}}").toString();
        }

        private static double number(JsonObject r, String key) {
            return r.get(key) instanceof jakarta.json.JsonNumber n ? n.doubleValue() : Double.NaN;
        }
    }

    /** The {@code aggregation} lines of the server's log. */
    static List<JsonObject> aggregations(Path log) throws IOException {
        List<JsonObject> found = new ArrayList<>();
        if (!Files.exists(log)) {
            return found;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonReader reader = Json.createReader(new java.io.StringReader(line))) {
                JsonObject o = reader.readObject();
                if ("aggregation".equals(o.getString("type", ""))) {
                    found.add(o);
                }
            }
        }
        return found;
    }

    /**
     * Starts the server side: the seed checkpoint (tiny model, {@code seed}), the fs bucket and the gradient server
     * on loopback.
     */
    Run start(PluginRegistry registry, Path out, long seed, int validatorUid) throws IOException {
        Path root = out.resolve(FOLDER);
        Files.createDirectories(root);
        Checkpoint checkpoint = GentrxCommand.seedCheckpoint(ModelConfig.tiny(), seed, "mvtrx localnet --gentrx");
        CheckpointWriter.write(checkpoint, root.resolve(SEED_FILE));
        StorageBackend bucket = registry.require(StorageBackendProvider.class, "fs").create(
                Settings.builder("Storage").attribute("root", root.resolve("bucket").toAbsolutePath().toString())
                        .build());
        MinerBuckets miners = MinerBuckets.shared(bucket);
        ServerSettings settings = new ServerSettings(validatorUid, true,
                new RoundTiming(blocksPerRound, Duration.ofSeconds(1), GRACE),
                new AcceptanceRules(AcceptanceRules.defaults().minScore(), AcceptanceRules.defaults().overfitRatio(),
                        true, Double.POSITIVE_INFINITY, WARMUP_ROUNDS),
                VAL_BATCHES, 20L << 20, 1.0, true, PublishPolicy.defaults());
        LocalGradientServer server = LocalGradientServer.start(new LocalGradientServer.Parts(settings,
                new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION), bucket, miners,
                root.resolve("server"), Optional.of(root.resolve(SEED_FILE)),
                LocalGradientServer.evaluator("order-model", "--gentrx"), pageRows, IngestSettings.defaults(),
                List.of(), "127.0.0.1", 0, Optional.empty(), creds -> GradientServerCommand.openBucket(registry, creds),
                LOOP_PAUSE, Optional.of(checkpoint.tensors())), "--gentrx seed");
        return new Run(this, root, bucket, miners, server, validatorUid);
    }
}
