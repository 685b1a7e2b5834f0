package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.Gradient;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientMetadata;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseTensor;
import io.mvtrx.runtime.gentrx.delta.gradient.TopK;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

/**
 * One training round, start to end, on the calling thread: sync the model, read the pages, train within the budget,
 * compress {@code after − before}, write the {@code .grad} and put it at {@code gradients/<uid>/{round:08d}.grad}.
 * Nothing is uploaded when no step was taken or nothing changed (gentrx.md §5). After training the model is put
 * back to the synced version, so that it keeps matching the published versions.
 */
public final class RoundRunner {

    /** The advice member that overrides the configured top-k fraction. */
    public static final String ADVICE_TOP_K = "top_k_frac";

    private static final System.Logger LOG = System.getLogger(RoundRunner.class.getName());

    private final TrainingConfig config;
    private final ModelTrainer trainer;
    private final Function<TrainingAssignment, StorageBackend> dataBucket;
    private final Function<TrainingAssignment, StorageBackend> modelBucket;
    private final GradientUploader uploader;
    private final InstantSource clock;
    private final ModelSync sync = new ModelSync();

    /**
     * @param dataBucket  the bucket an assignment's pages are in
     * @param modelBucket the bucket the aggregator publishes checkpoints and deltas to, for an assignment
     */
    public RoundRunner(TrainingConfig config, ModelTrainer trainer,
                       Function<TrainingAssignment, StorageBackend> dataBucket,
                       Function<TrainingAssignment, StorageBackend> modelBucket, GradientUploader uploader,
                       InstantSource clock) {
        this.config = config;
        this.trainer = trainer;
        this.dataBucket = dataBucket;
        this.modelBucket = modelBucket;
        this.uploader = uploader;
        this.clock = clock;
    }

    /** The model version loaded, -1 before the first round. */
    public long modelVersion() {
        return sync.current();
    }

    /**
     * @throws IOException              naming the object when a bucket fails or the model cannot be synced
     * @throws IllegalArgumentException when the assignment's shard prefix is not {@code gentrx/<network>/<mode>/}
     */
    public RoundOutcome run(TrainingAssignment assignment) throws IOException {
        StorageLayout layout = StorageLayout.parse(assignment.bucketPrefix());
        SyncResult synced = sync.sync(modelBucket.apply(assignment), layout, config.aggregatorUid(),
                assignment.modelVersion(), trainer);
        long seed = assignment.round() * 1_000_003L + config.minerUid();
        DataPages.Loaded loaded = DataPages.load(dataBucket.apply(assignment), layout, assignment.dataKeys(),
                config.seqLen(), seed);
        double fraction = topKFraction(assignment);
        if (loaded.windows().isEmpty()) {
            LOG.log(System.Logger.Level.INFO, String.format("round %d: no page longer than %d rows; nothing to train",
                    assignment.round(), config.seqLen()));
            return new RoundOutcome(assignment.round(), synced, 0, loaded.skipped(), 0, 0, List.of(), fraction,
                    Optional.empty(), false);
        }
        TrainingWindows windows = loaded.windows().get();
        TensorSet before = trainer.parameters();
        List<Double> losses = new ArrayList<>();
        TrainResult result = trainer.train(windows, RoundBudget.starting(clock, config.roundBudget()),
                config.stepCap(), losses::add);
        List<Double> finite = losses.stream().filter(Double::isFinite).toList();
        TensorSet after = trainer.parameters();
        // The model stays at the published version: the next round's deltas and hash checks apply to it, not to
        // this round's private training (the reference trains a deep copy).
        trainer.load(before);
        if (result.steps() == 0 || finite.isEmpty()) {
            return outcome(assignment, synced, loaded, windows, result, finite, fraction, Optional.empty(), false);
        }
        SparseDelta delta = TopK.compress(before, after, fraction);
        if (!changed(delta)) {
            return outcome(assignment, synced, loaded, windows, result, finite, fraction, Optional.empty(), false);
        }
        var metadata = new GradientMetadata(assignment.round(), config.minerUid(), result.steps(), finite.getFirst(),
                finite.getLast(), finite, synced.version());
        byte[] bytes = GradientCodec.encode(new Gradient(metadata, delta));
        String key = layout.gradient(config.minerUid(), assignment.round());
        boolean uploaded = uploader.upload(assignment.round(), config.minerUid(), key, bytes);
        return outcome(assignment, synced, loaded, windows, result, finite, fraction, Optional.of(key), uploaded);
    }

    private static RoundOutcome outcome(TrainingAssignment assignment, SyncResult synced, DataPages.Loaded loaded,
                                        TrainingWindows windows, TrainResult result, List<Double> losses,
                                        double fraction, Optional<String> key, boolean uploaded) {
        return new RoundOutcome(assignment.round(), synced, loaded.used(), loaded.skipped(), windows.size(),
                result.steps(), losses, fraction, key, uploaded);
    }

    /** The assignment's advice when it is a fraction in (0, 1], else the configured one. */
    double topKFraction(TrainingAssignment assignment) {
        String advice = assignment.advice().get(ADVICE_TOP_K);
        if (advice != null) {
            try {
                double fraction = Double.parseDouble(advice.strip());
                if (fraction > 0 && fraction <= 1) {
                    return fraction;
                }
            } catch (NumberFormatException e) {
                // fall through: advice is optional, a bad one is ignored
            }
            LOG.log(System.Logger.Level.WARNING, String.format("round %d: ignoring advice %s=%s (not in (0, 1])",
                    assignment.round(), ADVICE_TOP_K, advice));
        }
        return config.topKFraction();
    }

    private static boolean changed(SparseDelta delta) {
        for (SparseTensor tensor : delta.tensors()) {
            for (float value : tensor.values()) {
                if (value != 0f) {
                    return true;
                }
            }
        }
        return false;
    }
}
