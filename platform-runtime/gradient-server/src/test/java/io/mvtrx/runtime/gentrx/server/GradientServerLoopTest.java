package io.mvtrx.runtime.gentrx.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.plugin.storage.fs.FsStorage;
import io.mvtrx.runtime.gentrx.server.data.DataView;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's worker loop: passes go on after failures, and closing persists. */
class GradientServerLoopTest {

    @TempDir
    Path dir;

    @Test
    void aFailingPassIsRetriedOnTheNextAndClosingPersistsTheDataStaging() throws Exception {
        AtomicInteger maintained = new AtomicInteger();
        AtomicInteger persisted = new AtomicInteger();
        TestData fixed = new TestData();
        io.mvtrx.runtime.gentrx.server.data.DataFeed flaky = new io.mvtrx.runtime.gentrx.server.data.DataFeed() {
            @Override
            public void offer(byte[] tick) {
                fixed.offer(tick);
            }

            @Override
            public void maintain() throws IOException {
                if (maintained.incrementAndGet() <= 3) {
                    throw new IOException("bucket unreachable");
                }
            }

            @Override
            public DataView view() {
                return fixed.view();
            }

            @Override
            public void persist() {
                persisted.incrementAndGet();
            }
        };
        try (StorageBackend bucket = FsStorage.open(dir.resolve("bucket"))) {
            GradientServer core = GradientServer.builder().settings(GradientServerTest.settings(5))
                    .layout(GradientServerTest.LAYOUT).ownBucket(bucket).minerBuckets(MinerBuckets.shared(bucket))
                    .data(flaky).evaluator(Fixtures.EVALUATOR).stateDir(dir.resolve("state"))
                    .initialCheckpoint(Fixtures.checkpoint(dir)).build();
            GradientServerLoop loop = GradientServerLoop.start(core, Duration.ofMillis(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (loop.passes() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // the first three passes fail (the store is down); the loop goes on and recovers
            assertThat(loop.passes()).isGreaterThanOrEqualTo(3);
            while (maintained.get() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(maintained.get()).isGreaterThanOrEqualTo(6);
            assertThat(loop.lastProblem()).isEmpty();
            assertThat(persisted.get()).isZero();

            loop.close();

            assertThat(persisted.get()).isEqualTo(1);
            assertThat(dir.resolve("state").resolve("state.json")).isRegularFile();
        }
    }

    @Test
    void refusesAPauseThatIsNotPositive() throws Exception {
        try (StorageBackend bucket = FsStorage.open(dir.resolve("bucket"))) {
            GradientServer core = GradientServer.builder().settings(GradientServerTest.settings(5))
                    .layout(GradientServerTest.LAYOUT).ownBucket(bucket).minerBuckets(MinerBuckets.shared(bucket))
                    .data(new TestData()).evaluator(Fixtures.EVALUATOR).stateDir(dir.resolve("state"))
                    .initialCheckpoint(Fixtures.checkpoint(dir)).build();
            assertThatThrownBy(() -> GradientServerLoop.start(core, Duration.ZERO))
                    .hasMessage("loop pause must be positive, got PT0S");
        }
    }
}
