package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.gentrx.miner.agent.GentrxTrainingAgent;
import io.mvtrx.runtime.gentrx.miner.commitment.BucketCommitment;
import io.mvtrx.runtime.gentrx.miner.commitment.S3Bucket;
import io.mvtrx.runtime.gentrx.miner.credentials.CredentialField;
import io.mvtrx.runtime.gentrx.miner.credentials.CredentialResolver;
import io.mvtrx.runtime.gentrx.miner.credentials.CredentialsFile;
import io.mvtrx.runtime.gentrx.miner.credentials.MinerCredentials;
import io.mvtrx.runtime.gentrx.miner.credentials.MissingCredentialsException;
import io.mvtrx.runtime.gentrx.miner.credentials.Prompter;
import io.mvtrx.runtime.gentrx.miner.training.DataBuckets;
import io.mvtrx.runtime.gentrx.miner.training.GradientUploader;
import io.mvtrx.runtime.gentrx.miner.training.RoundRunner;
import io.mvtrx.runtime.gentrx.miner.training.TrainingConfig;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWorker;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;
import io.mvtrx.runtime.gentrx.train.OrderModelTrainer;
import io.mvtrx.runtime.plugins.PluginCatalog;

import picocli.CommandLine.Option;

/**
 * {@code mvtrx miner --gentrx}: the miner also trains the GenTRX order model (doc/gentrx.md, "Miner training"). Its
 * bucket credentials come from the {@code --gtx-s3-*} flags, {@code GENTRX_AGENT_S3_*}, the credentials file, or —
 * at a terminal — are asked once and saved owner-only; the read key is committed on chain (only when it changed);
 * gradients go to the bucket with the write key; assignments are trained in a background thread.
 */
final class MinerGentrxOptions {

    @Option(names = "--gentrx", description = "Also train the GenTRX order model on the rounds validators assign, "
            + "uploading to your bucket (credentials: --gtx-s3-*, GENTRX_AGENT_S3_*, or the credentials file).")
    boolean enabled;

    @Option(names = "--gentrx-model", paramLabel = "tiny|reference", defaultValue = "reference",
            converter = GentrxCommand.ShapeConverter.class,
            description = "The model shape the network trains (the published checkpoints'). Default: ${DEFAULT-VALUE}.")
    GentrxCommand.ModelShape model;

    @Option(names = "--gentrx-budget", paramLabel = "TIME", defaultValue = "240s",
            converter = SimulateCommand.DurationConverter.class,
            description = "Wall-clock training budget per round (gtx_round_budget_s). Default: ${DEFAULT-VALUE}.")
    long budgetNanos;

    @Option(names = "--gentrx-steps", paramLabel = "N", defaultValue = "0",
            description = "Most optimiser steps per round, 0 for none (gtx_train_steps). Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--gentrx-batch", paramLabel = "N", defaultValue = "4",
            description = "Windows of 512 rows per training step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--gentrx-top-k", paramLabel = "F", defaultValue = "0.10",
            description = "Fraction of each tensor's change uploaded, unless the assignment advises one "
                    + "(gtx_top_k_frac). Default: ${DEFAULT-VALUE}.")
    double topK;

    @Option(names = "--gentrx-threads", paramLabel = "N", defaultValue = "0",
            description = "TensorFlow threads for training; 0 lets TensorFlow choose. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--gentrx-aggregator-uid", paramLabel = "UID", defaultValue = "0",
            description = "Whose published versions to follow (gtx_aggregator_uid). Default: ${DEFAULT-VALUE}.")
    int aggregatorUid;

    @Option(names = "--gentrx-credentials", paramLabel = "FILE",
            description = "Credentials file (owner-only). Default: " + CredentialsFile.DEFAULT_LOCATION + ".")
    Path credentialsFile;

    @Option(names = "--gentrx-pending-dir", paramLabel = "DIR",
            description = "Gradients waiting for a retried upload. Default: ~/.mvtrx/gentrx-pending/UID.")
    Path pendingDir;

    @Option(names = "--gtx-s3-provider", paramLabel = "NAME", description = "r2, hippius or storj (default: from "
            + "the account id).")
    String provider;

    @Option(names = "--gtx-s3-bucket", paramLabel = "NAME", description = "Bucket (default: from the account id).")
    String bucket;

    @Option(names = "--gtx-s3-account-id", paramLabel = "ID", description = "Account id (R2: 32 hex digits).")
    String accountId;

    @Option(names = "--gtx-s3-endpoint-url", paramLabel = "URL", description = "S3 endpoint (default: the "
            + "provider's).")
    String endpointUrl;

    @Option(names = "--gtx-s3-region", paramLabel = "NAME", description = "Signing region (default: the provider's).")
    String region;

    @Option(names = "--gtx-s3-access-key", paramLabel = "KEY", description = "Write access key id.")
    String accessKey;

    @Option(names = "--gtx-s3-secret-key", paramLabel = "SECRET", description = "Write secret (prefer the "
            + "environment or the file: flags show in the process list).")
    String secretKey;

    @Option(names = "--gtx-s3-read-access-key", paramLabel = "KEY", description = "Read access key id, 32 "
            + "characters (committed on chain).")
    String readAccessKey;

    @Option(names = "--gtx-s3-read-secret-key", paramLabel = "SECRET", description = "Read secret, 64 characters "
            + "(committed on chain).")
    String readSecretKey;

    private Map<CredentialField, String> flags() {
        Map<CredentialField, String> flags = new EnumMap<>(CredentialField.class);
        putIf(flags, CredentialField.PROVIDER, provider);
        putIf(flags, CredentialField.BUCKET, bucket);
        putIf(flags, CredentialField.ACCOUNT_ID, accountId);
        putIf(flags, CredentialField.ENDPOINT_URL, endpointUrl);
        putIf(flags, CredentialField.REGION, region);
        putIf(flags, CredentialField.ACCESS_KEY, accessKey);
        putIf(flags, CredentialField.SECRET_KEY, secretKey);
        putIf(flags, CredentialField.READ_ACCESS_KEY, readAccessKey);
        putIf(flags, CredentialField.READ_SECRET_KEY, readSecretKey);
        return flags;
    }

    private static void putIf(Map<CredentialField, String> map, CredentialField field, String value) {
        if (value != null) {
            map.put(field, value);
        }
    }

    /** The miner's credentials, asking at a terminal when some are missing (never printed). */
    MinerCredentials credentials(Map<String, String> environment, Optional<Prompter> prompter) {
        Path file = credentialsFile != null ? credentialsFile
                : CredentialsFile.defaultPath(System.getProperty("user.home"));
        try {
            return new CredentialResolver(flags(), environment::get, file, prompter).resolve();
        } catch (MissingCredentialsException e) {
            throw new CommandFailedException("--gentrx: %s", e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandFailedException("--gentrx: credentials: %s", e.getMessage());
        }
    }

    /**
     * Writes the read key on chain unless the chain already holds the same commitment.
     *
     * @return whether it was written
     */
    static boolean commit(ChainBackend chain, int netuid, String hotkey, BucketCommitment commitment) {
        String text = commitment.encode();
        try {
            if (chain.commitment(netuid, hotkey).filter(text::equals).isPresent()) {
                return false;
            }
            chain.commit(netuid, hotkey, text);
            return true;
        } catch (IOException | RuntimeException e) {
            throw new CommandFailedException("--gentrx: cannot commit the bucket's read key on chain for %s: %s",
                    hotkey, e.getMessage());
        }
    }

    /**
     * The trading agent wrapped to train: credentials, the write bucket, the on-chain commitment, the model and the
     * worker. What it opens is added to {@code opened} (closed by the caller, in reverse).
     */
    TradingAgent wrap(TradingAgent trading, PluginCatalog plugins, ChainBackend chain, int netuid, String hotkey,
                      int uid, Map<String, String> environment, List<AutoCloseable> opened, PrintWriter out) {
        if (!(topK > 0 && topK <= 1) || batch < 1 || budgetNanos <= 0 || steps < 0 || threads < 0) {
            throw new CommandFailedException("--gentrx: --gentrx-top-k must be in (0, 1], --gentrx-batch at least 1, "
                    + "--gentrx-budget positive, --gentrx-steps and --gentrx-threads at least 0");
        }
        MinerCredentials credentials = credentials(environment, Prompter.console());
        BucketCommitment commitment;
        try {
            commitment = credentials.commitment();
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--gentrx: the read key cannot be committed: %s", e.getMessage());
        }
        S3Bucket write = credentials.writeBucket();
        StorageBackend own;
        try {
            own = plugins.require(StorageBackendProvider.class, S3Bucket.BACKEND).create(write.settings());
        } catch (RuntimeException e) {
            throw new CommandFailedException("--gentrx: cannot open bucket %s at %s: %s", write.bucket(),
                    write.endpoint(), e.getMessage());
        }
        opened.add(own);
        boolean written = commit(chain, netuid, hotkey, commitment);
        OrderModel orderModel = OrderModel.create(model.config(), TrainingSettings.reference(), uid, threads);
        opened.add(orderModel::close);
        DataBuckets data = new DataBuckets((name, settings) -> plugins.require(StorageBackendProvider.class, name)
                .create(settings));
        opened.add(data);
        Path pending = pendingDir != null ? pendingDir
                : Path.of(System.getProperty("user.home"), ".mvtrx", "gentrx-pending", Integer.toString(uid));
        GradientUploader uploader = new GradientUploader(own, pending, InstantSource.system(),
                TrainingConfig.DEFAULT_KEEP_GRADIENTS);
        TrainingConfig config = new TrainingConfig(uid, aggregatorUid, Duration.ofNanos(budgetNanos), steps,
                TrainingConfig.DEFAULT_SEQ_LEN, topK, TrainingConfig.DEFAULT_KEEP_GRADIENTS);
        // pages and published versions from the bucket each assignment names (the assigning validator's)
        TrainingWorker worker = new TrainingWorker(new RoundRunner(config, new OrderModelTrainer(orderModel, batch,
                TrainingConfig.DEFAULT_SEQ_LEN), a -> data.open(a.data()), a -> data.open(a.data()), uploader,
                InstantSource.system()), uploader).start();
        opened.add(() -> worker.close(Duration.ofSeconds(30)));
        out.printf("GenTRX: training the %s model into bucket %s at %s; read key %s on chain%n",
                model.name().toLowerCase(java.util.Locale.ROOT), write.bucket(), write.endpoint(),
                written ? "committed" : "already");
        out.flush();
        return new GentrxTrainingAgent(trading, worker);
    }
}
