package io.mvtrx.runtime.gentrx.server.http;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.plugin.storage.fs.FsStorage;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.server.Fixtures;
import io.mvtrx.runtime.gentrx.server.GradientServer;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.server.TestClock;
import io.mvtrx.runtime.gentrx.server.TestData;
import io.mvtrx.runtime.gentrx.server.model.PublishPolicy;
import io.mvtrx.runtime.gentrx.server.round.AssignmentState;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.server.scoring.AcceptanceRules;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.gentrx.validator.DataPage;
import io.mvtrx.runtime.gentrx.validator.DataStatus;
import io.mvtrx.runtime.gentrx.validator.GradientServerClient;
import io.mvtrx.runtime.gentrx.validator.GradientServerException;
import io.mvtrx.runtime.gentrx.validator.RoundScore;
import io.mvtrx.runtime.gentrx.validator.RoundScores;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validator's own client (gentrx-validator) against the real server: the two sides agree on the wire. */
class ValidatorClientIT {

    private static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
    private static final BucketAccess BUCKET = new BucketAccess("local", "/srv", "vb", "", "");

    @TempDir
    Path dir;
    private GradientHttpServer server;
    private StorageBackend bucket;

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (bucket != null) {
            bucket.close();
        }
    }

    private static TrainingAssignment assignment(int uid, long round) {
        return new TrainingAssignment(round, 0, List.of("1"), 100, 200, List.of("data/0/1/intervals/own-" + uid), BUCKET,
                0, LAYOUT.prefix(), Map.of());
    }

    @Test
    void theValidatorsClientPushesARoundAndReadsItsScores() throws Exception {
        bucket = FsStorage.open(dir.resolve("bucket"));
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        GradientServer core = GradientServer.builder()
                .settings(new ServerSettings(0, true, RoundTiming.defaults(),
                        new AcceptanceRules(-0.1, 3.0, true, Double.POSITIVE_INFINITY, 0), 10, 1 << 20, 1.0, true,
                        PublishPolicy.defaults()))
                .layout(LAYOUT).ownBucket(bucket).minerBuckets(MinerBuckets.shared(bucket)).data(new TestData())
                .evaluator(Fixtures.EVALUATOR).clock(clock).stateDir(dir.resolve("state"))
                .initialCheckpoint(Fixtures.checkpoint(dir)).build();
        server = GradientHttpServer.start(core, "127.0.0.1", 0, Optional.of("k"), creds -> bucket);
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/gentrx");
        GradientServerClient client = new GradientServerClient(base, Optional.of("k"), Duration.ofSeconds(5),
                Duration.ofMillis(10));

        DataStatus status = client.dataStatus();
        assertThat(status.maxTsNs()).isEqualTo(500);
        assertThat(status.bucketPrefix()).isEqualTo("gentrx/localnet/simulation/");
        assertThat(status.pages()).containsExactly(new DataPage("7", "150-400.parquet", 150, 400));

        client.pushState(new byte[] {1, 2, 3});
        client.pushRound(5, Map.of(1, assignment(1, 5), 2, assignment(2, 5)), List.of("7"), 125);
        assertThat(core.state(5, 2)).contains(AssignmentState.DELIVERED);
        assertThat(client.scores(0)).isEmpty();

        bucket.put(LAYOUT.gradient(1, 5), GradientCodec.encode(Fixtures.gradient(5, 1, 1, 1, 0)));
        core.tick();
        clock.advance(300);
        client.pushRound(6, Map.of(1, assignment(1, 6)), List.of("7"), 150);
        clock.advance(30);
        core.tick();

        RoundScores scores = client.scores(0).orElseThrow();
        assertThat(scores.round()).isEqualTo(5);
        assertThat(scores.modelVersion()).isZero();
        assertThat(scores.accepted()).isEqualTo(1);
        assertThat(scores.scores()).containsExactlyInAnyOrder(new RoundScore(1, 3.0, true),
                new RoundScore(2, 0.0, false));
        assertThat(client.version()).isEqualTo(1);

        GradientServerClient wrongKey = new GradientServerClient(base, Optional.of("nope"), Duration.ofSeconds(5),
                Duration.ofMillis(10));
        assertThatThrownBy(wrongKey::version).isInstanceOf(GradientServerException.class).hasMessageContaining("401");
    }
}
