package io.mvtrx.runtime.subtensor.internal;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * JSON-RPC 2.0 over one WebSocket (JDK client), requests matched to answers by id. Transport failures (no
 * connection, closed socket, no answer in time) are retried with exponential back-off and counted by a circuit
 * breaker that, once open, fails calls at once instead of waiting on a dead node; error answers of the node are
 * passed through untouched. A closed socket is reopened by the next call. Thread-safe.
 */
public final class JsonRpcClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JsonRpcClient.class.getName());

    /** How calls are retried and when the breaker opens. */
    public record Resilience(int attempts, Duration firstBackoff, int breakerWindow, Duration breakerOpen) {

        /** 3 attempts from 500 ms; the breaker opens at half of 10 calls failing, for 30 s. */
        public static final Resilience DEFAULTS = new Resilience(3, Duration.ofMillis(500), 10, Duration.ofSeconds(30));
    }

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Object connectLock = new Object();
    private volatile WebSocket socket;
    private volatile boolean closed;

    public JsonRpcClient(URI endpoint, Duration timeout, Resilience resilience) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.retry = Retry.of("subtensor-rpc", RetryConfig.custom()
                .maxAttempts(resilience.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(resilience.firstBackoff(), 2.0))
                .retryOnException(JsonRpcClient::isTransportFailure)
                .build());
        this.breaker = CircuitBreaker.of("subtensor-rpc", CircuitBreakerConfig.custom()
                .slidingWindowSize(resilience.breakerWindow())
                .minimumNumberOfCalls(resilience.breakerWindow())
                .failureRateThreshold(50)
                .waitDurationInOpenState(resilience.breakerOpen())
                .recordException(JsonRpcClient::isTransportFailure)
                .build());
    }

    /** The node's address. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Calls {@code method} with positional {@code params} (String, Number, Boolean or null) and returns the result.
     *
     * @throws RpcException when the node answers with an error
     * @throws IOException  when the node cannot be reached or does not answer in time (after retries)
     */
    public JsonValue call(String method, Object... params) throws IOException {
        JsonArray array = toJson(params);
        CheckedSupplier<JsonValue> once = () -> callOnce(method, array);
        CheckedSupplier<JsonValue> guarded = Retry.decorateCheckedSupplier(retry,
                CircuitBreaker.decorateCheckedSupplier(breaker, once));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new IOException(String.format("%s: subtensor node %s unavailable: too many failed calls, not "
                    + "trying again for %s", method, endpoint, breakerWait()), e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(method + ": " + t, t);
        }
    }

    private String breakerWait() {
        return breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) / 1000 + " s";
    }

    private static boolean isTransportFailure(Throwable t) {
        return t instanceof IOException && !(t instanceof RpcException);
    }

    private JsonValue callOnce(String method, JsonArray params) throws IOException {
        WebSocket ws = connected();
        long id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String request = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method)
                .add("params", params).build().toString();
        try {
            synchronized (ws) {
                // The JDK WebSocket allows one outstanding send at a time.
                ws.sendText(request, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonObject reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonValue error = reply.get("error");
            if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject e = error.asJsonObject();
                JsonValue data = e.get("data");
                String dataText = data == null || data == JsonValue.NULL ? ""
                        : data.getValueType() == JsonValue.ValueType.STRING ? e.getString("data") : data.toString();
                throw new RpcException(method, e.getInt("code", 0), e.getString("message", ""), dataText);
            }
            JsonValue result = reply.get("result");
            return result == null ? JsonValue.NULL : result;
        } catch (TimeoutException e) {
            throw new IOException(String.format("%s: no answer from %s within %d ms", method, endpoint,
                    timeout.toMillis()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(method + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + ": interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    private WebSocket connected() throws IOException {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed() && !ws.isInputClosed()) {
            return ws;
        }
        synchronized (connectLock) {
            if (closed) {
                throw new IOException("the subtensor client is closed");
            }
            ws = socket;
            if (ws != null && !ws.isOutputClosed() && !ws.isInputClosed()) {
                return ws;
            }
            try {
                ws = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(endpoint, new Listener())
                        .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                String why = cause instanceof java.net.ConnectException ? "connection refused"
                        : cause instanceof TimeoutException ? "no answer within " + timeout.toMillis() * 2 + " ms"
                        : String.valueOf(cause);
                throw new IOException(String.format("cannot open a WebSocket to %s: %s", endpoint, why), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting to " + endpoint, e);
            }
            socket = ws;
            return ws;
        }
    }

    private void failPending(IOException reason) {
        pending.values().forEach(f -> f.completeExceptionally(reason));
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS).exceptionally(t -> null);
            ws.abort();
        }
        failPending(new IOException("the subtensor client is closed"));
    }

    /** Reassembles text messages that arrive in parts and completes the waiting call of each answer. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                dispatch(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            failPending(new IOException(String.format("%s closed the connection (%d %s)", endpoint, status, reason)));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            failPending(new IOException(String.format("connection to %s failed: %s", endpoint, error), error));
        }

        private void dispatch(String text) {
            JsonObject message;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                message = reader.readObject();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring a message from {0} that is not a JSON object: {1}",
                        endpoint, e.getMessage());
                return;
            }
            JsonValue id = message.get("id");
            if (id == null || id.getValueType() != JsonValue.ValueType.NUMBER) {
                return; // a subscription notification: none are requested
            }
            CompletableFuture<JsonObject> waiting = pending.get(message.getJsonNumber("id").longValue());
            if (waiting != null) {
                waiting.complete(message);
            }
        }
    }

    static JsonArray toJson(Object... params) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object p : params) {
            switch (p) {
                case null -> array.addNull();
                case String s -> array.add(s);
                case Integer i -> array.add(i);
                case Long l -> array.add(l);
                case Boolean b -> array.add(b);
                default -> throw new IllegalArgumentException("unsupported JSON-RPC parameter " + p.getClass());
            }
        }
        return array.build();
    }
}
