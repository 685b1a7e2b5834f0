package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.runtime.gentrx.data.ingest.IngestSettings;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.gentrx.validator.GentrxRewards;
import io.mvtrx.runtime.gentrx.validator.GentrxRounds;
import io.mvtrx.runtime.gentrx.validator.GradientServerClient;
import io.mvtrx.runtime.validator.node.MinerTransport;
import io.mvtrx.runtime.validator.node.ValidatorLoop;
import io.mvtrx.runtime.validator.node.gentrx.GentrxService;

import picocli.CommandLine.Option;

/**
 * {@code mvtrx validator --gentrx ...}: the validator's GenTRX side (doc/gentrx.md, "Validator side") — ticks pushed
 * to a gradient server, rounds opened on the block cadence with each miner's own assignment delivered over the
 * validator's transport, scores folded into the weights by participation.
 */
final class GentrxValidatorOptions {

    /** Reference environment for the read access to the validator's bucket (gentrx.md §3.7). */
    static final String ENDPOINT_ENV = "GENTRX_VALIDATOR_S3_ENDPOINT_URL";
    static final String BUCKET_ENV = "GENTRX_VALIDATOR_S3_BUCKET";
    static final String READ_KEY_ENV = "GENTRX_VALIDATOR_S3_READ_ACCESS_KEY";
    static final String READ_SECRET_ENV = "GENTRX_VALIDATOR_S3_READ_SECRET_KEY";
    static final String API_KEY_ENV = "GENTRX_API_KEY";
    /** uids a subnet holds (the reference's 256), the GenTRX score vectors' size at least. */
    private static final int UIDS = 256;

    @Option(names = "--gentrx", description = "Run GenTRX: push the simulation to a gradient server, assign training "
            + "rounds to the miners and blend their GenTRX scores into the weights.")
    boolean enabled;

    @Option(names = "--gradient-server", paramLabel = "URL",
            description = "The gradient server's API root, ending in /gentrx, e.g. http://127.0.0.1:8100/gentrx. "
                    + "Without it the validator runs one itself on loopback (needs --gentrx-data-dir and "
                    + "--gentrx-checkpoint).")
    URI server;

    @Option(names = "--gentrx-checkpoint", paramLabel = "FILE",
            description = "The model the validator's own gradient server starts from (mvtrx gentrx init-checkpoint), "
                    + "until its state directory (STATE-DIR/gradient-server) holds one.")
    Path checkpoint;

    @Option(names = "--gentrx-evaluator", paramLabel = "NAME",
            description = "Model evaluator of the validator's own gradient server; default: the only one installed.")
    String evaluator;

    @Option(names = "--gentrx-network", paramLabel = "NAME", defaultValue = "localnet",
            description = "Key shard of the validator's own gradient server: mainnet, testnet or localnet. "
                    + "Default: ${DEFAULT-VALUE}.")
    String network;

    @Option(names = "--gentrx-server-port", paramLabel = "PORT", defaultValue = "0",
            description = "Loopback port of the validator's own gradient server; 0 picks one. "
                    + "Default: ${DEFAULT-VALUE}.")
    int serverPort;

    @Option(names = "--gentrx-api-key", paramLabel = "KEY",
            description = "X-API-Key for the gradient server; default $" + API_KEY_ENV + ".")
    String apiKey;

    @Option(names = "--gentrx-share", paramLabel = "X", defaultValue = "0.05",
            description = "Most of the weights GenTRX may take, scaled by participation (simulation_share). "
                    + "Default: ${DEFAULT-VALUE}.")
    double share;

    @Option(names = "--gentrx-blocks-per-round", paramLabel = "N", defaultValue = "25",
            description = "Blocks per GenTRX round. Default: ${DEFAULT-VALUE}.")
    long blocksPerRound;

    @Option(names = "--gentrx-window", paramLabel = "TIME", defaultValue = "5m",
            converter = SimulateCommand.DurationConverter.class,
            description = "Simulated time pushed before the first round opens. Default: ${DEFAULT-VALUE}.")
    long windowNanos;

    @Option(names = "--gentrx-data-dir", paramLabel = "DIR",
            description = "Miners read the pages from this directory (a store shared with the gradient server, as "
                    + "on localnet). Without it, from the bucket named by $" + ENDPOINT_ENV + ", $" + BUCKET_ENV
                    + ", $" + READ_KEY_ENV + " and $" + READ_SECRET_ENV + ".")
    Path dataDir;

    /** The validator's own gradient server, when it runs one. */
    private LocalGradientServer local;
    private StorageBackend localBucket;

    /**
     * Starts the service following {@code loop}, or nothing without {@code --gentrx}; without
     * {@code --gradient-server} first starts a gradient server in this process ({@link #close()} stops it).
     */
    Optional<GentrxService> start(ValidatorLoop loop, MinerTransport transport, int validatorUid,
                                  Map<String, String> environment, PluginCatalog plugins, Path stateDir)
            throws IOException {
        if (!enabled) {
            return Optional.empty();
        }
        if (server == null) {
            server = startLocal(plugins, stateDir, validatorUid);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new CommandFailedException("--gentrx-share must be between 0 and 1, got %s", share);
        }
        if (blocksPerRound < 1) {
            throw new CommandFailedException("--gentrx-blocks-per-round must be at least 1, got %d", blocksPerRound);
        }
        GradientServerClient client;
        try {
            client = new GradientServerClient(server, Optional.ofNullable(apiKey != null ? apiKey
                    : environment.get(API_KEY_ENV)), Duration.ofSeconds(5), Duration.ofMillis(500));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--gradient-server: %s", e.getMessage());
        }
        GentrxRounds.Settings settings = new GentrxRounds.Settings(blocksPerRound, windowNanos,
                GentrxRounds.Settings.REFERENCE.scoresEvery());
        GentrxService service = new GentrxService(client, new GentrxRewards(UIDS), transport, settings,
                dataAccess(environment), validatorUid, InstantSource.system(), share);
        service.attach(loop);
        return Optional.of(service);
    }

    /**
     * A gradient server on loopback with the validator's state: pages and published versions in
     * {@code --gentrx-data-dir} (the fs backend), round state in {@code STATE-DIR/gradient-server}.
     */
    private URI startLocal(PluginCatalog plugins, Path stateDir, int validatorUid) throws IOException {
        if (dataDir == null) {
            throw new CommandFailedException("--gentrx without --gradient-server runs a gradient server here: give "
                    + "--gentrx-data-dir DIR (its store, read by the miners) and --gentrx-checkpoint FILE, or "
                    + "--gradient-server URL");
        }
        Path serverState = stateDir.resolve("gradient-server");
        LocalGradientServer.modelFile(serverState, Optional.ofNullable(checkpoint), "--gentrx-checkpoint");
        localBucket = plugins.require(StorageBackendProvider.class, "fs").create(Settings.builder("Storage")
                .attribute("root", dataDir.toAbsolutePath().toString()).build());
        ServerSettings defaults = ServerSettings.defaults(validatorUid);
        ServerSettings settings = new ServerSettings(validatorUid, defaults.aggregator(), new RoundTiming(
                (int) Math.min(Integer.MAX_VALUE, blocksPerRound), defaults.timing().blockTime(),
                defaults.timing().grace()), defaults.rules(), defaults.maxValBatches(), defaults.maxGradientBytes(),
                defaults.aggTopKFraction(), defaults.rollback(), defaults.publish());
        local = LocalGradientServer.start(new LocalGradientServer.Parts(settings,
                new StorageLayout(network(), GentrxMode.SIMULATION), localBucket,
                MinerBuckets.shared(localBucket), serverState, Optional.ofNullable(checkpoint),
                LocalGradientServer.evaluator(evaluator, "--gentrx-evaluator"), PageStore.DEFAULT_CAP,
                IngestSettings.defaults(),
                List.of(), "127.0.0.1", serverPort, Optional.empty(),
                creds -> GradientServerCommand.openBucket(plugins, creds), Duration.ofSeconds(5), Optional.empty()),
                "--gentrx-checkpoint");
        return local.api();
    }

    private GentrxNetwork network() {
        try {
            return GentrxNetwork.valueOf(network.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--gentrx-network %s: expected mainnet, testnet or localnet", network);
        }
    }

    /** What closes the validator's own gradient server, for a try-with-resources. */
    interface OwnServer extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Stops the validator's own gradient server, if it runs one (after the service). */
    void close() throws IOException {
        if (local != null) {
            local.close();
            local = null;
        }
        if (localBucket != null) {
            localBucket.close();
            localBucket = null;
        }
    }

    /** How miners read the pages: a shared directory, or the validator bucket's read key. */
    BucketAccess dataAccess(Map<String, String> environment) {
        if (dataDir != null) {
            return new BucketAccess("local", dataDir.toAbsolutePath().toString(), "", "", "");
        }
        String endpoint = environment.get(ENDPOINT_ENV);
        String bucket = environment.get(BUCKET_ENV);
        String key = environment.get(READ_KEY_ENV);
        String secret = environment.get(READ_SECRET_ENV);
        if (endpoint == null || bucket == null || key == null || secret == null) {
            throw new CommandFailedException("--gentrx: miners need read access to the pages: give --gentrx-data-dir "
                    + "DIR, or set %s, %s, %s and %s", ENDPOINT_ENV, BUCKET_ENV, READ_KEY_ENV, READ_SECRET_ENV);
        }
        return new BucketAccess("s3", endpoint, bucket, key, secret);
    }
}
