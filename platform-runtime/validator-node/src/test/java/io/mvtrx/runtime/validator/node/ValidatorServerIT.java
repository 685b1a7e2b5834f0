package io.mvtrx.runtime.validator.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.metrics.Scrape;
import io.mvtrx.runtime.simulator.SimulationOptions;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/** Metrics and health of a validator, over HTTP on loopback, after a node ran a short simulation. */
class ValidatorServerIT {

    static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void servesPrometheusMetricsAndHealth() throws Exception {
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(1,
                new TestTraderProvider.Trader(2_500))), Roster.fixed(Fixtures.neurons(1)));
        List<String> lines = new ArrayList<>();
        ValidatorNode node = new ValidatorNode(loop, Fixtures.PLUGINS, Fixtures::small, new ValidatorNode.Plan(
                SimulationOptions.defaults().withDuration(65 * SECOND).withThreads(1), 0, 1), lines::add);
        try (loop; ValidatorServer server = ValidatorServer.start(loop, "127.0.0.1", 0, Duration.ofMinutes(5))) {
            assertThat(get(server.port(), "/observe/health/ready").statusCode()).isEqualTo(503);
            node.run();

            HttpResponse<String> metrics = get(server.port(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            Scrape scrape = Scrape.parse(metrics.body());
            assertThat(scrape.require("mvtrx_validator_publishes_total")).isEqualTo(6);
            assertThat(scrape.require("mvtrx_validator_answers_total")).isEqualTo(6);
            assertThat(scrape.require("mvtrx_validator_accepted_instructions_total")).isEqualTo(10);
            assertThat(scrape.require("mvtrx_validator_timeouts_total")).isZero();
            // 65 s of 1 s steps; one fan-out per publish, one response per answer
            assertThat(scrape.require("mvtrx_validator_steps_total")).isEqualTo(65);
            assertThat(scrape.require("mvtrx_validator_step_seconds_count")).isEqualTo(65);
            assertThat(scrape.require("mvtrx_validator_step_seconds_bucket{le=\"+Inf\"}")).isEqualTo(65);
            assertThat(scrape.require("mvtrx_validator_fanout_seconds_count")).isEqualTo(6);
            assertThat(scrape.require("mvtrx_validator_fanout_request_buffer_bytes_total")).isNotNegative();
            assertThat(scrape.require("mvtrx_validator_miner_response_seconds_count")).isEqualTo(6);
            assertThat(scrape.require("mvtrx_validator_l3_events_total")).isGreaterThan(100);
            // the simulation built the last publication (books, one remote account) before handing it over
            assertThat(scrape.require("mvtrx_validator_publication_build_seconds")).isPositive()
                    .isCloseTo(loop.stats().lastBuildNanos() / 1e9, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(scrape.types()).containsEntry("mvtrx_validator_publication_build_seconds", "gauge");
            assertThat(scrape.require("mvtrx_validator_refused_instructions_total{reason=\"VOLUME_CAP\"}"))
                    .isZero();
            assertThat(scrape.require("mvtrx_validator_storage_errors_total{operation=\"config_read\"}")).isZero();
            assertThat(scrape.require("mvtrx_validator_storage_errors_total{operation=\"checkpoint_write\"}"))
                    .isZero();
            assertThat(scrape.types()).containsEntry("mvtrx_validator_score", "gauge")
                    .containsEntry("mvtrx_validator_step_seconds", "histogram");
            assertThat(scrape.require("mvtrx_validator_score{uid=\"3\"}")).isZero();
            HttpResponse<String> health = get(server.port(), "/observe/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"publishes\":6");
        }
    }
}
