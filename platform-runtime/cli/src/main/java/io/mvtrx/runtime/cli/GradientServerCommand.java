package io.mvtrx.runtime.cli;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.runtime.gentrx.miner.commitment.S3Bucket;
import io.mvtrx.runtime.gentrx.data.ingest.IngestSettings;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.server.http.BucketCredentials;
import io.mvtrx.runtime.gentrx.server.model.PublishPolicy;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.server.scoring.AcceptanceRules;
import io.mvtrx.runtime.gentrx.server.scoring.EvaluatorFactory;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvtrx gradient-server}: the validator's GenTRX sidecar (doc/gentrx.md "Gradient server"). Tick packets
 * become pages in the storage backend, pushed rounds become per-miner assignments, gradients are read from the miners'
 * buckets, scored, aggregated and committed, and scores go back over HTTP. SIGTERM/SIGINT: the loop stops, the state
 * is persisted, exit 0.
 */
@Command(name = "gradient-server",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the GenTRX gradient server: the /gentrx HTTP API on --bind:--port, a loop every --loop-sleep-s",
            "collecting and scoring gradients and aggregating closed rounds. SIGTERM/SIGINT: persists, exits 0.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class GradientServerCommand implements Callable<Integer> {

    private static final System.Logger LOG = System.getLogger(GradientServerCommand.class.getName());

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceConfigFile configFile;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Interface of the HTTP API; beyond loopback only with --api-key. Default: ${DEFAULT-VALUE}.")
    private String bind;

    @Option(names = "--port", defaultValue = "8100", paramLabel = "PORT",
            description = "Port of the HTTP API; 0 picks one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Required in X-API-Key on every request when set (also MVTRX_GRADIENT_SERVER_API_KEY).")
    private String apiKey;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Round state, model, ingest staging and aggregation.jsonl. Default: ~/.mvtrx/gradient-server.")
    private Path stateDir;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Model to start from when the state directory holds none yet (then required).")
    private Path checkpoint;

    @Option(names = "--evaluator", paramLabel = "NAME",
            description = "Model evaluator implementation; default: the only one installed.")
    private String evaluator;

    @Option(names = "--validator-uid", defaultValue = "0", paramLabel = "UID",
            description = "This validator's uid: its folders in the bucket. Default: ${DEFAULT-VALUE}.")
    private int validatorUid;

    @Option(names = "--is-aggregator", negatable = true,
            description = "Publish model versions (default: when --validator-uid is 0); otherwise proposals only.")
    private Boolean aggregator;

    @Option(names = "--proposal-uids", paramLabel = "UID", split = ",",
            description = "Validators whose proposals the aggregator weighs against its own aggregate, read from "
                    + "the same store (comma-separated). Default: none.")
    private List<Integer> proposalUids = new ArrayList<>();

    @Option(names = "--chain", paramLabel = "URL|DIR|subtensor",
            description = "Read miners' buckets from their chain commitments: a chain served by mvtrx chain (URL), a "
                    + "local chain's folder, or subtensor (with --subtensor-network). Default: miners write to "
                    + "--storage (a shared store).")
    private String chain;

    @Option(names = "--subtensor-network", defaultValue = "finney", paramLabel = "NAME|URL",
            description = "With --chain subtensor: finney, test, local or a ws:// URL. Default: ${DEFAULT-VALUE}.")
    private String subtensorNetwork;

    @Option(names = "--netuid", defaultValue = "79", paramLabel = "N",
            description = "Subnet whose commitments name the miners' buckets (with --chain). Default: "
                    + "${DEFAULT-VALUE}.")
    private int netuid;

    @Option(names = "--endpoint-override", paramLabel = "URL",
            description = "S3 endpoint for every committed bucket (MinIO, local S3); default $"
                    + "GENTRX_CHAIN_ENDPOINT_OVERRIDE, else each provider's.")
    private String endpointOverride;

    @Option(names = "--network", defaultValue = "localnet", paramLabel = "NAME",
            description = "Key shard: mainnet, testnet or localnet. Default: ${DEFAULT-VALUE}.")
    private String network;

    @Option(names = "--mode", defaultValue = "simulation", paramLabel = "MODE",
            description = "simulation or exchange. Default: ${DEFAULT-VALUE}.")
    private String mode;

    @Option(names = "--min-score", defaultValue = "-0.1", paramLabel = "X",
            description = "Scores must exceed this to be accepted. Default: ${DEFAULT-VALUE}.")
    private double minScore;

    @Option(names = "--max-grad-norm", paramLabel = "X", description = "Refuse gradients with a larger L2 norm.")
    private Double maxGradNorm;

    @Option(names = "--reject-untagged", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "An untagged gradient (model version 0) is version-mismatched. Default: on.")
    private boolean rejectUntagged;

    @Option(names = "--warmup-rounds", defaultValue = "5", paramLabel = "N",
            description = "Rounds after a fresh start that accept any score and never roll back. Default: 5.")
    private int warmupRounds;

    @Option(names = "--max-val-batches", defaultValue = "10", paramLabel = "N",
            description = "Held-out batches per evaluation. Default: ${DEFAULT-VALUE}.")
    private int maxValBatches;

    @Option(names = "--agg-top-k-frac", defaultValue = "1.0", paramLabel = "F",
            description = "Fraction of the aggregate kept per tensor. Default: ${DEFAULT-VALUE}.")
    private double aggTopKFrac;

    @Option(names = "--no-rollback", description = "Commit aggregates even when they raise the held-out loss.")
    private boolean noRollback;

    @Option(names = "--blocks-per-round", defaultValue = "25", paramLabel = "N",
            description = "Blocks per round, for the heartbeat-loss fallback. Default: ${DEFAULT-VALUE}.")
    private int blocksPerRound;

    @Option(names = "--block-time-s", defaultValue = "12", paramLabel = "S",
            description = "Seconds per block. Default: ${DEFAULT-VALUE}.")
    private int blockTimeS;

    @Option(names = "--round-grace-s", defaultValue = "30", paramLabel = "S",
            description = "Seconds a closing round waits after the next push. Default: ${DEFAULT-VALUE}.")
    private int roundGraceS;

    @Option(names = "--max-gradient-bytes", defaultValue = "20971520", paramLabel = "BYTES",
            description = "Larger gradients are refused unread. Default: ${DEFAULT-VALUE} (20 MiB).")
    private long maxGradientBytes;

    @Option(names = "--checkpoint-interval", defaultValue = "6", paramLabel = "N",
            description = "A full checkpoint at version 1 and every Nth version. Default: ${DEFAULT-VALUE}.")
    private int checkpointInterval;

    @Option(names = "--keep-checkpoints", defaultValue = "10", paramLabel = "N",
            description = "Full checkpoints kept. Default: ${DEFAULT-VALUE}.")
    private int keepCheckpoints;

    @Option(names = "--keep-version-deltas", defaultValue = "24", paramLabel = "N",
            description = "Version deltas kept. Default: ${DEFAULT-VALUE}.")
    private int keepDeltas;

    @Option(names = "--keep-proposals", defaultValue = "10", paramLabel = "N",
            description = "Proposals kept. Default: ${DEFAULT-VALUE}.")
    private int keepProposals;

    @Option(names = "--max-pending-rows-per-book", defaultValue = "30000", paramLabel = "N",
            description = "Rows per page. Default: ${DEFAULT-VALUE}.")
    private int pageRows;

    @Option(names = "--enable-startup-cleanup",
            description = "Wipe the data pages of another simulation found at startup.")
    private boolean startupCleanup;

    @Option(names = "--loop-sleep-s", defaultValue = "5", paramLabel = "S",
            description = "Seconds between loop passes. Default: ${DEFAULT-VALUE}.")
    private int loopSleepS;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".mvtrx", "gradient-server");
        StorageLayout layout = new StorageLayout(parse(GentrxNetwork.class, "--network", network),
                parse(GentrxMode.class, "--mode", mode));
        ServerSettings settings = settings();
        // what needs no network first: the model file and its evaluator
        LocalGradientServer.modelFile(dir, Optional.ofNullable(checkpoint), "--checkpoint");
        EvaluatorFactory factory = LocalGradientServer.evaluator(evaluator, "--evaluator");
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            PluginRegistry registry = mvtrx.loadPlugins();
            opened.add(registry);
            mvtrx.printProblems(registry);
            StorageBackend bucket = storage.open(registry);
            opened.add(bucket);
            MinerBuckets miners;
            if (chain != null) {
                ChainBackend followed = NodeParts.readOnlyChain(registry, chain, subtensorNetwork);
                opened.add(followed);
                ChainMinerBuckets committed = new ChainMinerBuckets(followed, netuid, Optional.ofNullable(
                        endpointOverride != null ? endpointOverride
                                : mvtrx.environment().get("GENTRX_CHAIN_ENDPOINT_OVERRIDE")),
                        s3 -> registry.require(StorageBackendProvider.class, S3Bucket.BACKEND).create(s3.settings()),
                        InstantSource.system(), ChainMinerBuckets.REFRESH);
                opened.add(committed);
                miners = new MinerBuckets(committed);
            } else {
                miners = MinerBuckets.shared(bucket);
            }
            opened.add(miners);
            LocalGradientServer server = LocalGradientServer.start(new LocalGradientServer.Parts(settings, layout,
                    bucket, miners, dir, Optional.ofNullable(checkpoint), factory, pageRows,
                    new IngestSettings(IngestSettings.DEFAULT_TAIL_FLUSH_NS, startupCleanup), proposalUids, bind,
                    port, Optional.ofNullable(apiKey), creds -> openBucket(registry, creds),
                    Duration.ofSeconds(loopSleepS), Optional.empty()), "--checkpoint");
            out.printf("gradient server on http://%s:%d/gentrx (round %d, model version %d, state %s)%n", bind,
                    server.port(), server.core().aggRound(), server.core().version(), dir);
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            try (Termination signals = Termination.onSignal(stopped::countDown)) {
                stopped.await();
            } finally {
                server.close();
                out.println("gradient server stopped");
                out.flush();
            }
            return ExitCodes.OK;
        } finally {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "closing: " + e.getMessage());
                }
            }
        }
    }

    private ServerSettings settings() {
        try {
            return new ServerSettings(validatorUid, aggregator != null ? aggregator : validatorUid == 0,
                    new RoundTiming(blocksPerRound, Duration.ofSeconds(blockTimeS), Duration.ofSeconds(roundGraceS)),
                    new AcceptanceRules(minScore, 3.0, rejectUntagged,
                            maxGradNorm != null ? maxGradNorm : Double.POSITIVE_INFINITY, warmupRounds),
                    maxValBatches, maxGradientBytes, aggTopKFrac, !noRollback,
                    new PublishPolicy(checkpointInterval, keepCheckpoints, keepDeltas, keepProposals));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("gradient-server: %s", e.getMessage());
        }
    }

    /** A registered miner bucket through the s3 storage plugin. */
    static StorageBackend openBucket(PluginCatalog catalog, BucketCredentials creds) {
        StorageOptions s3 = new StorageOptions();
        s3.name = "s3";
        s3.params = new ArrayList<>(List.of("endpoint=" + creds.endpointUrl(), "bucket=" + creds.bucketName(),
                "accessKey=" + creds.accessKeyId(), "secretKey=" + creds.secretAccessKey()));
        try {
            return s3.open(catalog);
        } catch (CommandFailedException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s %s: expected one of %s", option, value,
                    java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
