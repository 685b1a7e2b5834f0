package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches a validator and notifies the {@link AlertHook}s when
 * <ul>
 *   <li>{@link Alert.Condition#SIMULATION_STALLED}: no simulation step for {@code stallFactor} times the recent wall
 *       time per step, and at least {@code minStall} (a build between simulations or a slow step is not a stall);
 *       checked by a watchdog thread, resolved by the next step;</li>
 *   <li>{@link Alert.Condition#WEIGHTS_FAILED}: a weight setting failed; resolved by the next one that succeeds;</li>
 *   <li>{@link Alert.Condition#MINERS_TIMING_OUT}: in one publish more than {@code timeoutShare} of the queried
 *       miners timed out; resolved by a publish at or under the share.</li>
 * </ul>
 * De-duplicated: a condition triggers once while it lasts and resolves once (same dedup key), however many publishes
 * or checks see it. Each notification is also an {@code ALERT:} (or {@code resolved:}) line on {@code log}.
 * Deliveries run on one background thread, in order, each POST bounded by {@link #HTTP_TIMEOUT}; a failed delivery
 * is logged and counted ({@link ValidatorMetrics#alertFailures()}), not retried.
 *
 * <p>{@link #onPublish} runs on the simulation thread (a loop listener), {@link #check} on the watchdog; both are
 * synchronized.
 */
public final class AlertMonitor implements AutoCloseable {

    /** Per-POST timeout. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(AlertMonitor.class.getName());

    private final List<AlertHook> hooks;
    private final Rules rules;
    private final String source;
    private final ValidatorMetrics metrics;
    private final LongSupplier nanoClock;
    private final Clock clock;
    private final Consumer<String> log;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("mvtrx-alerts").daemon().factory());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private ScheduledExecutorService watchdog;

    // Guarded by this.
    private final Set<Alert.Condition> active = EnumSet.noneOf(Alert.Condition.class);
    private long seenWeightFailures;
    private long seenWeightsSet;
    private long seenTimeouts;
    private long seenSteps = -1;
    private long lastStepNanos;
    private double nanosPerStep;

    /**
     * When to alert.
     *
     * @param stallFactor  a stall is {@code stallFactor} times the recent wall time per step...
     * @param minStall     ...and at least this long
     * @param timeoutShare the share of queried miners above which timeouts alert, in [0, 1)
     */
    public record Rules(double stallFactor, Duration minStall, double timeoutShare) {

        /** 10 steps' time, at least 60 s; more than half of the miners. */
        public static final Rules DEFAULTS = new Rules(10, Duration.ofSeconds(60), 0.5);

        public Rules {
            if (!(stallFactor >= 1) || minStall.isNegative() || minStall.isZero() || !(timeoutShare >= 0)
                    || !(timeoutShare < 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "alert rules: stall factor must be "
                        + ">= 1, the minimum stall > 0 and the timeout share in [0, 1); got %s, %s, %s", stallFactor,
                        minStall, timeoutShare));
            }
        }
    }

    /**
     * @param hooks     where notifications go (none: log lines only)
     * @param rules     thresholds
     * @param source    names this validator in every notification
     * @param metrics   the loop's metrics: steps are read from it, deliveries counted in it
     * @param nanoClock monotonic time ({@code System::nanoTime})
     * @param clock     wall time stamped on notifications
     * @param log       receives the ALERT and resolved lines
     */
    public AlertMonitor(List<AlertHook> hooks, Rules rules, String source, ValidatorMetrics metrics,
                        LongSupplier nanoClock, Clock clock, Consumer<String> log) {
        this.hooks = List.copyOf(hooks);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.source = Objects.requireNonNull(source, "source");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nanoClock = nanoClock;
        this.clock = clock;
        this.log = log;
    }

    /** Watches {@code loop}: its publishes from now on, and its steps every {@code checkEvery} on a watchdog. */
    public synchronized AlertMonitor watch(ValidatorLoop loop, Duration checkEvery) {
        LoopStats now = loop.stats();
        seenWeightFailures = now.weightFailures();
        seenWeightsSet = now.weightsSet();
        seenTimeouts = now.timeouts();
        loop.addListener(this::onPublish);
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mvtrx-alert-watchdog")
                    .daemon().factory());
            long period = checkEvery.toNanos();
            watchdog.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
        }
        return this;
    }

    /** Weights and timeouts, after a publish. */
    public synchronized void onPublish(LoopStats stats) {
        if (stats.weightFailures() > seenWeightFailures) {
            raise(Alert.Condition.WEIGHTS_FAILED, String.format("setting weights failed (%d failure(s) so far, %d "
                    + "success(es))", stats.weightFailures(), stats.weightsSet()), Map.of("weightFailures",
                    stats.weightFailures(), "weightsSet", stats.weightsSet()));
        } else if (stats.weightsSet() > seenWeightsSet) {
            clear(Alert.Condition.WEIGHTS_FAILED, "weights set again", Map.of("weightFailures",
                    stats.weightFailures(), "weightsSet", stats.weightsSet()));
        }
        seenWeightFailures = stats.weightFailures();
        seenWeightsSet = stats.weightsSet();

        long timedOut = stats.timeouts() - seenTimeouts;
        seenTimeouts = stats.timeouts();
        int queried = stats.lastServing();
        if (queried > 0) {
            Map<String, Object> details = Map.of("timedOut", timedOut, "queried", queried, "simulationTimeSeconds",
                    Math.max(0, stats.timestamp()) / 1_000_000_000L);
            if (timedOut > rules.timeoutShare() * queried) {
                raise(Alert.Condition.MINERS_TIMING_OUT, String.format("%d of %d miners timed out in one publish",
                        timedOut, queried), details);
            } else {
                clear(Alert.Condition.MINERS_TIMING_OUT, String.format("%d of %d miners timed out", timedOut,
                        queried), details);
            }
        }
    }

    /** Steps: a stall, or the end of one; the watchdog calls this. */
    public synchronized void check() {
        long steps = metrics.steps();
        long now = nanoClock.getAsLong();
        if (seenSteps < 0) {
            seenSteps = steps;
            lastStepNanos = now;
            return;
        }
        if (steps > seenSteps) {
            double perStep = (double) (now - lastStepNanos) / (steps - seenSteps);
            nanosPerStep = nanosPerStep == 0 ? perStep : 0.8 * nanosPerStep + 0.2 * perStep;
            seenSteps = steps;
            lastStepNanos = now;
            clear(Alert.Condition.SIMULATION_STALLED, "simulation steps again", Map.of("steps", steps));
            return;
        }
        long silent = now - lastStepNanos;
        long threshold = stallThresholdNanos();
        if (silent > threshold) {
            raise(Alert.Condition.SIMULATION_STALLED, String.format(Locale.ROOT, "no simulation step for %d s "
                    + "(threshold %d s)", silent / 1_000_000_000L, threshold / 1_000_000_000L), Map.of(
                    "secondsSinceLastStep", silent / 1_000_000_000L, "thresholdSeconds", threshold / 1_000_000_000L,
                    "steps", steps));
        }
    }

    /** The current stall threshold: the larger of the factor times the step time and the minimum. */
    public synchronized long stallThresholdNanos() {
        return Math.max(rules.minStall().toNanos(), (long) (rules.stallFactor() * nanosPerStep));
    }

    /** Conditions active now. */
    public synchronized Set<Alert.Condition> active() {
        return EnumSet.copyOf(active);
    }

    /** Stops the watchdog and waits (up to the HTTP timeout) for the deliveries queued. */
    @Override
    public void close() {
        ScheduledExecutorService dog;
        synchronized (this) {
            dog = watchdog;
        }
        if (dog != null) {
            dog.shutdownNow();
        }
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(HTTP_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    private void raise(Alert.Condition condition, String summary, Map<String, Object> details) {
        if (active.add(condition)) {
            metrics.alertActive(condition, true);
            notify(new Alert(condition, false, summary, source, dedupKey(condition), clock.instant(), details));
        }
    }

    private void clear(Alert.Condition condition, String summary, Map<String, Object> details) {
        if (active.remove(condition)) {
            metrics.alertActive(condition, false);
            notify(new Alert(condition, true, summary, source, dedupKey(condition), clock.instant(), details));
        }
    }

    private String dedupKey(Alert.Condition condition) {
        return "mvtrx/" + source + "/" + condition.id();
    }

    private void notify(Alert alert) {
        log.accept(String.format("%s %s: %s", alert.resolved() ? "resolved:" : "ALERT:", alert.condition().id(),
                alert.summary()));
        for (AlertHook hook : hooks) {
            String body = hook.body(alert);
            delivery.execute(() -> deliver(hook, body, alert));
        }
    }

    private void deliver(AlertHook hook, String body, Alert alert) {
        HttpRequest request = HttpRequest.newBuilder(hook.endpoint()).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean delivered = response.statusCode() / 100 == 2;
            metrics.alertDelivery(delivered);
            if (!delivered) {
                LOG.log(System.Logger.Level.WARNING, String.format("alert %s to %s: HTTP %d %s", alert.dedupKey(),
                        hook.endpoint(), response.statusCode(), abbreviate(response.body())));
            }
        } catch (IOException e) {
            metrics.alertDelivery(false);
            LOG.log(System.Logger.Level.WARNING, String.format("alert %s to %s failed: %s", alert.dedupKey(),
                    hook.endpoint(), e));
        } catch (InterruptedException e) {
            metrics.alertDelivery(false);
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
