package io.mvtrx.runtime.validator.node;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert notification: a condition starting ({@code resolved == false}, PagerDuty's {@code trigger}) or ending
 * ({@code resolve}). The dedup key is the same for both ends of one condition on one validator, so a receiver (and
 * PagerDuty) folds repeats into one incident.
 *
 * @param condition what is wrong
 * @param resolved  whether this notification ends the condition
 * @param summary   one line for a human
 * @param source    the validator, e.g. {@code validator 5F3s… uid 0 netuid 79}
 * @param dedupKey  {@code mvtrx/<source>/<condition>}
 * @param at        when the monitor saw it
 * @param details   numbers and words behind the summary (values: {@link Number} or {@link String})
 */
public record Alert(Condition condition, boolean resolved, String summary, String source, String dedupKey, Instant at,
                    Map<String, Object> details) {

    public Alert {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(at, "at");
        details = Map.copyOf(details);
    }

    /** The conditions the validator alerts on. */
    public enum Condition {
        /** No simulation step for longer than the stall threshold. */
        SIMULATION_STALLED("simulation-stalled", "critical"),
        /** Setting weights on the chain failed. */
        WEIGHTS_FAILED("weights-failed", "error"),
        /** More than the allowed share of the queried miners timed out in one publish. */
        MINERS_TIMING_OUT("miners-timing-out", "warning");

        private final String id;
        private final String severity;

        Condition(String id, String severity) {
            this.id = id;
            this.severity = severity;
        }

        /** The stable name in payloads and dedup keys. */
        public String id() {
            return id;
        }

        /** PagerDuty severity: critical, error or warning. */
        public String severity() {
            return severity;
        }
    }
}
