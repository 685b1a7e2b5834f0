package io.mvtrx.runtime.validator.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.mvtrx.runtime.simulator.Simulation;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/** Metrics and health of a validator, over HTTP on loopback. */
class ValidatorServerIT {

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void servesPrometheusMetricsAndHealth() throws Exception {
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(1,
                new TestTraderProvider.Trader(2_500))), Roster.fixed(Fixtures.neurons(1)));
        try (loop; ValidatorServer server = ValidatorServer.start(loop, "127.0.0.1", 0, Duration.ofMinutes(5))) {
            assertThat(get(server.port(), "/observe/health/ready").statusCode()).isEqualTo(503);
            try (Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 65 * SECOND, 42)) {
                while (!simulation.finished()) {
                    simulation.step();
                }
            }

            HttpResponse<String> metrics = get(server.port(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).contains("mvtrx_validator_publishes_total 6\n",
                    "mvtrx_validator_answers_total 6\n", "mvtrx_validator_accepted_instructions_total 10\n",
                    "# TYPE mvtrx_validator_score gauge\n", "mvtrx_validator_score{uid=\"3\"} 0.00000000\n");
            HttpResponse<String> health = get(server.port(), "/observe/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"publishes\":6");
        }
    }
}
