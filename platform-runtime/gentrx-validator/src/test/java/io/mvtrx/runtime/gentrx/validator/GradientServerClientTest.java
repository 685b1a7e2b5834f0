package io.mvtrx.runtime.gentrx.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on loopback that answers as the reference gradient server does. */
class GradientServerClientTest {

    private final AtomicInteger stateFailures = new AtomicInteger();
    private LoopbackGradientServer server;
    private List<String> seen;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackGradientServer()
                .route("POST /gentrx/state", () -> stateFailures.getAndDecrement() > 0
                        ? new LoopbackGradientServer.Reply(503, "busy")
                        : new LoopbackGradientServer.Reply(200, "{\"status\": \"ok\"}"))
                .route("GET /gentrx/data-status", 200, """
                        {"max_ts": 900000000000, "version": 4, "round": 17, "bucket_prefix": "gentrx/localnet/simulation/",
                         "books": {"3": {"parquets": [["00000000-00050000.parquet", 0, 500000000000]], "max_ts": 1},
                                   "10": {"parquets": [["00050000-00100000.parquet", 500000000000, 900000000000],
                                                       ["00000000-00050000.parquet", 0, 499000000000]], "max_ts": 2}}}
                        """)
                .route("POST /gentrx/round", 200, "{\"status\": \"ok\", \"round\": 18, \"n_assignments\": 1}")
                .route("GET /gentrx/scores?since_round=17", 204, "")
                .route("GET /gentrx/scores?since_round=16", 200, """
                        {"round": 17, "model_version": 5, "n_scored": 2, "n_accepted": 1, "n_rejected": 1,
                         "scores": {"4": {"score": 0.25, "score_own": 0.3, "score_held": 0.25, "accepted": true},
                                    "7": {"score": 0, "accepted": false}}}
                        """)
                .route("GET /gentrx/version", 200, "{\"version\": 5}");
        seen = server.seen;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GradientServerClient client(String key) {
        return new GradientServerClient(server.base(), Optional.ofNullable(key), Duration.ofSeconds(5),
                Duration.ofMillis(1));
    }

    @Test
    void readsTheDataStatusScoresAndVersion() throws Exception {
        GradientServerClient client = client("k3y");

        DataStatus status = client.dataStatus();
        assertThat(status.maxTsNs()).isEqualTo(900_000_000_000L);
        assertThat(status.version()).isEqualTo(4);
        assertThat(status.round()).isEqualTo(17);
        assertThat(status.bucketPrefix()).isEqualTo("gentrx/localnet/simulation/");
        assertThat(status.pages()).containsExactlyInAnyOrder(
                new DataPage("3", "00000000-00050000.parquet", 0, 500_000_000_000L),
                new DataPage("10", "00050000-00100000.parquet", 500_000_000_000L, 900_000_000_000L),
                new DataPage("10", "00000000-00050000.parquet", 0, 499_000_000_000L));

        assertThat(client.scores(17)).isEmpty();
        RoundScores scores = client.scores(16).orElseThrow();
        assertThat(scores.round()).isEqualTo(17);
        assertThat(scores.modelVersion()).isEqualTo(5);
        assertThat(scores.accepted()).isEqualTo(1);
        assertThat(scores.scores()).containsExactlyInAnyOrder(new RoundScore(4, 0.25, true),
                new RoundScore(7, 0.0, false));
        assertThat(client.version()).isEqualTo(5);
    }

    @Test
    void pushesARoundWithEachMinersOwnAssignment() throws Exception {
        var assignment = new TrainingAssignment(18, 4, List.of("3"), 0, 500, List.of("data/1/3/intervals/a.parquet"),
                new BucketAccess("s3", "http://127.0.0.1:9000", "vb", "AK", "SK"), 1, "gentrx/localnet/simulation/",
                Map.of());

        client("k3y").pushRound(18, Map.of(4, assignment), List.of("10"), 450);

        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst()).isEqualTo("POST /gentrx/round key=k3y {\"round\":18,\"assignments\":{\"4\":"
                + "{\"round\":18,\"model_version\":4,\"books\":[\"3\"],\"ts_start\":0,\"ts_end\":500,"
                + "\"data\":[\"data/1/3/intervals/a.parquet\"],\"data_source\":\"s3\","
                + "\"data_endpoint\":\"http://127.0.0.1:9000\",\"data_bucket\":\"vb\",\"data_access_key\":\"AK\","
                + "\"data_secret_key\":\"SK\",\"validator_uid\":1,\"bucket_prefix\":\"gentrx/localnet/simulation/\","
                + "\"advice\":{}}},\"val_books\":[\"10\"],\"block\":450}");
    }

    @Test
    void aStatePushIsRetriedOnServerErrorsAndGivenUpAtOnceOnClientErrors() throws Exception {
        stateFailures.set(2);
        client("k3y").pushState(new byte[] {(byte) 0x80});
        assertThat(seen).hasSize(3);

        seen.clear();
        stateFailures.set(5);
        assertThatThrownBy(() -> client("k3y").pushState(new byte[] {1})).isInstanceOf(GradientServerException.class)
                .hasMessageEndingWith("/gentrx/state: HTTP 503 busy")
                .matches(e -> !((GradientServerException) e).terminal());
        assertThat(seen).hasSize(3);

        seen.clear();
        assertThatThrownBy(() -> client("wrong").pushState(new byte[] {1})).isInstanceOf(GradientServerException.class)
                .hasMessageEndingWith("/gentrx/state: HTTP 401 {\"error\": \"Invalid or missing X-API-Key\"}")
                .matches(e -> ((GradientServerException) e).terminal());
        assertThat(seen).hasSize(1);
    }

    @Test
    void refusesAUrlThatDoesNotEndInGentrx() {
        assertThatThrownBy(() -> new GradientServerClient(URI.create("http://127.0.0.1:8100/"), Optional.empty(),
                Duration.ofSeconds(1), Duration.ofMillis(1)))
                .hasMessage("gradient server URL must end in /gentrx, got http://127.0.0.1:8100/");
    }
}
