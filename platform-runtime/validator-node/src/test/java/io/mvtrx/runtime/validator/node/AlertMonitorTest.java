package io.mvtrx.runtime.validator.node;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert hooks against a loopback HTTP receiver: the payloads of the generic webhook and of the PagerDuty Events API
 * v2, and de-duplication. Time is a fake clock; deliveries are awaited by closing the monitor.
 */
class AlertMonitorTest {

    private static final Instant AT = Instant.parse("2026-11-28T20:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    private WebServer receiver;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger status = new AtomicInteger(202);
    private final AtomicLong nanos = new AtomicLong(1);
    private final List<String> lines = new ArrayList<>();
    private final ValidatorMetrics metrics = new ValidatorMetrics();

    @BeforeEach
    void start() {
        receiver = WebServer.builder().host("127.0.0.1").port(0).routing(HttpRouting.builder().post("/*",
                (req, res) -> {
                    received.add(req.path().path() + " " + req.headers().first(HeaderNames.CONTENT_TYPE).orElse("")
                            + " " + req.content().as(String.class));
                    res.status(Status.create(status.get())).send();
                })).build().start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.port() + path);
    }

    private AlertMonitor monitor(AlertHook... hooks) {
        return new AlertMonitor(List.of(hooks), AlertMonitor.Rules.DEFAULTS, "validator hk0 uid 0 netuid 79", metrics,
                nanos::get, Clock.fixed(AT, ZoneOffset.UTC), lines::add);
    }

    /** Stats after a publish: queried miners, timeouts so far, weights set and failed so far. */
    private static LoopStats stats(int serving, long timeouts, long weightsSet, long weightFailures) {
        return new LoopStats(10, 1, 2, 30 * SECOND, 40, 30, timeouts, 0, 0, 0, 5, Map.of(), 0, 0, 0, weightsSet,
                weightFailures, 0, 0, 0, serving, serving, 1_000_000, 2_000_000);
    }

    @Test
    void aWeightFailureTriggersOnceThenResolvesAsWebhookAndPagerDutyEvents() {
        try (AlertMonitor monitor = monitor(new AlertHook.Webhook(url("/hook")),
                new AlertHook.PagerDuty(url("/v2/enqueue"), "R0UT1NGKEY"))) {
            monitor.onPublish(stats(0, 0, 1, 0));
            monitor.onPublish(stats(0, 0, 1, 1));
            monitor.onPublish(stats(0, 0, 1, 2));
            monitor.onPublish(stats(0, 0, 1, 2));
            monitor.onPublish(stats(0, 0, 2, 2));
            monitor.onPublish(stats(0, 0, 3, 2));
        }

        assertThat(received).containsExactly(
                "/hook application/json {\"event\":\"trigger\",\"condition\":\"weights-failed\",\"severity\":\"error\","
                        + "\"summary\":\"setting weights failed (1 failure(s) so far, 1 success(es))\",\"source\":"
                        + "\"validator hk0 uid 0 netuid 79\",\"dedupKey\":\"mvtrx/validator hk0 uid 0 netuid 79/"
                        + "weights-failed\",\"timestamp\":\"2026-11-28T20:00:00Z\",\"details\":{\"weightFailures\":1,"
                        + "\"weightsSet\":1}}",
                "/v2/enqueue application/json {\"routing_key\":\"R0UT1NGKEY\",\"event_action\":\"trigger\","
                        + "\"dedup_key\":\"mvtrx/validator hk0 uid 0 netuid 79/weights-failed\",\"payload\":{"
                        + "\"summary\":\"setting weights failed (1 failure(s) so far, 1 success(es))\",\"source\":"
                        + "\"validator hk0 uid 0 netuid 79\",\"severity\":\"error\",\"timestamp\":"
                        + "\"2026-11-28T20:00:00Z\",\"component\":\"mvtrx-validator\",\"class\":\"weights-failed\","
                        + "\"custom_details\":{\"weightFailures\":1,\"weightsSet\":1}}}",
                "/hook application/json {\"event\":\"resolve\",\"condition\":\"weights-failed\",\"severity\":\"info\","
                        + "\"summary\":\"weights set again\",\"source\":\"validator hk0 uid 0 netuid 79\",\"dedupKey\":"
                        + "\"mvtrx/validator hk0 uid 0 netuid 79/weights-failed\",\"timestamp\":"
                        + "\"2026-11-28T20:00:00Z\",\"details\":{\"weightFailures\":2,\"weightsSet\":2}}",
                "/v2/enqueue application/json {\"routing_key\":\"R0UT1NGKEY\",\"event_action\":\"resolve\","
                        + "\"dedup_key\":\"mvtrx/validator hk0 uid 0 netuid 79/weights-failed\"}");
        assertThat(lines).containsExactly(
                "ALERT: weights-failed: setting weights failed (1 failure(s) so far, 1 success(es))",
                "resolved: weights-failed: weights set again");
        assertThat(metrics.alertsSent()).isEqualTo(4);
        assertThat(metrics.alertFailures()).isZero();
    }

    @Test
    void mostMinersTimingOutTriggersOnceAndHalfOrFewerResolves() {
        try (AlertMonitor monitor = monitor(new AlertHook.Webhook(url("/hook")))) {
            monitor.onPublish(stats(4, 2, 0, 0));  // 2 of 4: not most
            monitor.onPublish(stats(4, 5, 0, 0));  // 3 of 4
            monitor.onPublish(stats(4, 9, 0, 0));  // 4 of 4: still the same incident
            assertThat(monitor.active()).containsExactly(Alert.Condition.MINERS_TIMING_OUT);
            assertThat(metrics.activeAlerts()).containsExactly(Map.entry("simulation-stalled", 0.0),
                    Map.entry("weights-failed", 0.0), Map.entry("miners-timing-out", 1.0));
            monitor.onPublish(stats(4, 11, 0, 0)); // 2 of 4
            assertThat(monitor.active()).isEmpty();
            assertThat(metrics.activeAlerts()).containsEntry("miners-timing-out", 0.0);
        }

        assertThat(lines).containsExactly("ALERT: miners-timing-out: 3 of 4 miners timed out in one publish",
                "resolved: miners-timing-out: 2 of 4 miners timed out");
        assertThat(received).hasSize(2);
        assertThat(received.get(0)).contains("\"event\":\"trigger\"", "\"severity\":\"warning\"",
                "\"details\":{\"queried\":4,\"simulationTimeSeconds\":30,\"timedOut\":3}");
        assertThat(received.get(1)).contains("\"event\":\"resolve\"", "\"timedOut\":2");
    }

    @Test
    void noStepForTheThresholdIsAStallResolvedByTheNextStep() {
        try (AlertMonitor monitor = monitor(new AlertHook.Webhook(url("/hook")))) {
            monitor.check();
            metrics.step(1, 0);
            nanos.addAndGet(SECOND);
            monitor.check(); // 1 step in 1 s: 10 x 1 s is under the 60 s minimum
            assertThat(monitor.stallThresholdNanos()).isEqualTo(60 * SECOND);
            nanos.addAndGet(60 * SECOND);
            monitor.check();
            assertThat(monitor.active()).isEmpty();
            nanos.addAndGet(SECOND + 1);
            monitor.check();
            monitor.check();
            assertThat(monitor.active()).containsExactly(Alert.Condition.SIMULATION_STALLED);
            metrics.step(1, 0);
            nanos.addAndGet(SECOND);
            monitor.check();
            assertThat(monitor.active()).isEmpty();
        }

        assertThat(lines).containsExactly("ALERT: simulation-stalled: no simulation step for 61 s (threshold 60 s)",
                "resolved: simulation-stalled: simulation steps again");
        assertThat(received.get(0)).contains("\"severity\":\"critical\"",
                "\"details\":{\"secondsSinceLastStep\":61,\"steps\":1,\"thresholdSeconds\":60}");
    }

    @Test
    void slowStepsRaiseTheStallThresholdAboveTheMinimum() {
        try (AlertMonitor monitor = monitor()) {
            monitor.check();
            metrics.step(1, 0);
            nanos.addAndGet(30 * SECOND);
            monitor.check();
            assertThat(monitor.stallThresholdNanos()).isEqualTo(300 * SECOND);
            nanos.addAndGet(299 * SECOND);
            monitor.check();
            assertThat(monitor.active()).isEmpty();
        }
    }

    @Test
    void aReceiverThatRefusesIsCountedAsAFailedDelivery() {
        status.set(500);
        try (AlertMonitor monitor = monitor(new AlertHook.Webhook(url("/hook")))) {
            monitor.onPublish(stats(0, 0, 0, 0));
            monitor.onPublish(stats(0, 0, 0, 1));
        }

        assertThat(received).hasSize(1);
        assertThat(metrics.alertFailures()).isEqualTo(1);
        assertThat(metrics.alertsSent()).isZero();
        assertThat(new AlertHook.PagerDuty(url("/"), "SECRET").toString()).doesNotContain("SECRET");
    }
}
