package io.mvtrx.runtime.gentrx.server.http;

import io.mvtrx.runtime.gentrx.server.GradientServer;
import io.mvtrx.runtime.gentrx.server.RoundStats;
import io.mvtrx.runtime.gentrx.server.round.Assignment;
import io.mvtrx.runtime.gentrx.server.round.RoundPlan;
import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;
import io.mvtrx.runtime.metrics.PrometheusText;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gradient server's HTTP API under {@code /gentrx} (gentrx.md §2.1) on a Helidon WebServer. With an API key every
 * request, health and metrics included, must carry it in {@code X-API-Key}; without one the server refuses to bind
 * beyond loopback.
 */
public final class GradientHttpServer implements AutoCloseable {

    public static final String PREFIX = "/gentrx";
    static final HeaderName API_KEY = HeaderNames.create("X-API-Key");
    private static final String JSON = "application/json";
    /** Upper bound of a {@code POST /round} or {@code /register_bucket} body. */
    private static final int MAX_JSON_BYTES = 4 << 20;

    private final WebServer server;

    private GradientHttpServer(WebServer server) {
        this.server = server;
    }

    /**
     * Serves {@code core} on {@code host:port} (0 picks a free port).
     *
     * @throws IllegalArgumentException when {@code host} is not a loopback address and no API key is set
     */
    public static GradientHttpServer start(GradientServer core, String host, int port, Optional<String> apiKey,
                                           BucketOpener buckets) {
        if (apiKey.isEmpty() && !loopback(host)) {
            throw new IllegalArgumentException("refusing to bind the gradient server to " + host
                    + " without an API key: set --api-key (MVTRX_GRADIENT_SERVER_API_KEY) when binding beyond "
                    + "loopback");
        }
        if (apiKey.isPresent() && apiKey.get().isBlank()) {
            throw new IllegalArgumentException("the gradient server's API key is blank");
        }
        WebServer server = WebServer.builder().host(host).port(port).routing(routing(core, apiKey, buckets))
                .build().start();
        return new GradientHttpServer(server);
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address " + host + ": " + e.getMessage());
        }
    }

    static HttpRouting.Builder routing(GradientServer core, Optional<String> apiKey, BucketOpener buckets) {
        byte[] expected = apiKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
        return HttpRouting.builder()
                .addFilter((chain, req, res) -> {
                    if (expected != null) {
                        byte[] given = req.headers().first(API_KEY).orElse("").getBytes(StandardCharsets.UTF_8);
                        if (!MessageDigest.isEqual(expected, given)) {
                            res.status(Status.UNAUTHORIZED_401).header(HeaderNames.CONTENT_TYPE, JSON)
                                    .send("{\"error\":\"Invalid or missing X-API-Key\"}");
                            return;
                        }
                    }
                    chain.proceed();
                })
                .post(PREFIX + "/state", (req, res) -> {
                    byte[] body = req.content().as(byte[].class);
                    try {
                        core.offerState(body);
                    } catch (IllegalArgumentException e) {
                        // the reference logs and swallows unpack errors: a bad packet must not make the client retry
                        System.getLogger(GradientHttpServer.class.getName()).log(System.Logger.Level.WARNING,
                                "POST /gentrx/state: " + e.getMessage());
                    }
                    json(res, "{\"status\":\"ok\"}");
                })
                .get(PREFIX + "/data-status", (req, res) -> json(res, core.dataStatus().toString()))
                .post(PREFIX + "/round", (req, res) -> {
                    RoundPlan plan;
                    try {
                        plan = roundPlan(readJson(req));
                    } catch (IllegalArgumentException e) {
                        error(res, Status.BAD_REQUEST_400, "POST /gentrx/round: " + e.getMessage());
                        return;
                    }
                    int n = core.pushRound(plan);
                    json(res, Json.createObjectBuilder().add("status", "ok").add("round", plan.round())
                            .add("n_assignments", n).build().toString());
                })
                .get(PREFIX + "/scores", (req, res) -> {
                    long since;
                    try {
                        since = Long.parseLong(req.query().first("since_round").orElse("-1"));
                    } catch (NumberFormatException e) {
                        error(res, Status.BAD_REQUEST_400, "since_round must be an integer");
                        return;
                    }
                    Optional<String> payload = core.scoresAfter(since);
                    if (payload.isEmpty()) {
                        res.status(Status.NO_CONTENT_204).send();
                    } else {
                        json(res, payload.get());
                    }
                })
                .get(PREFIX + "/version", (req, res) -> json(res, "{\"version\":" + core.version() + "}"))
                .get(PREFIX + "/health", (req, res) -> json(res,
                        "{\"status\":\"ok\",\"version\":" + core.version() + "}"))
                .get(PREFIX + "/assignment", (req, res) -> {
                    int uid;
                    try {
                        uid = Integer.parseInt(req.query().first("miner_uid").orElse(""));
                    } catch (NumberFormatException e) {
                        error(res, Status.BAD_REQUEST_400, "miner_uid must be an integer");
                        return;
                    }
                    json(res, core.assignment(uid).orElse("null"));
                })
                .post(PREFIX + "/register_bucket/{uid}", (req, res) -> {
                    int uid;
                    BucketCredentials creds;
                    try {
                        uid = Integer.parseInt(req.path().pathParameters().get("uid"));
                        JsonObject o = readJson(req);
                        creds = new BucketCredentials(o.getString("endpoint_url"), o.getString("bucket_name"),
                                o.getString("access_key_id"), o.getString("secret_access_key"),
                                Optional.ofNullable(o.getString("account_id", null)));
                    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
                        error(res, Status.BAD_REQUEST_400, "POST /gentrx/register_bucket: needs a numeric uid and "
                                + "endpoint_url, bucket_name, access_key_id, secret_access_key strings");
                        return;
                    }
                    try {
                        core.registerBucket(uid, buckets.open(creds));
                    } catch (IOException | RuntimeException e) {
                        error(res, Status.BAD_REQUEST_400, "cannot open bucket " + creds.bucketName() + " at "
                                + creds.endpointUrl() + ": " + e.getMessage());
                        return;
                    }
                    json(res, Json.createObjectBuilder().add("status", "ok").add("uid", uid)
                            .add("bucket", creds.bucketName()).build().toString());
                })
                .get(PREFIX + "/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE,
                        PrometheusText.CONTENT_TYPE).send(metrics(core)));
    }

    /** The gauges of gentrx.md §2.1 (per-miner ones labelled by {@code miner_uid}). */
    static String metrics(GradientServer core) {
        RoundStats s = core.lastStats();
        Map<String, Double> own = new LinkedHashMap<>();
        Map<String, Double> held = new LinkedHashMap<>();
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Double> accepted = new LinkedHashMap<>();
        Map<String, Double> norm = new LinkedHashMap<>();
        Map<String, Double> winner = new LinkedHashMap<>();
        for (ScoreCard c : s.cards()) {
            String uid = Integer.toString(c.minerUid());
            own.put(uid, c.scoreOwn());
            held.put(uid, c.scoreHeld());
            score.put(uid, c.score());
            accepted.put(uid, c.accepted() ? 1.0 : 0.0);
            norm.put(uid, c.gradNorm());
            winner.put(uid, c.wasRollbackWinner() ? 1.0 : 0.0);
        }
        double improvement = s.lossBefore() - s.lossAfter();
        return new PrometheusText("gentrx_")
                .gauge("agg_round", "round assignments are installed for", core.aggRound())
                .gauge("checkpoint_version", "model version", core.version())
                .counter("rounds_aggregated", "aggregations committed", core.roundsAggregated())
                .counter("rollbacks", "aggregations rolled back", core.rollbacks())
                .gauge("last_n_scored", "gradients scored in the last drained round", s.scored())
                .gauge("last_n_accepted", "gradients accepted in the last drained round", s.accepted())
                .gauge("last_loss_before", "held-out loss before the last aggregate", finite(s.lossBefore()))
                .gauge("last_loss_after", "held-out loss after the last aggregate", finite(s.lossAfter()))
                .gauge("last_loss_improvement", "loss before minus after", finite(improvement))
                .gauge("last_total_duration_s", "seconds the last drain took", s.totalSeconds())
                .gauge("active_miners", "miners accepted in the last drained round", s.accepted())
                .gauge("miner_score_own", "score on the miner's own pages", "miner_uid", own)
                .gauge("miner_score_held", "score on held-out pages", "miner_uid", held)
                .gauge("miner_score", "ranked score", "miner_uid", score)
                .gauge("miner_accepted", "1 when the gradient entered aggregation", "miner_uid", accepted)
                .gauge("miner_grad_norm", "L2 norm of the miner's delta", "miner_uid", norm)
                .gauge("miner_was_rollback_winner", "1 when accepted in a rolled-back round", "miner_uid", winner)
                .toString();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** Parses a {@code POST /round} body (gentrx.md §2.1). */
    static RoundPlan roundPlan(JsonObject body) {
        try {
            long round = body.getJsonNumber("round").longValueExact();
            Map<Integer, Assignment> assignments = new TreeMap<>();
            JsonObject perMiner = body.containsKey("assignments") ? body.getJsonObject("assignments")
                    : JsonValue.EMPTY_JSON_OBJECT;
            for (Map.Entry<String, JsonValue> e : perMiner.entrySet()) {
                int uid = Integer.parseInt(e.getKey());
                JsonObject a = e.getValue().asJsonObject();
                long assignedRound = a.containsKey("round") ? a.getJsonNumber("round").longValueExact() : round;
                assignments.put(uid, new Assignment(uid, assignedRound,
                        a.containsKey("model_version") ? a.getJsonNumber("model_version").longValueExact() : 0,
                        strings(a.getJsonArray("books")), strings(a.getJsonArray("data")),
                        a.getJsonNumber("ts_start").longValueExact(), a.getJsonNumber("ts_end").longValueExact(),
                        a.toString()));
            }
            List<String> held = body.containsKey("val_books") && !body.isNull("val_books")
                    ? strings(body.getJsonArray("val_books")) : List.of();
            long block = body.containsKey("block") && body.get("block") instanceof JsonNumber n ? n.longValueExact()
                    : 0;
            return new RoundPlan(round, assignments, held, block);
        } catch (NullPointerException | ClassCastException | ArithmeticException | JsonException e) {
            throw new IllegalArgumentException("expected {round, assignments: {uid: {books, data, ts_start, ts_end, "
                    + "...}}, val_books, block}: " + e.getMessage());
        }
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) {
            throw new IllegalArgumentException("missing string array");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : array) {
            out.add(((JsonString) v).getString());
        }
        return out;
    }

    private static JsonObject readJson(ServerRequest req) {
        byte[] body = req.content().as(byte[].class);
        if (body.length > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("body larger than " + MAX_JSON_BYTES + " bytes");
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("body is not a JSON object: " + e.getMessage());
        }
    }

    private static void json(ServerResponse res, String body) {
        res.header(HeaderNames.CONTENT_TYPE, JSON).send(body);
    }

    private static void error(ServerResponse res, Status status, String message) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, JSON)
                .send(Json.createObjectBuilder().add("error", message).build().toString());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
