package io.mvtrx.runtime.validator.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.runtime.metrics.Histogram;

/**
 * The validator's timings and the counters {@link LoopStats} does not carry, written by the simulation thread and
 * read by the {@code /metrics} scrape on another: step and fan-out durations, miner response times, steps and L3
 * events (events/s is their rate), storage errors by operation, rejected configurations and alert deliveries.
 *
 * <p>Thread-safe.
 */
public final class ValidatorMetrics {

    /** A storage operation whose failures are counted. */
    public enum StorageOperation {
        /** Reading the simulation configuration from a storage backend ({@code --config-object}). */
        CONFIG_READ,
        /** Writing the validator state file. */
        CHECKPOINT_WRITE
    }

    private final Histogram stepSeconds = Histogram.seconds();
    private final Histogram fanoutSeconds = Histogram.seconds();
    private final Histogram responseSeconds = Histogram.seconds();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong configRejections = new AtomicLong();
    private final AtomicLong[] storageErrors = new AtomicLong[StorageOperation.values().length];
    private final AtomicLong alertsSent = new AtomicLong();
    private final AtomicLong alertFailures = new AtomicLong();
    /** 1 while an alert condition is active, by {@link Alert.Condition} ordinal. */
    private final AtomicIntegerArray activeAlerts = new AtomicIntegerArray(Alert.Condition.values().length);

    public ValidatorMetrics() {
        for (int i = 0; i < storageErrors.length; i++) {
            storageErrors[i] = new AtomicLong();
        }
    }

    /** A simulation step took {@code nanos} of wall time and logged {@code newEvents} L3 events. */
    public void step(long nanos, long newEvents) {
        stepSeconds.observeNanos(nanos);
        steps.incrementAndGet();
        events.addAndGet(Math.max(0, newEvents));
    }

    /** A publish's fan-out to the serving miners took {@code nanos}, all of them together. */
    public void fanout(long nanos) {
        fanoutSeconds.observeNanos(nanos);
    }

    /** A miner answered in {@code nanos}. */
    public void response(long nanos) {
        responseSeconds.observeNanos(nanos);
    }

    /** A storage operation failed. */
    public void storageError(StorageOperation operation) {
        storageErrors[operation.ordinal()].incrementAndGet();
    }

    /** A reloaded configuration was invalid or unreadable; the previous one kept running. */
    public void configRejected() {
        configRejections.incrementAndGet();
    }

    /** An alert notification was delivered ({@code true}) or its delivery failed. */
    public void alertDelivery(boolean delivered) {
        (delivered ? alertsSent : alertFailures).incrementAndGet();
    }

    /** An alert condition started ({@code true}) or ended. */
    public void alertActive(Alert.Condition condition, boolean active) {
        activeAlerts.set(condition.ordinal(), active ? 1 : 0);
    }

    /** 1 for each alert condition active now, 0 for the others, by condition id. */
    public Map<String, Double> activeAlerts() {
        Map<String, Double> active = new LinkedHashMap<>();
        for (Alert.Condition condition : Alert.Condition.values()) {
            active.put(condition.id(), (double) activeAlerts.get(condition.ordinal()));
        }
        return active;
    }

    /** Wall time per simulation step. */
    public Histogram.Snapshot stepSeconds() {
        return stepSeconds.snapshot();
    }

    /** Wall time per publish fan-out (all serving miners). */
    public Histogram.Snapshot fanoutSeconds() {
        return fanoutSeconds.snapshot();
    }

    /** Response time per answering miner. */
    public Histogram.Snapshot responseSeconds() {
        return responseSeconds.snapshot();
    }

    /** Steps run. */
    public long steps() {
        return steps.get();
    }

    /** L3 events logged by the steps run. */
    public long events() {
        return events.get();
    }

    /** Configurations rejected at a reload. */
    public long configRejections() {
        return configRejections.get();
    }

    /** Storage errors by operation name in lower case ({@code config_read}, {@code checkpoint_write}). */
    public Map<String, Long> storageErrors() {
        Map<String, Long> byOperation = new LinkedHashMap<>();
        for (StorageOperation operation : StorageOperation.values()) {
            byOperation.put(operation.name().toLowerCase(java.util.Locale.ROOT),
                    storageErrors[operation.ordinal()].get());
        }
        return byOperation;
    }

    /** Alert notifications delivered. */
    public long alertsSent() {
        return alertsSent.get();
    }

    /** Alert notifications whose delivery failed. */
    public long alertFailures() {
        return alertFailures.get();
    }
}
