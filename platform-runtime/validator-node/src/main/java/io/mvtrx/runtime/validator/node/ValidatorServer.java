package io.mvtrx.runtime.validator.node;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.mvtrx.api.event.RejectReason;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * A validator's operator endpoints on one Helidon WebServer: {@code GET /metrics} (Prometheus text format, from
 * {@link LoopStats} and the published scores) and {@code GET /observe/health} — readiness {@code publishing} (up
 * once a publish was handled), liveness {@code steps} (down when no publish was handled for {@code stallAfter}
 * while one had been; the reference restarts a simulator silent for 300 s).
 *
 * <p>Reads only what the loop publishes for other threads; never calls the loop's own port.
 */
public final class ValidatorServer implements AutoCloseable {

    private final WebServer server;

    private ValidatorServer(WebServer server) {
        this.server = server;
    }

    /** Serves {@code loop}'s endpoints on {@code host:port} (0 picks a free port). */
    public static ValidatorServer start(ValidatorLoop loop, String host, int port, Duration stallAfter) {
        ObserveFeature observe = ObserveFeature.builder()
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .addCheck(() -> HealthCheckResponse.builder().status(loop.lastPublishNanos() != 0)
                                .detail("publishes", loop.stats().publishes())
                                .detail("simulations", loop.stats().simulations()).build(),
                                HealthCheckType.READINESS, "publishing")
                        .addCheck(() -> {
                            long last = loop.lastPublishNanos();
                            long age = last == 0 ? 0 : System.nanoTime() - last;
                            return HealthCheckResponse.builder().status(age <= stallAfter.toNanos())
                                    .detail("lastPublishAgeMillis", age / 1_000_000)
                                    .detail("simulationTime", loop.stats().timestamp()).build();
                        }, HealthCheckType.LIVENESS, "steps")
                        .build())
                .build();
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .addFeature(observe)
                .routing(routing(loop))
                .build()
                .start();
        return new ValidatorServer(server);
    }

    static HttpRouting.Builder routing(ValidatorLoop loop) {
        return HttpRouting.builder().get("/metrics", (req, res) -> res
                .header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .send(metrics(loop)));
    }

    /** The Prometheus text of the loop's counters and scores. */
    static String metrics(ValidatorLoop loop) {
        LoopStats s = loop.stats();
        StringBuilder out = new StringBuilder(4_096);
        counter(out, "publishes", "publishes handled", s.publishes());
        counter(out, "simulations", "simulations begun", s.simulations());
        counter(out, "scorings", "scorings run", s.scorings());
        gauge(out, "simulation_time_seconds", "simulation time of the last publish", Math.max(0, s.timestamp()) / 1e9);
        counter(out, "queries", "miner queries made", s.queried());
        counter(out, "answers", "queries answered in time", s.answered());
        counter(out, "timeouts", "queries not answered in time", s.timeouts());
        counter(out, "refused_queries", "queries the miner refused", s.refusedQueries());
        counter(out, "failed_queries", "queries that failed", s.failedQueries());
        counter(out, "foreign_responses", "answers for another uid, dropped", s.foreignResponses());
        counter(out, "accepted_instructions", "instructions passed to the simulator", s.accepted());
        header(out, "refused_instructions_total", "counter", "instructions refused by the validator, by reason");
        for (Map.Entry<RejectReason, Long> e : s.refused().entrySet()) {
            out.append("mvtrx_validator_refused_instructions_total{reason=\"").append(e.getKey().name())
                    .append("\"} ").append(e.getValue()).append('\n');
        }
        counter(out, "suppressed_notices", "refusals beyond the notice limit", s.suppressedNotices());
        counter(out, "resets_sent", "account resets of deregistered uids", s.resetsSent());
        counter(out, "resets_confirmed", "resets seen done", s.resetsConfirmed());
        counter(out, "weights_set", "successful weight settings", s.weightsSet());
        counter(out, "weight_failures", "failed weight settings", s.weightFailures());
        counter(out, "checkpoints", "state checkpoints written", s.checkpoints());
        counter(out, "checkpoint_failures", "state checkpoints that failed", s.checkpointFailures());
        counter(out, "roster_failures", "metagraph reads that failed", s.rosterFailures());
        gauge(out, "serving_miners", "miners queried at the last publish", s.lastServing());
        gauge(out, "answering_miners", "miners that answered at the last publish", s.lastAnswered());
        gauge(out, "publish_wall_seconds", "wall time the last publish took", s.lastWallNanos() / 1e9);
        double[] scores = loop.publishedScores();
        header(out, "score", "gauge", "moving-average score per uid");
        for (int uid = 0; uid < scores.length; uid++) {
            out.append("mvtrx_validator_score{uid=\"").append(uid).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.9g", scores[uid])).append('\n');
        }
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name + "_total", "counter", help);
        out.append("mvtrx_validator_").append(name).append("_total ").append(value).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        header(out, name, "gauge", help);
        out.append("mvtrx_validator_").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.9g", value)).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP mvtrx_validator_").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE mvtrx_validator_").append(name).append(' ').append(type).append('\n');
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
