package io.mvtrx.runtime.gentrx.server.http;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.plugin.storage.fs.FsStorage;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.server.Fixtures;
import io.mvtrx.runtime.gentrx.server.GradientServer;
import io.mvtrx.runtime.gentrx.server.MinerBuckets;
import io.mvtrx.runtime.gentrx.server.TestClock;
import io.mvtrx.runtime.gentrx.server.TestData;
import io.mvtrx.runtime.gentrx.server.model.PublishPolicy;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.server.scoring.AcceptanceRules;
import io.mvtrx.runtime.gentrx.server.ServerSettings;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real server on loopback, spoken to with the JDK HTTP client the way the validator's client does. */
class GradientHttpServerIT {

    private static final String KEY = "s3cret";
    private static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
    private static final String ROUND_BODY = """
            {"round": 5, "block": 125, "val_books": ["7"], "assignments": {
              "1": {"round": 5, "model_version": 0, "books": ["1"], "ts_start": 100, "ts_end": 200,
                    "data": ["data/0/1/intervals/own-1"], "data_source": "validator"},
              "2": {"round": 5, "model_version": 0, "books": ["1"], "ts_start": 100, "ts_end": 200,
                    "data": ["data/0/1/intervals/own-2"], "data_source": "validator"}}}""";

    @TempDir
    Path dir;
    private StorageBackend bucket;
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private GradientHttpServer server;

    @BeforeEach
    void open() throws Exception {
        bucket = FsStorage.open(dir.resolve("bucket"));
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        bucket.close();
    }

    private GradientServer core() throws Exception {
        ServerSettings settings = new ServerSettings(0, true, RoundTiming.defaults(),
                new AcceptanceRules(-0.1, 3.0, true, Double.POSITIVE_INFINITY, 0), 10, 1 << 20, 1.0, true,
                PublishPolicy.defaults());
        return GradientServer.builder().settings(settings).layout(LAYOUT).ownBucket(bucket)
                .minerBuckets(MinerBuckets.shared(bucket)).data(new TestData()).evaluator(Fixtures.EVALUATOR)
                .clock(clock).stateDir(dir.resolve("state")).initialCheckpoint(Fixtures.checkpoint(dir)).build();
    }

    private HttpResponse<String> get(String path, boolean withKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (withKey) {
            b.header("X-API-Key", KEY);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("X-API-Key", KEY).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiServesARoundFromPushToScoresAndARestartKeepsIt() throws Exception {
        GradientServer core = core();
        server = GradientHttpServer.start(core, "127.0.0.1", 0, Optional.of(KEY), creds -> bucket);

        HttpResponse<String> refused = get("/gentrx/health", false);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Invalid or missing X-API-Key\"}");
        assertThat(get("/gentrx/metrics", false).statusCode()).isEqualTo(401);
        assertThat(get("/gentrx/health", true).body()).isEqualTo("{\"status\":\"ok\",\"version\":0}");

        assertThat(post("/gentrx/state", HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x80})).body())
                .isEqualTo("{\"status\":\"ok\"}");
        assertThat(get("/gentrx/data-status", true).body()).isEqualTo("{\"max_ts\":500,\"version\":0,\"round\":0,"
                + "\"bucket_prefix\":\"gentrx/localnet/simulation/\",\"books\":{\"7\":{\"parquets\":"
                + "[[\"150-400.parquet\",150,400]],\"max_ts\":500}}}");

        assertThat(post("/gentrx/round", HttpRequest.BodyPublishers.ofString("{\"round\": \"x\"}")).statusCode())
                .isEqualTo(400);
        HttpResponse<String> pushed = post("/gentrx/round", HttpRequest.BodyPublishers.ofString(ROUND_BODY));
        assertThat(pushed.body()).isEqualTo("{\"status\":\"ok\",\"round\":5,\"n_assignments\":2}");
        assertThat(get("/gentrx/assignment?miner_uid=2", true).body()).contains("own-2").doesNotContain("own-1");
        assertThat(get("/gentrx/assignment?miner_uid=9", true).body()).isEqualTo("null");
        assertThat(get("/gentrx/scores?since_round=0", true).statusCode()).isEqualTo(204);

        bucket.put(LAYOUT.gradient(1, 5), GradientCodec.encode(Fixtures.gradient(5, 1, 1, 1, 0)));
        bucket.put(LAYOUT.gradient(2, 5), GradientCodec.encode(Fixtures.gradient(5, 2, 1, 3, 0)));
        core.tick(); // both in: the round closes without waiting for the next push

        HttpResponse<String> scores = get("/gentrx/scores?since_round=0", true);
        assertThat(scores.statusCode()).isEqualTo(200);
        // uid 1: held 4 → 1 (3.0); uid 2: Δ (3, 0), held 4 → 1 (3.0), own 2 → 5 (−3.0); mean (2, 0): held 4 → 0
        assertThat(scores.body()).contains("\"round\":5", "\"n_accepted\":2", "\"loss_before\":4.0",
                "\"loss_after\":0.0", "\"2\":{\"score\":3.0,\"score_own\":-3.0");
        assertThat(get("/gentrx/scores?since_round=5", true).statusCode()).isEqualTo(204);
        assertThat(get("/gentrx/version", true).body()).isEqualTo("{\"version\":1}");
        assertThat(get("/gentrx/metrics", true).body()).contains("gentrx_checkpoint_version 1",
                "gentrx_last_n_accepted 2", "gentrx_miner_score{miner_uid=\"1\"} 3\n");

        server.close();
        core.persistAll();
        server = GradientHttpServer.start(core(), "127.0.0.1", 0, Optional.of(KEY), creds -> bucket);
        assertThat(get("/gentrx/version", true).body()).isEqualTo("{\"version\":1}");
        assertThat(get("/gentrx/scores?since_round=0", true).body()).contains("\"round\":5", "\"n_accepted\":2");
        assertThat(get("/gentrx/data-status", true).body()).contains("\"round\":6");
    }

    @Test
    void registeringABucketAnswersWithItsName() throws Exception {
        server = GradientHttpServer.start(core(), "127.0.0.1", 0, Optional.of(KEY), creds -> bucket);
        HttpResponse<String> ok = post("/gentrx/register_bucket/12", HttpRequest.BodyPublishers.ofString(
                "{\"endpoint_url\":\"http://127.0.0.1:9\",\"bucket_name\":\"m12\",\"access_key_id\":\"a\","
                        + "\"secret_access_key\":\"b\"}"));
        assertThat(ok.body()).isEqualTo("{\"status\":\"ok\",\"uid\":12,\"bucket\":\"m12\"}");
        assertThat(post("/gentrx/register_bucket/12", HttpRequest.BodyPublishers.ofString("{}")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void withoutAKeyItRefusesToBindBeyondLoopback() throws Exception {
        GradientServer core = core();
        assertThatThrownBy(() -> GradientHttpServer.start(core, "0.0.0.0", 0, Optional.empty(), creds -> bucket))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to bind the gradient server to 0.0.0.0 without an API key: set --api-key "
                        + "(MVTRX_GRADIENT_SERVER_API_KEY) when binding beyond loopback");
    }
}
