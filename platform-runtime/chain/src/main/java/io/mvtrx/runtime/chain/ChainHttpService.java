package io.mvtrx.runtime.chain;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.wallet.Keypair;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The chain as JSON over HTTP. Reads are open; every write must be signed by the hotkey it acts for (see
 * {@link RequestSignature}) with a nonce within {@link #NONCE_WINDOW_NS} of the server clock and greater than the
 * hotkey's previous one, so a captured request cannot be replayed.
 *
 * <pre>
 * curl localhost:9944/chain/block
 * curl localhost:9944/chain/subnets/79/neurons
 * POST   /chain/subnets/{netuid}/neurons                    {"hotkey","coldkey"}   register (signed)
 * PUT    /chain/subnets/{netuid}/neurons/{hotkey}/axon      {"host","port"}        serve axon (signed)
 * POST   /chain/subnets/{netuid}/neurons/{hotkey}/stake     {"amount"}             add stake (signed)
 * PUT    /chain/subnets/{netuid}/weights/{hotkey}           {"weights":{uid:w}}    set weights (signed)
 * GET    /chain/subnets/{netuid}/weights/{hotkey}
 * PUT    /chain/subnets/{netuid}/commitments/{hotkey}       {"data"}               commit (signed)
 * GET    /chain/subnets/{netuid}/commitments/{hotkey}
 * </pre>
 * Errors answer {@code {"error": "..."}}: 400 malformed input (naming the field), 401 bad or missing signature,
 * 403 signer is not the hotkey acted for, 404 no such commitment, 409 refused by the chain.
 */
public final class ChainHttpService implements HttpService {

    /** How far a nonce may be from the server clock. */
    static final long NONCE_WINDOW_NS = 60_000_000_000L;

    private final ChainBackend chain;
    private final InstantSource clock;
    private final Map<String, AtomicLong> lastNonce = new ConcurrentHashMap<>();

    /** Serves {@code chain}; nonces are checked against {@code clock}. */
    public ChainHttpService(ChainBackend chain, InstantSource clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/block", this::block)
                .get("/subnets/{netuid}/neurons", this::neurons)
                .post("/subnets/{netuid}/neurons", this::register)
                .put("/subnets/{netuid}/neurons/{hotkey}/axon", this::serveAxon)
                .post("/subnets/{netuid}/neurons/{hotkey}/stake", this::addStake)
                .put("/subnets/{netuid}/weights/{hotkey}", this::setWeights)
                .get("/subnets/{netuid}/weights/{hotkey}", this::weights)
                .put("/subnets/{netuid}/commitments/{hotkey}", this::commit)
                .get("/subnets/{netuid}/commitments/{hotkey}", this::commitment);
    }

    private void block(ServerRequest req, ServerResponse res) {
        handle(res, () -> Json.createObjectBuilder().add("block", chain.blockHeight()).build());
    }

    private void neurons(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (Neuron n : chain.metagraph(netuid(req))) {
                array.add(toJson(n));
            }
            return Json.createObjectBuilder().add("neurons", array).build();
        });
    }

    private void register(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            byte[] body = req.content().as(byte[].class);
            JsonObject json = parse(body);
            String hotkey = string(json, "hotkey");
            authorize(req, body, hotkey);
            return toJson(chain.register(netuid(req), hotkey, string(json, "coldkey")));
        });
    }

    private void serveAxon(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            byte[] body = req.content().as(byte[].class);
            String hotkey = hotkey(req);
            authorize(req, body, hotkey);
            JsonObject json = parse(body);
            chain.serveAxon(netuid(req), hotkey, string(json, "host"), (int) number(json, "port"));
            return ok();
        });
    }

    private void addStake(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            byte[] body = req.content().as(byte[].class);
            String hotkey = hotkey(req);
            authorize(req, body, hotkey);
            chain.addStake(netuid(req), hotkey, number(parse(body), "amount"));
            return ok();
        });
    }

    private void setWeights(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            byte[] body = req.content().as(byte[].class);
            String hotkey = hotkey(req);
            authorize(req, body, hotkey);
            JsonValue weights = parse(body).get("weights");
            if (!(weights instanceof JsonObject object)) {
                throw new BadRequest("field 'weights' must be an object of uid to weight");
            }
            Map<Integer, Double> parsed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                try {
                    parsed.put(Integer.parseInt(e.getKey()), ((JsonNumber) e.getValue()).doubleValue());
                } catch (NumberFormatException | ClassCastException ex) {
                    throw new BadRequest("field 'weights': entry '" + e.getKey() + "' must map a uid to a number");
                }
            }
            chain.setWeights(netuid(req), hotkey, parsed);
            return ok();
        });
    }

    private void weights(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            JsonObjectBuilder weights = Json.createObjectBuilder();
            chain.weights(netuid(req), hotkey(req)).forEach((uid, w) -> weights.add(Integer.toString(uid), w));
            return Json.createObjectBuilder().add("weights", weights).build();
        });
    }

    private void commit(ServerRequest req, ServerResponse res) {
        handle(res, () -> {
            byte[] body = req.content().as(byte[].class);
            String hotkey = hotkey(req);
            authorize(req, body, hotkey);
            chain.commit(netuid(req), hotkey, string(parse(body), "data"));
            return ok();
        });
    }

    private void commitment(ServerRequest req, ServerResponse res) {
        try {
            Optional<String> data = chain.commitment(netuid(req), hotkey(req));
            if (data.isEmpty()) {
                json(res, Status.NOT_FOUND_404, error("no commitment for hotkey " + hotkey(req)));
            } else {
                json(res, Status.OK_200, Json.createObjectBuilder().add("data", data.get()).build());
            }
        } catch (BadRequest e) {
            json(res, Status.BAD_REQUEST_400, error(e.getMessage()));
        } catch (IOException e) {
            json(res, Status.INTERNAL_SERVER_ERROR_500, error("chain storage failed: " + e.getMessage()));
        }
    }

    /** Checks the signature headers: signer must be {@code hotkey}, nonce fresh and increasing. */
    private void authorize(ServerRequest req, byte[] body, String hotkey) {
        String signer = header(req, RequestSignature.HOTKEY);
        String nonceText = header(req, RequestSignature.NONCE);
        String signatureText = header(req, RequestSignature.SIGNATURE);
        long nonce;
        byte[] publicKey;
        byte[] signature;
        try {
            nonce = Long.parseLong(nonceText);
            publicKey = HexFormat.of().parseHex(signer);
            signature = Base64.getDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized("malformed signature headers: " + e.getMessage());
        }
        byte[] message = RequestSignature.message(req.prologue().method().text(), req.prologue().uriPath().rawPath(), nonce, body);
        if (!Keypair.verify(publicKey, message, signature)) {
            throw new Unauthorized("signature does not verify for hotkey " + signer);
        }
        long now = clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
        if (Math.abs(now - nonce) > NONCE_WINDOW_NS) {
            throw new Unauthorized("nonce " + nonce + " is more than 60 s away from the server clock " + now);
        }
        AtomicLong last = lastNonce.computeIfAbsent(signer, k -> new AtomicLong(Long.MIN_VALUE));
        long previous = last.getAndAccumulate(nonce, Math::max);
        if (nonce <= previous) {
            throw new Unauthorized("nonce " + nonce + " was already used or is older than " + previous);
        }
        if (!signer.equals(hotkey)) {
            throw new Forbidden("request signed by " + signer + " but acts for hotkey " + hotkey);
        }
    }

    private interface Action {
        JsonObject run() throws IOException;
    }

    private static void handle(ServerResponse res, Action action) {
        try {
            json(res, Status.OK_200, action.run());
        } catch (BadRequest e) {
            json(res, Status.BAD_REQUEST_400, error(e.getMessage()));
        } catch (Unauthorized e) {
            json(res, Status.UNAUTHORIZED_401, error(e.getMessage()));
        } catch (Forbidden e) {
            json(res, Status.FORBIDDEN_403, error(e.getMessage()));
        } catch (ChainException e) {
            json(res, Status.CONFLICT_409, error(e.getMessage()));
        } catch (IOException e) {
            json(res, Status.INTERNAL_SERVER_ERROR_500, error("chain storage failed: " + e.getMessage()));
        }
    }

    private static void json(ServerResponse res, Status status, JsonObject body) {
        res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(body.toString());
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }

    private static JsonObject ok() {
        return Json.createObjectBuilder().add("ok", true).build();
    }

    static JsonObject toJson(Neuron n) {
        return Json.createObjectBuilder()
                .add("uid", n.uid()).add("hotkey", n.hotkey()).add("coldkey", n.coldkey()).add("stake", n.stake())
                .add("validatorPermit", n.validatorPermit()).add("axon", n.axon())
                .add("registeredAt", n.registeredAt()).add("lastUpdate", n.lastUpdate()).build();
    }

    private static int netuid(ServerRequest req) {
        String text = req.path().pathParameters().get("netuid");
        try {
            int netuid = Integer.parseInt(text);
            if (netuid < 0 || netuid > 65_535) {
                throw new NumberFormatException();
            }
            return netuid;
        } catch (NumberFormatException e) {
            throw new BadRequest("path parameter 'netuid' must be an integer in 0..65535, got '" + text + "'");
        }
    }

    private static String hotkey(ServerRequest req) {
        return req.path().pathParameters().get("hotkey");
    }

    private static String header(ServerRequest req, String name) {
        return req.headers().first(HeaderNames.create(name))
                .orElseThrow(() -> new Unauthorized("missing header " + name));
    }

    private static JsonObject parse(byte[] body) {
        try {
            return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BadRequest("body must be a JSON object: " + e.getMessage());
        }
    }

    private static String string(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonString s)) {
            throw new BadRequest("field '" + field + "' must be a string");
        }
        return s.getString();
    }

    private static long number(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new BadRequest("field '" + field + "' must be an integer");
        }
        return n.longValueExact();
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }

    private static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }
}
