package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.Gradient;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseTensor;
import io.mvtrx.runtime.gentrx.delta.gradient.TopK;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.mvtrx.runtime.gentrx.miner.training.Fixtures.LAYOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RoundRunnerTest {

    static final int UID = 12;
    static final List<String> PAGES = List.of("data/0/1/intervals/a.parquet", "data/0/2/intervals/b.parquet",
            "data/0/3/intervals/c.parquet", "data/0/4/intervals/gone.parquet");
    /** w → 0 everywhere, b → (0.5, 0.5, 2.5). */
    static final TensorSet TARGET = Fixtures.model(new float[20], new float[] {0.5f, 0.5f, 2.5f});

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private StorageBackend validator;
    private FlakyStorage miner;
    private DataBuckets buckets;
    private GradientUploader uploader;
    private NudgeTrainer trainer;
    private RoundRunner runner;

    @BeforeEach
    void publish() throws IOException {
        validator = Fixtures.fs(dir.resolve("validator"));
        miner = new FlakyStorage(Fixtures.fs(dir.resolve("miner")));
        // 40 rows: 24 windows of 16; 30 rows: 14; 16 rows: none (skipped); the fourth page is absent.
        Fixtures.putPage(validator, PAGES.get(0), 40);
        Fixtures.putPage(validator, PAGES.get(1), 30);
        Fixtures.putPage(validator, PAGES.get(2), 16);
        Fixtures.publishCheckpoint(validator, 1, Fixtures.v1());
        Fixtures.publishDelta(validator, 2, Fixtures.change12(), v2());
        buckets = new DataBuckets(StorageOpener.serviceLoader());
        uploader = new GradientUploader(miner, dir.resolve("gradients/pending"), clock, 50);
        // Starts from a random-looking model that no published version has.
        trainer = new NudgeTrainer(Fixtures.constantChange(9f), TARGET, clock, Duration.ofSeconds(60));
        var config = new TrainingConfig(UID, 0, Duration.ofSeconds(240), 0, 16, 0.10, 50);
        runner = new RoundRunner(config, trainer, a -> buckets.open(a.data()), a -> buckets.open(a.data()),
                uploader, clock);
    }

    @AfterEach
    void close() throws IOException {
        buckets.close();
        validator.close();
        miner.close();
    }

    static TensorSet v2() {
        return Fixtures.plus(Fixtures.v1(), Fixtures.change12());
    }

    private TrainingAssignment round(long round, long version, Map<String, String> advice) {
        return Fixtures.assignment(round, version, dir.resolve("validator"), PAGES, advice);
    }

    private Gradient uploaded(String key) throws IOException {
        try (InputStream in = miner.get(key).orElseThrow()) {
            return GradientCodec.decode(in.readAllBytes(), ParameterLayout.of(v2()), key);
        }
    }

    @Test
    void trainsTheSyncedModelOnThePagesAndUploadsAStrictlyValidTopKGradient() throws IOException {
        for (int r = 0; r < 55; r++) {
            miner.put(LAYOUT.gradient(UID, r), new byte[] {1});
        }

        RoundOutcome outcome = runner.run(round(100, 2, Map.of()));

        assertThat(outcome.sync()).isEqualTo(new SyncResult(2, SyncPath.CHECKPOINT, 1));
        assertThat(outcome.pagesUsed()).isEqualTo(2);
        assertThat(outcome.pagesSkipped()).isEqualTo(2);
        assertThat(outcome.windows()).isEqualTo(38);
        assertThat(trainer.windowsOffered).containsExactly(38);
        assertThat(trainer.filesSeen).isSubsetOf(0, 1);
        // 240 s budget at 60 s a step.
        assertThat(outcome.steps()).isEqualTo(4);
        assertThat(outcome.gradientKey()).contains("gentrx/localnet/simulation/gradients/12/00000100.grad");
        assertThat(outcome.uploaded()).isTrue();

        Gradient gradient = uploaded("gentrx/localnet/simulation/gradients/12/00000100.grad");
        double l0 = NudgeTrainer.distance(v2(), TARGET);
        var metadata = gradient.metadata();
        assertThat(metadata.windowId()).isEqualTo(100);
        assertThat(metadata.minerUid()).isEqualTo(UID);
        assertThat(metadata.stepsTrained()).isEqualTo(4);
        assertThat(metadata.modelVersionTrained()).isEqualTo(2);
        assertThat(metadata.lossTrajectory()).hasSize(4);
        assertThat(metadata.lossBefore()).isCloseTo(l0, within(1e-9));
        assertThat(metadata.lossAfter()).isCloseTo(l0 / 64, within(1e-9));
        assertThat(metadata.lossTrajectory().get(1)).isCloseTo(l0 / 4, within(1e-9));

        // Δ = after − before = −15/16 of (v2 − target): w's two largest are its last two, b's is its third.
        SparseTensor w = gradient.delta().find("w").orElseThrow();
        SparseTensor b = gradient.delta().find("b").orElseThrow();
        assertThat(w.count()).isEqualTo(TopK.count(20, 0.10)).isEqualTo(2);
        assertThat(b.count()).isEqualTo(TopK.count(3, 0.10)).isEqualTo(1);
        assertThat(w.indices()).containsExactlyInAnyOrder(18, 19);
        float[] wValues = new float[20];
        for (int i = 0; i < w.count(); i++) {
            wValues[w.indices()[i]] = w.values()[i];
        }
        assertThat((double) wValues[18]).isCloseTo(-15.0 / 16 * 2.8, within(1e-5));
        assertThat((double) wValues[19]).isCloseTo(-15.0 / 16 * 2.9, within(1e-5));
        assertThat(b.indices()).containsExactly(2);
        assertThat((double) b.values()[0]).isCloseTo(1.875, within(1e-6));

        // Pruned to the newest 50: rounds 6..54 and 100.
        List<String> kept = miner.list(LAYOUT.gradients(UID));
        assertThat(kept).hasSize(50).contains(LAYOUT.gradient(UID, 100), LAYOUT.gradient(UID, 6))
                .doesNotContain(LAYOUT.gradient(UID, 5));
        // The model stays at the published version, not at this round's training.
        assertThat(trainer.parameters()).isEqualTo(v2());
    }

    @Test
    void appliesTheNextDeltaOnTopOfTheLoadedModel() throws IOException {
        runner.run(round(100, 2, Map.of()));
        TensorSet v3 = Fixtures.plus(v2(), Fixtures.constantChange(0.25f));
        Fixtures.publishDelta(validator, 3, Fixtures.constantChange(0.25f), v3);

        RoundOutcome outcome = runner.run(round(101, 2, Map.of()));

        // Target = max(assigned 2, head 3).
        assertThat(outcome.sync()).isEqualTo(new SyncResult(3, SyncPath.DELTAS, 1));
        assertThat(trainer.parameters()).isEqualTo(v3);
        assertThat(uploaded(LAYOUT.gradient(UID, 101)).metadata().modelVersionTrained()).isEqualTo(3);
    }

    @Test
    void aVersionGapLoadsTheLatestFullCheckpointAndReplaysFromThere() throws IOException {
        runner.run(round(100, 2, Map.of()));
        TensorSet v4 = Fixtures.plus(v2(), Fixtures.constantChange(-0.5f));
        TensorSet v5 = Fixtures.plus(v4, Fixtures.constantChange(0.125f));
        // Delta v3 was pruned: the miner at v2 cannot step forward and must take checkpoint v4 plus delta v5.
        Fixtures.publishCheckpoint(validator, 4, v4);
        Fixtures.publishDelta(validator, 4, Fixtures.constantChange(-0.5f), v4);
        Fixtures.publishDelta(validator, 5, Fixtures.constantChange(0.125f), v5);

        RoundOutcome outcome = runner.run(round(101, 5, Map.of()));

        assertThat(outcome.sync()).isEqualTo(new SyncResult(5, SyncPath.CHECKPOINT, 1));
        assertThat(trainer.parameters()).isEqualTo(v5);
    }

    @Test
    void aDeltaWhoseHashDoesNotMatchIsNotTrainedOn() throws IOException {
        runner.run(round(100, 2, Map.of()));
        Fixtures.publishDelta(validator, 3, Fixtures.constantChange(0.25f), v2());

        assertThatThrownBy(() -> runner.run(round(101, 3, Map.of())))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot reach model version 3 from checkpoint gentrx/localnet/simulation/checkpoints/0/"
                        + "v00001.pt (version 1): a delta under gentrx/localnet/simulation/deltas/0/ is missing or "
                        + "does not verify");
        assertThat(miner.list(LAYOUT.gradients(UID))).containsExactly(LAYOUT.gradient(UID, 100));
    }

    @Test
    void theAssignmentsAdviceSetsTheFractionWhenItIsOne() throws IOException {
        RoundOutcome advised = runner.run(round(100, 2, Map.of("top_k_frac", "0.25")));
        RoundOutcome nonsense = runner.run(round(101, 2, Map.of("top_k_frac", "1.5")));

        assertThat(advised.topKFraction()).isEqualTo(0.25);
        assertThat(uploaded(LAYOUT.gradient(UID, 100)).delta().find("w").orElseThrow().count()).isEqualTo(5);
        assertThat(uploaded(LAYOUT.gradient(UID, 100)).delta().find("b").orElseThrow().count()).isEqualTo(1);
        assertThat(nonsense.topKFraction()).isEqualTo(0.10);
        assertThat(uploaded(LAYOUT.gradient(UID, 101)).delta().find("w").orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void onlyShortOrMissingPagesMeanNoTrainingAndNoUpload() throws IOException {
        RoundOutcome outcome = runner.run(Fixtures.assignment(100, 2, dir.resolve("validator"),
                List.of(PAGES.get(2), PAGES.get(3)), Map.of()));

        assertThat(outcome.steps()).isZero();
        assertThat(outcome.pagesSkipped()).isEqualTo(2);
        assertThat(outcome.gradientKey()).isEmpty();
        assertThat(miner.list(LAYOUT.gradients(UID))).isEmpty();
    }

    @Test
    void aFailedUploadWaitsInPendingAndIsRetriedAfterTheCoolDown() throws IOException {
        miner.failing = true;

        RoundOutcome outcome = runner.run(round(7, 2, Map.of()));

        Instant failedAt = clock.instant();
        Path pending = dir.resolve("gradients/pending/block_00000007_miner_12.grad");
        assertThat(outcome.uploaded()).isFalse();
        assertThat(pending).exists();
        assertThat(uploader.pendingCount()).isEqualTo(1);
        assertThat(miner.putsTried).isEqualTo(1);

        clock.advance(Duration.ofSeconds(29));
        assertThat(uploader.retryDue()).isZero();
        assertThat(miner.putsTried).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(uploader.retryDue()).isZero();
        assertThat(miner.putsTried).isEqualTo(2);
        // The second failure doubles the cool-down.
        assertThat(uploader.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(uploader.nextRetry()).isEqualTo(failedAt.plusSeconds(90));

        clock.advance(Duration.ofSeconds(59));
        miner.failing = false;
        assertThat(uploader.retryDue()).isZero();
        assertThat(miner.putsTried).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(uploader.retryDue()).isEqualTo(1);
        assertThat(uploaded(LAYOUT.gradient(UID, 7)).metadata().windowId()).isEqualTo(7);
        assertThat(pending).doesNotExist();
        try (Stream<Path> left = Files.list(pending.getParent())) {
            assertThat(left).isEmpty();
        }
        assertThat(uploader.cooldown()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theCoolDownDoublesUpToFiveMinutes() throws IOException {
        miner.failing = true;
        runner.run(round(7, 2, Map.of()));
        long[] expected = {60, 120, 240, 300, 300};
        for (long seconds : expected) {
            clock.advance(uploader.cooldown());
            uploader.retryDue();
            assertThat(uploader.cooldown()).isEqualTo(Duration.ofSeconds(seconds));
        }
    }
}
