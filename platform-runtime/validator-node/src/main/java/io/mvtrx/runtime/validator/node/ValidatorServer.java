package io.mvtrx.runtime.validator.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.runtime.dashboard.DashboardRoutes;
import io.mvtrx.runtime.gentrx.validator.RoundScores;
import io.mvtrx.runtime.validator.node.gentrx.GentrxService;
import io.mvtrx.runtime.metrics.PrometheusText;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * A validator's operator endpoints on one Helidon WebServer: the live dashboard ({@code GET /}, its pages, JSON API
 * and SSE stream: doc/dashboard.md, fed by a {@link ValidatorDashboard}), {@code GET /metrics} (Prometheus text
 * format, from {@link LoopStats}, {@link ValidatorMetrics} and the published scores) and {@code GET /observe/health}
 * — readiness
 * {@code publishing} (up once a publish was handled), liveness {@code steps} (down when no publish was handled for
 * {@code stallAfter} while one had been; the reference restarts a simulator silent for 300 s).
 *
 * <p>Reads only what the loop publishes for other threads; never calls the loop's own port.
 */
public final class ValidatorServer implements AutoCloseable {

    private final WebServer server;
    private final DashboardRoutes dashboard;

    private ValidatorServer(WebServer server, DashboardRoutes dashboard) {
        this.server = server;
        this.dashboard = dashboard;
    }

    /** Serves {@code loop}'s endpoints on {@code host:port} (0 picks a free port). */
    public static ValidatorServer start(ValidatorLoop loop, String host, int port, Duration stallAfter) {
        return start(loop, host, port, stallAfter, Optional.empty());
    }

    /**
     * As {@link #start(ValidatorLoop, String, int, Duration)}, with GenTRX: the dashboard shows its open round and
     * {@code /metrics} its series.
     */
    public static ValidatorServer start(ValidatorLoop loop, String host, int port, Duration stallAfter,
                                        Optional<GentrxService> gentrx) {
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
        HttpRouting.Builder routing = routing(loop, gentrx);
        ValidatorDashboard view = ValidatorDashboard.attach(loop);
        view.showGentrx(() -> gentrx.map(GentrxService::status));
        DashboardRoutes dashboard = DashboardRoutes.register(routing, view.feed(), Optional.empty());
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .addFeature(observe)
                .routing(routing)
                .build()
                .start();
        return new ValidatorServer(server, dashboard);
    }

    static HttpRouting.Builder routing(ValidatorLoop loop) {
        return routing(loop, Optional.empty());
    }

    static HttpRouting.Builder routing(ValidatorLoop loop, Optional<GentrxService> gentrx) {
        return HttpRouting.builder().get("/metrics", (req, res) -> res
                .header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE)
                .send(metrics(loop, gentrx)));
    }

    /** The Prometheus text of the loop's counters, timings and scores. */
    static String metrics(ValidatorLoop loop) {
        return metrics(loop, Optional.empty());
    }

    /** The Prometheus text of the loop's counters, timings and scores, and GenTRX's when it runs. */
    static String metrics(ValidatorLoop loop, Optional<GentrxService> gentrx) {
        LoopStats s = loop.stats();
        ValidatorMetrics m = loop.metrics();
        PrometheusText out = new PrometheusText("mvtrx_validator_")
                .counter("publishes", "publishes handled", s.publishes())
                .counter("simulations", "simulations begun", s.simulations())
                .counter("scorings", "scorings run", s.scorings())
                .gauge("simulation_time_seconds", "simulation time of the last publish",
                        Math.max(0, s.timestamp()) / 1e9)
                .counter("steps", "simulation steps run by this process", m.steps())
                .counter("l3_events", "L3 events (orders, trades, cancellations) logged by those steps; "
                        + "rate() gives events/s", m.events())
                .histogram("step_seconds", "wall time per simulation step", m.stepSeconds())
                .histogram("fanout_seconds", "wall time of a publish's query fan-out to all serving miners",
                        m.fanoutSeconds())
                .histogram("miner_response_seconds", "response time per answering miner", m.responseSeconds())
                .counter("queries", "miner queries made", s.queried())
                .counter("answers", "queries answered in time", s.answered())
                .counter("timeouts", "queries not answered in time", s.timeouts())
                .counter("refused_queries", "queries the miner refused", s.refusedQueries())
                .counter("failed_queries", "queries that failed", s.failedQueries())
                .counter("foreign_responses", "answers for another uid, dropped", s.foreignResponses())
                .counter("accepted_instructions", "instructions passed to the simulator", s.accepted());
        Map<String, Long> refused = new LinkedHashMap<>();
        for (RejectReason reason : RejectReason.values()) {
            refused.put(reason.name(), s.refused().getOrDefault(reason, 0L));
        }
        out.counter("refused_instructions", "instructions refused by the validator, by reason", "reason", refused)
                .counter("suppressed_notices", "refusals beyond the notice limit", s.suppressedNotices())
                .counter("resets_sent", "account resets of deregistered uids", s.resetsSent())
                .counter("resets_confirmed", "resets seen done", s.resetsConfirmed())
                .counter("weights_set", "successful weight settings", s.weightsSet())
                .counter("weight_failures", "failed weight settings", s.weightFailures())
                .counter("checkpoints", "state checkpoints written", s.checkpoints())
                .counter("checkpoint_failures", "state checkpoints that failed", s.checkpointFailures())
                .counter("storage_errors", "storage operations that failed, by operation", "operation",
                        m.storageErrors())
                .counter("config_rejections", "reloaded configurations refused (the previous one kept running)",
                        m.configRejections())
                .counter("roster_failures", "metagraph reads that failed", s.rosterFailures())
                .counter("alerts_sent", "alert notifications delivered to the hooks", m.alertsSent())
                .counter("alert_failures", "alert notifications whose delivery failed", m.alertFailures())
                .gauge("alert_active", "1 while an alert condition lasts (mvtrx validator --alert-*)", "condition",
                        m.activeAlerts())
                .gauge("serving_miners", "miners queried at the last publish", s.lastServing())
                .gauge("answering_miners", "miners that answered at the last publish", s.lastAnswered())
                .gauge("publish_wall_seconds", "wall time the last publish took", s.lastWallNanos() / 1e9)
                .gauge("publication_build_seconds", "wall time the simulation took to build the last publication "
                        + "(books and every miner's accounts) before the publish", s.lastBuildNanos() / 1e9)
                .counter("fanout_request_buffer_bytes", "direct memory allocated for the gRPC fan-out's request "
                        + "buffers; flat once a step's worth is kept for reuse (at most 1 GiB kept)",
                        io.mvtrx.runtime.wire.validator.Fanout.requestBufferBytesAllocated());
        double[] scores = loop.publishedScores();
        Map<String, Double> byUid = new LinkedHashMap<>();
        for (int uid = 0; uid < scores.length; uid++) {
            byUid.put(Integer.toString(uid), scores[uid]);
        }
        out.gauge("score", "moving-average score per uid", "uid", byUid);
        gentrx.ifPresent(service -> {
            out.gauge("gentrx_round", "the open GenTRX round (-1 before the first)", service.currentRound())
                    .gauge("gentrx_scored_round", "the last scored GenTRX round folded into the scores (-1: none)",
                            service.lastScoredRound())
                    .counter("gentrx_ticks_pushed", "ticks pushed to the gradient server", service.pushed())
                    .counter("gentrx_ticks_dropped", "ticks dropped because the gradient server fell behind",
                            service.dropped())
                    .counter("gentrx_push_failures", "pushes and round calls that failed", service.pushFailures());
            // NaN until a scored round comes back (and for a round with nothing validated)
            var last = service.lastScores();
            out.gauge("gentrx_accepted", "gradients accepted in the last scored round",
                            last.map(RoundScores::accepted).orElse(0))
                    .gauge("gentrx_heldout_loss_before", "held-out loss before the last scored round's aggregate",
                            last.map(RoundScores::lossBefore).orElse(Double.NaN))
                    .gauge("gentrx_heldout_loss_after", "held-out loss with the last scored round's aggregate",
                            last.map(RoundScores::lossAfter).orElse(Double.NaN));
            double[] gentrxScores = service.scores();
            Map<String, Double> gentrxByUid = new LinkedHashMap<>();
            for (int uid = 0; uid < gentrxScores.length; uid++) {
                if (gentrxScores[uid] != 0) {
                    gentrxByUid.put(Integer.toString(uid), gentrxScores[uid]);
                }
            }
            out.gauge("gentrx_score", "slow GenTRX score per uid (uids with a non-zero score)", "uid", gentrxByUid);
        });
        return out.toString();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        dashboard.close();
        server.stop();
    }
}
