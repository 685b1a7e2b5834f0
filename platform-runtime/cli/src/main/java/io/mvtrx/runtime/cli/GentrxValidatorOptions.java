package io.mvtrx.runtime.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.gentrx.BucketAccess;
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
            description = "The gradient server's API root, ending in /gentrx, e.g. http://127.0.0.1:8100/gentrx.")
    URI server;

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

    /** Starts the service following {@code loop}, or nothing without {@code --gentrx}. */
    Optional<GentrxService> start(ValidatorLoop loop, MinerTransport transport, int validatorUid,
                                  Map<String, String> environment) {
        if (!enabled) {
            return Optional.empty();
        }
        if (server == null) {
            throw new CommandFailedException("--gentrx needs --gradient-server URL (the gradient server's API root, "
                    + "e.g. http://127.0.0.1:8100/gentrx)");
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
