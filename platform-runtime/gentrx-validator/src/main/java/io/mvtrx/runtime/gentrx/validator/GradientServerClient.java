package io.mvtrx.runtime.gentrx.validator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mvtrx.api.gentrx.TrainingAssignment;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * The validator's client of a gradient server's HTTP API (gentrx.md §2.1, §2.3): pushes ticks and round plans, reads
 * the data status and round scores. Every request carries {@code X-API-Key} when a key is set. A state push is retried
 * (3 attempts, 0.5 s doubling) on 5xx and I/O errors and given up at once on 4xx, as the reference client does; the
 * other calls fail fast and the caller retries on its own cadence.
 *
 * <p>Thread-safe.
 */
public final class GradientServerClient {

    /** Attempts of a state push. */
    public static final int PUSH_ATTEMPTS = 3;

    private final URI base;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final Duration backoff;
    private final HttpClient http;

    /**
     * @param base    the server's API root, ending in {@code /gentrx}
     * @param apiKey  the {@code X-API-Key} to send, if any
     * @param timeout per-request timeout (the reference's 5 s)
     * @param backoff wait before the second push attempt, doubled for the third (the reference's 0.5 s)
     */
    public GradientServerClient(URI base, Optional<String> apiKey, Duration timeout, Duration backoff) {
        String text = base.toString();
        if (!text.endsWith("/gentrx")) {
            throw new IllegalArgumentException("gradient server URL must end in /gentrx, got " + base);
        }
        this.base = URI.create(text + "/");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.timeout = timeout;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Posts one msgpack tick packet; retried on 5xx and I/O errors. */
    public void pushState(byte[] tick) throws IOException, InterruptedException {
        GradientServerException last = null;
        for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                Thread.sleep(backoff.multipliedBy(1L << (attempt - 2)));
            }
            try {
                HttpResponse<byte[]> response = send(request("state").header("Content-Type",
                        "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(tick)));
                int status = response.statusCode();
                if (status < 400) {
                    return;
                }
                last = new GradientServerException(describe("POST state", response), status < 500);
                if (last.terminal()) {
                    throw last;
                }
            } catch (GradientServerException e) {
                throw e;
            } catch (IOException e) {
                // a refused connection has no message: name the exception
                last = new GradientServerException("POST " + base + "state: " + (e.getMessage() != null
                        ? e.getMessage() : e.getClass().getSimpleName()), false);
            }
        }
        throw last;
    }

    /** {@code GET /data-status}. */
    public DataStatus dataStatus() throws IOException, InterruptedException {
        JsonObject json = json("GET data-status", send(request("data-status").GET()));
        try {
            List<DataPage> pages = new ArrayList<>();
            JsonObject books = json.containsKey("books") ? json.getJsonObject("books") : JsonValue.EMPTY_JSON_OBJECT;
            for (Map.Entry<String, JsonValue> book : books.entrySet()) {
                JsonArray parquets = book.getValue().asJsonObject().getJsonArray("parquets");
                for (JsonValue entry : parquets) {
                    JsonArray page = entry.asJsonArray();
                    pages.add(new DataPage(book.getKey(), page.getString(0), page.getJsonNumber(1).longValueExact(),
                            page.getJsonNumber(2).longValueExact()));
                }
            }
            return new DataStatus(longOr(json, "max_ts", 0), longOr(json, "version", 0), longOr(json, "round", 0),
                    json.getString("bucket_prefix", ""), pages);
        } catch (RuntimeException e) {
            throw new GradientServerException("GET " + base + "data-status: unexpected JSON: " + e.getMessage(), true);
        }
    }

    /** {@code POST /round}: the round's per-miner assignments and held-out books. */
    public void pushRound(long round, Map<Integer, TrainingAssignment> assignments, List<String> heldOut, long block)
            throws IOException, InterruptedException {
        JsonObjectBuilder perMiner = Json.createObjectBuilder();
        assignments.forEach((uid, assignment) -> perMiner.add(Integer.toString(uid), assignmentJson(assignment)));
        JsonArrayBuilder books = Json.createArrayBuilder();
        heldOut.forEach(books::add);
        JsonObject body = Json.createObjectBuilder().add("round", round).add("assignments", perMiner)
                .add("val_books", books).add("block", block).build();
        HttpResponse<byte[]> response = send(request("round").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
        if (response.statusCode() >= 300) {
            throw new GradientServerException(describe("POST round", response), response.statusCode() < 500);
        }
    }

    /** {@code GET /scores?since_round=N}: the next scored round after N, or empty (204) when there is none yet. */
    public Optional<RoundScores> scores(long sinceRound) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request("scores?since_round=" + sinceRound).GET());
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        JsonObject json = json("GET scores", response);
        try {
            List<RoundScore> scores = new ArrayList<>();
            JsonObject perUid = json.containsKey("scores") ? json.getJsonObject("scores") : JsonValue.EMPTY_JSON_OBJECT;
            for (Map.Entry<String, JsonValue> entry : perUid.entrySet()) {
                JsonObject score = entry.getValue().asJsonObject();
                scores.add(new RoundScore(Integer.parseInt(entry.getKey()), number(score, "score"),
                        score.getBoolean("accepted", false)));
            }
            JsonObject aggregation = json.get("aggregation") instanceof JsonObject a ? a
                    : JsonValue.EMPTY_JSON_OBJECT;
            // ours says whether held-out pages were there; the reference's leaves losses at 0 when they were not
            boolean validated = aggregation.getBoolean("validated", true) && longOr(json, "n_accepted", 0) > 0;
            return Optional.of(new RoundScores(json.getJsonNumber("round").longValueExact(),
                    longOr(json, "model_version", 0), scores,
                    (int) longOr(json, "n_accepted", 0), validated ? number(aggregation, "loss_before") : Double.NaN,
                    validated ? number(aggregation, "loss_after") : Double.NaN,
                    aggregation.getBoolean("rolled_back", false)));
        } catch (RuntimeException e) {
            throw new GradientServerException("GET " + base + "scores: unexpected JSON: " + e.getMessage(), true);
        }
    }

    /** {@code GET /version}. */
    public long version() throws IOException, InterruptedException {
        JsonObject json = json("GET version", send(request("version").GET()));
        return longOr(json, "version", 0);
    }

    /** The assignment as the reference's {@code POST /round} carries it (gentrx.md §1.4 step 7). */
    static JsonObject assignmentJson(TrainingAssignment assignment) {
        JsonArrayBuilder books = Json.createArrayBuilder();
        assignment.books().forEach(books::add);
        JsonArrayBuilder data = Json.createArrayBuilder();
        assignment.dataKeys().forEach(data::add);
        JsonObjectBuilder advice = Json.createObjectBuilder();
        assignment.advice().forEach(advice::add);
        return Json.createObjectBuilder()
                .add("round", assignment.round())
                .add("model_version", assignment.modelVersion())
                .add("books", books)
                .add("ts_start", assignment.tsStartNs())
                .add("ts_end", assignment.tsEndNs())
                .add("data", data)
                .add("data_source", assignment.data().source())
                .add("data_endpoint", assignment.data().endpoint())
                .add("data_bucket", assignment.data().bucket())
                .add("data_access_key", assignment.data().accessKey())
                .add("data_secret_key", assignment.data().secretKey())
                .add("validator_uid", assignment.validatorUid())
                .add("bucket_prefix", assignment.bucketPrefix())
                .add("advice", advice)
                .build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        apiKey.ifPresent(key -> builder.header("X-API-Key", key));
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonObject json(String what, HttpResponse<byte[]> response) throws GradientServerException {
        if (response.statusCode() != 200) {
            throw new GradientServerException(describe(what, response), response.statusCode() < 500);
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new GradientServerException(what + " " + response.uri() + ": not a JSON object: " + e.getMessage(),
                    true);
        }
    }

    private static String describe(String what, HttpResponse<byte[]> response) {
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (body.length() > 200) {
            body = body.substring(0, 200) + "…";
        }
        return what + " " + response.uri() + ": HTTP " + response.statusCode() + (body.isEmpty() ? "" : " " + body);
    }

    private static long longOr(JsonObject json, String key, long fallback) {
        JsonValue value = json.get(key);
        return value instanceof JsonNumber number ? number.longValueExact() : fallback;
    }

    private static double number(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonNumber number ? number.doubleValue() : Double.NaN;
    }

    private static String text(JsonObject json) {
        StringWriter out = new StringWriter();
        Json.createWriter(out).writeObject(json);
        return out.toString();
    }
}
