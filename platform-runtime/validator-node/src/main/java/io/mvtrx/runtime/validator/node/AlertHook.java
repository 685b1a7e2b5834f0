package io.mvtrx.runtime.validator.node;

import java.net.URI;
import java.util.Objects;

/**
 * Where alert notifications are POSTed, as JSON: a generic webhook (one flat object) or the PagerDuty Events API v2
 * ({@code https://events.pagerduty.com/v2/enqueue}).
 */
public sealed interface AlertHook permits AlertHook.Webhook, AlertHook.PagerDuty {

    /** The URL the notification is POSTed to. */
    URI endpoint();

    /** The JSON body of a notification. */
    String body(Alert alert);

    /**
     * A generic JSON webhook:
     * <pre>{"event":"trigger|resolve","condition":"weights-failed","severity":"error","summary":"…","source":"…",
     * "dedupKey":"…","timestamp":"2026-11-28T20:00:00Z","details":{…}}</pre>
     */
    record Webhook(URI endpoint) implements AlertHook {

        public Webhook {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public String body(Alert alert) {
            return AlertJson.object()
                    .field("event", alert.resolved() ? "resolve" : "trigger")
                    .field("condition", alert.condition().id())
                    .field("severity", alert.resolved() ? "info" : alert.condition().severity())
                    .field("summary", alert.summary())
                    .field("source", alert.source())
                    .field("dedupKey", alert.dedupKey())
                    .field("timestamp", alert.at().toString())
                    .raw("details", AlertJson.of(alert.details()))
                    .end();
        }
    }

    /**
     * The PagerDuty Events API v2: {@code trigger} with a payload, {@code resolve} with the dedup key only.
     *
     * @param endpoint   {@link #EVENTS_V2}, or a proxy
     * @param routingKey the integration key of a PagerDuty service (a secret)
     */
    record PagerDuty(URI endpoint, String routingKey) implements AlertHook {

        /** PagerDuty's Events API v2 endpoint. */
        public static final URI EVENTS_V2 = URI.create("https://events.pagerduty.com/v2/enqueue");

        public PagerDuty {
            Objects.requireNonNull(endpoint, "endpoint");
            if (routingKey == null || routingKey.isBlank()) {
                throw new IllegalArgumentException("a PagerDuty hook needs a routing key");
            }
        }

        @Override
        public String body(Alert alert) {
            AlertJson body = AlertJson.object()
                    .field("routing_key", routingKey)
                    .field("event_action", alert.resolved() ? "resolve" : "trigger")
                    .field("dedup_key", alert.dedupKey());
            if (!alert.resolved()) {
                body.raw("payload", AlertJson.object()
                        .field("summary", alert.summary())
                        .field("source", alert.source())
                        .field("severity", alert.condition().severity())
                        .field("timestamp", alert.at().toString())
                        .field("component", "mvtrx-validator")
                        .field("class", alert.condition().id())
                        .raw("custom_details", AlertJson.of(alert.details()))
                        .end());
            }
            return body.end();
        }

        @Override
        public String toString() {
            // the routing key is a secret: keep it out of logs
            return "PagerDuty[endpoint=" + endpoint + ", routingKey=***]";
        }
    }
}
