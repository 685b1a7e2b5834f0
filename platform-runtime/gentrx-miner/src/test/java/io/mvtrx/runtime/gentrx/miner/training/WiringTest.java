package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WiringTest {

    @TempDir
    Path dir;

    @Test
    void aLocalSourceOpensTheFsPluginOnTheDirectoryOnce() throws IOException {
        try (DataBuckets buckets = new DataBuckets(StorageOpener.serviceLoader())) {
            var access = new BucketAccess("local", dir.toString(), "", "", "");
            StorageBackend first = buckets.open(access);
            first.put("gentrx/localnet/simulation/data/0/.sim_id", new byte[] {7});

            assertThat(buckets.open(access)).isSameAs(first);
            assertThat(dir.resolve("gentrx/localnet/simulation/data/0/.sim_id")).hasBinaryContent(new byte[] {7});
        }
    }

    @Test
    void anUnknownSourceOrPluginIsNamed() {
        var buckets = new DataBuckets(StorageOpener.serviceLoader());

        assertThatThrownBy(() -> buckets.open(new BucketAccess("ftp", "x", "", "", "")))
                .hasMessage("assignment data source 'ftp' is neither 'local' nor 's3'");
        assertThatThrownBy(() -> StorageOpener.serviceLoader().open("tape", Settings.empty("Storage")))
                .hasMessage("no storage backend plugin named 'tape' is loaded");
    }

    @Test
    void pendingGradientsLeftByAnEarlierRunAreRetriedAtOnce() throws IOException {
        var clock = new MutableClock();
        Path pending = dir.resolve("pending");
        String key = "gentrx/localnet/simulation/gradients/4/00000009.grad";
        try (var bucket = new FlakyStorage(Fixtures.fs(dir.resolve("miner")))) {
            bucket.failing = true;
            new GradientUploader(bucket, pending, clock, 50).upload(9, 4, key, new byte[] {1, 2, 3});
            bucket.failing = false;

            var restarted = new GradientUploader(bucket, pending, clock, 50);

            assertThat(restarted.pendingCount()).isEqualTo(1);
            assertThat(restarted.retryDue()).isEqualTo(1);
            assertThat(bucket.get(key).orElseThrow().readAllBytes()).containsExactly(1, 2, 3);
            assertThat(restarted.pendingCount()).isZero();
        }
    }

    @Test
    void configDefaultsAreTheReferencesAndNonsenseIsRefused() {
        TrainingConfig defaults = TrainingConfig.defaults(5);

        assertThat(defaults).isEqualTo(new TrainingConfig(5, 0, Duration.ofSeconds(240), 0, 512, 0.10, 50));
        assertThatThrownBy(() -> new TrainingConfig(5, 0, Duration.ofSeconds(240), 0, 512, 0, 50))
                .hasMessage("top-k fraction must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new TrainingConfig(5, 0, Duration.ZERO, 0, 512, 0.1, 50))
                .hasMessage("round budget must be positive, got PT0S");
    }
}
