package io.mvtrx.runtime.wire.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mvtrx.runtime.metrics.PrometheusText;
import io.mvtrx.runtime.metrics.Scrape;
import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.miner.SharedBooks;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.ResultKind;

import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and metrics on the miner's gRPC port, and how the fan-out reports refusals and unreachable miners. */
class MinerHealthIT {

    @TempDir
    Path dir;

    private TestNetwork net;

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    @Test
    void servesHealthOnTheSamePortAsGrpc() throws Exception {
        var miner = net.miner("miner", new TestAgents.Echo(), c -> c);
        try (Fanout fanout = new Fanout(net.validator, FanoutConfig.DEFAULTS, TestNetwork.CLOCK);
             HttpClient http = HttpClient.newHttpClient()) {
            fanout.query(TestNetwork.step(List.of(miner.target()), 0), List.of(miner.target()));

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + miner.target().port() + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"name\":\"metagraph\"", "\"name\":\"agent\"",
                    "\"calls\":1", "\"accepted\":1");
        }
    }

    @Test
    void servesPrometheusMetricsOnTheSamePort() throws Exception {
        var miner = net.miner("miner", new TestAgents.Echo(), c -> c);
        try (Fanout fanout = new Fanout(net.validator, FanoutConfig.DEFAULTS, TestNetwork.CLOCK);
             Fanout unpermitted = new Fanout(net.unpermitted, FanoutConfig.DEFAULTS, TestNetwork.CLOCK);
             HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < 3; i++) {
                fanout.query(TestNetwork.step(List.of(miner.target()), 0), List.of(miner.target()));
            }
            unpermitted.query(TestNetwork.step(List.of(miner.target()), 0), List.of(miner.target()));

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + miner.target().port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).contains(PrometheusText.CONTENT_TYPE);
            Scrape scrape = Scrape.parse(metrics.body());
            assertThat(scrape.require("mvtrx_miner_requests_accepted_total")).isEqualTo(3);
            assertThat(scrape.require("mvtrx_miner_requests_rejected_total{check=\"permit\"}")).isEqualTo(1);
            assertThat(scrape.require("mvtrx_miner_requests_rejected_total{check=\"signature\"}")).isZero();
            assertThat(scrape.require("mvtrx_miner_agent_calls_total")).isEqualTo(3);
            assertThat(scrape.require("mvtrx_miner_agent_call_seconds_count")).isEqualTo(3);
            assertThat(scrape.require("mvtrx_miner_agent_timeouts_total")).isZero();
            assertThat(scrape.require("mvtrx_miner_metagraph_loaded")).isEqualTo(1);
            assertThat(scrape.require("mvtrx_miner_metagraph_neurons")).isEqualTo(3);
        }
    }

    @Test
    void countsTheBooksItsProcessDecodedAndTheRequestsThatNamedThem() throws Exception {
        // two miners sharing a cache of their own, so that no other test's books are counted
        SharedBooks books = SharedBooks.own();
        var a = net.miner("a", new TestAgents.Echo(), c -> c, books);
        var b = net.miner("b", new TestAgents.Echo(), c -> c, books);
        List<MinerTarget> both = List.of(a.target(), b.target());
        try (Fanout fanout = new Fanout(net.validator, FanoutConfig.DEFAULTS, TestNetwork.CLOCK);
             HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < 3; i++) {
                // the same books each time: the first step brings them to both, the next two to a alone
                assertThat(fanout.query(TestNetwork.step(both, 2_001), both)).extracting(MinerResult::kind)
                        .containsOnly(ResultKind.OK);
            }

            for (MinerTarget miner : both) {
                Scrape scrape = Scrape.parse(http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + miner.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(scrape.require("mvtrx_miner_books_decoded_total")).isEqualTo(1);
                assertThat(scrape.require("mvtrx_miner_books_named_total")).isEqualTo(2);
                assertThat(scrape.require("mvtrx_miner_books_unknown_total")).isZero();
            }
        }
    }

    @Test
    void reportsARefusalWithItsCheckAndAnUnreachableMinerAsFailed() throws Exception {
        var miner = net.miner("miner", new TestAgents.Echo(), c -> c);
        MinerTarget gone = new MinerTarget(9, miner.target().hotkey(), "127.0.0.1", 1);
        try (Fanout fanout = new Fanout(net.unpermitted, FanoutConfig.DEFAULTS, TestNetwork.CLOCK)) {
            List<MinerResult> results = fanout.query(TestNetwork.step(List.of(miner.target(), gone), 0),
                    List.of(miner.target(), gone));

            assertThat(results.get(0)).extracting(MinerResult::kind, MinerResult::code, MinerResult::description,
                            MinerResult::check)
                    .containsExactly(ResultKind.REJECTED, Status.Code.PERMISSION_DENIED, String.format(
                            "sender %s (uid 1) has no validator permit on subnet 79", net.unpermitted.address()),
                            Optional.of(Check.PERMIT));
            assertThat(results.get(1).kind()).isEqualTo(ResultKind.FAILED);
            assertThat(results.get(1).code()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(results.get(1).check()).isEmpty();

            Fanout.NoticeDelivery notice = fanout.notify(miner.target(), List.of());
            assertThat(notice.kind()).isEqualTo(ResultKind.REJECTED);
            assertThat(notice.check()).contains(Check.PERMIT);
        }
    }
}
