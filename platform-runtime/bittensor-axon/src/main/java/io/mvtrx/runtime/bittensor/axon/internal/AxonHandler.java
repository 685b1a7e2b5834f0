package io.mvtrx.runtime.bittensor.axon.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.runtime.bittensor.axon.AxonConfig;
import io.mvtrx.runtime.bittensor.axon.BodyHash;
import io.mvtrx.runtime.bittensor.axon.MetagraphView;
import io.mvtrx.runtime.bittensor.axon.ProtocolVersion;
import io.mvtrx.runtime.bittensor.axon.SynapseType;
import io.mvtrx.runtime.bittensor.axon.payload.CompressedPart;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.axon.payload.GenTrxAssignment;
import io.mvtrx.runtime.bittensor.axon.payload.PayloadException;
import io.mvtrx.runtime.bittensor.axon.payload.ResponseMapping;
import io.mvtrx.runtime.bittensor.axon.payload.StateMapping;
import io.mvtrx.runtime.bittensor.keys.Sr25519;
import io.mvtrx.runtime.bittensor.keys.Ss58;
import io.mvtrx.runtime.wire.miner.AgentHost;

/**
 * One axon request, in the Python axon's order (bittensor.md §1.5): route (404) → size (413) → synapse from headers
 * (400) → blacklist (403) → nonce and signature (401) → body parse and body-hash check (500) → a turn with the agent
 * by priority (408 when none comes in time) → forward (500 when the payload does not decode).
 * Nothing reaches the agent before every check has passed. Independent of the HTTP server so it can be driven
 * directly.
 *
 * <p>Thread-safe.
 */
public final class AxonHandler {

    private static final System.Logger LOG = System.getLogger(AxonHandler.class.getName());

    /** What the server sends back. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final AxonConfig config;
    private final AgentHost agent;
    private final MetagraphView metagraph;
    private final LongSupplier clockNanos;
    private final Consumer<GenTrxAssignment> assignments;
    private final NonceLedger nonces;
    private final PriorityGate gate = new PriorityGate();
    private final String uuid = UUID.randomUUID().toString();
    private final AtomicReference<SimulationInfo> lastSimulation = new AtomicReference<>(StateMapping.simulation(null));
    private final Map<Integer, AtomicLong> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong forwarded = new AtomicLong();

    public AxonHandler(AxonConfig config, AgentHost agent, MetagraphView metagraph, LongSupplier clockNanos,
                       Consumer<GenTrxAssignment> assignments) {
        this.config = config;
        this.agent = agent;
        this.metagraph = metagraph;
        this.clockNanos = clockNanos;
        this.assignments = assignments;
        this.nonces = new NonceLedger(config.nonceCapacity());
        Ss58.decodeBittensor(config.hotkey());
    }

    /** Requests answered with {@code status} (a refusal code) so far. */
    public long refused(int status) {
        AtomicLong n = refusals.get(status);
        return n == null ? 0 : n.get();
    }

    /** Requests that reached the forward step. */
    public long forwarded() {
        return forwarded.get();
    }

    /**
     * Handles one request.
     *
     * @param path    the request path ({@code /MarketSimulationStateUpdate})
     * @param headers request headers, names lower-case
     * @param body    the request body
     */
    public Answer handle(String path, Map<String, String> headers, byte[] body) {
        long start = clockNanos.getAsLong();
        String route = firstSegment(path);
        Optional<SynapseType> type = SynapseType.ofRoute(route);
        if (type.isEmpty()) {
            return refuse(404, String.format("Synapse name '%s' not found. Available synapses %s", route,
                    SynapseType.routes()), null);
        }
        if (body.length > config.maxRequestBytes()) {
            return refuse(413, String.format("Request body of %d bytes exceeds the limit of %d bytes", body.length,
                    config.maxRequestBytes()), null);
        }
        HeaderSynapse synapse;
        try {
            synapse = HeaderSynapse.parse(type.get(), headers);
        } catch (IllegalArgumentException e) {
            return refuse(400, String.format("Improperly formatted request. Could not parse headers into synapse of"
                    + " type %s: %s", route, e.getMessage()), null);
        }
        Optional<Neuron> caller;
        try {
            caller = synapse.hotkey() == null ? Optional.empty() : metagraph.neuron(synapse.hotkey());
        } catch (MetagraphView.Unavailable e) {
            return refuse(503, "Service unavailable: " + e.getMessage(), synapse);
        }
        Optional<String> blacklisted = blacklist(caller);
        if (blacklisted.isPresent()) {
            return refuse(403, "Forbidden. Key is blacklisted: " + blacklisted.get() + ".", synapse);
        }
        Optional<String> unverified = verify(synapse);
        if (unverified.isPresent()) {
            return refuse(401, "Not Verified with error: " + unverified.get(), synapse);
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(body);
            String bodyHash = bodyHash(type.get(), json);
            if (!bodyHash.equals(synapse.computedBodyHash())) {
                throw new PayloadException("body hash %s differs from the signed computed_body_hash %s", bodyHash,
                        synapse.computedBodyHash());
            }
        } catch (RuntimeException e) {
            return internalError(e, synapse);
        }
        // Priority: the caller's stake in TAO (the τaos miner's priority function); see PriorityGate.
        double priority = caller.map(n -> n.stake() / 1e9).orElse(0.0);
        try {
            if (!gate.enter(priority, config.agentTimeout().toNanos())) {
                return refuse(408, String.format("Request timeout: no turn with the agent within %d ms",
                        config.agentTimeout().toMillis()), synapse);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse(503, "Service unavailable: interrupted while waiting for the agent", synapse);
        }
        forwarded.incrementAndGet();
        try {
            Map<String, Object> reply = forward(type.get(), json);
            return success(reply, synapse, start);
        } catch (RuntimeException e) {
            return internalError(e, synapse);
        } finally {
            gate.leave();
        }
    }

    private Optional<String> blacklist(Optional<Neuron> caller) {
        if (caller.isEmpty()) {
            return config.allowNonRegistered() ? Optional.empty() : Optional.of("Unrecognized hotkey");
        }
        if (!caller.get().validatorPermit() && !config.allowNonValidators()) {
            return Optional.of("Non-validator hotkey");
        }
        return Optional.empty();
    }

    private Optional<String> verify(HeaderSynapse s) {
        if (s.nonce() == null) {
            return Optional.of("Missing Nonce");
        }
        if (s.hotkey() == null || s.uuid() == null) {
            return Optional.of("Missing dendrite hotkey or uuid");
        }
        if (s.signature() == null || s.signature().isEmpty()) {
            return Optional.of("Missing signature");
        }
        long now = clockNanos.getAsLong();
        String key = s.hotkey() + ":" + s.uuid();
        long version = s.version() == null ? 0 : s.version();
        Optional<String> stale = nonces.check(key, s.nonce(), version, s.timeout(), now);
        if (stale.isPresent()) {
            return stale;
        }
        String message = s.nonce() + "." + s.hotkey() + "." + config.hotkey() + "." + s.uuid() + "."
                + (s.computedBodyHash() == null ? "" : s.computedBodyHash());
        byte[] publicKey;
        byte[] signature;
        try {
            publicKey = Ss58.decodeBittensor(s.hotkey());
            String hex = s.signature().startsWith("0x") ? s.signature().substring(2) : s.signature();
            signature = HexFormat.of().parseHex(hex);
        } catch (RuntimeException e) {
            return Optional.of("Signature mismatch with " + message + " and " + s.signature());
        }
        if (!Sr25519.verifyRawOrWrapped(publicKey, message.getBytes(StandardCharsets.UTF_8), signature)) {
            return Optional.of("Signature mismatch with " + message + " and " + s.signature());
        }
        return nonces.accept(key, s.nonce(), version, s.timeout(), now);
    }

    private static String bodyHash(SynapseType type, Map<String, Object> json) {
        if (type.hashFields().isEmpty()) {
            return BodyHash.EMPTY;
        }
        Map<String, Object> fields = type == SynapseType.GENTRX_ASSIGNMENT
                ? GenTrxAssignment.from(json).fields() : json;
        List<String> strs = new ArrayList<>();
        for (String field : type.hashFields()) {
            strs.add(BodyHash.pyStr(fields.get(field)));
        }
        return BodyHash.of(strs);
    }

    private Map<String, Object> forward(SynapseType type, Map<String, Object> json) {
        Map<String, Object> reply = new LinkedHashMap<>(json);
        switch (type) {
            case MARKET_SIMULATION_STATE_UPDATE -> forwardState(json, reply);
            case FINANCE_EVENT_NOTIFICATION, EVENT_NOTIFICATION -> {
                Object event = json.get("event");
                if (event != null) {
                    List<Notice> notices = StateMapping.notice(asMap(event, "event"), config.ownUid(),
                            lastSimulation.get(), "event");
                    agent.notify(notices).join();
                }
                reply.put("acknowledged", true);
            }
            case GENTRX_ASSIGNMENT -> assignments.accept(GenTrxAssignment.from(json));
            case SYNAPSE -> {
            }
        }
        return reply;
    }

    private void forwardState(Map<String, Object> json, Map<String, Object> reply) {
        long timestamp = longField(json, "timestamp");
        long version = json.get("version") == null ? ProtocolVersion.TAOS_SPEC : longField(json, "version");
        boolean msgpack = version >= ProtocolVersion.MSGPACK_FROM;
        Compression codec = Compression.named(json.get("compression_engine") instanceof String s ? s : "lz4");
        Object books;
        Map<?, ?> payload;
        Object compressed = json.get("compressed");
        if (compressed instanceof Map<?, ?> parts) {
            books = part(parts, "books", codec, msgpack);
            payload = asMap(part(parts, "payload", codec, msgpack), "compressed.payload");
        } else if (compressed == null || Boolean.FALSE.equals(compressed)) {
            books = json.get("books");
            Map<String, Object> plain = new LinkedHashMap<>();
            for (String key : List.of("accounts", "notices", "config")) {
                plain.put(key, json.get(key));
            }
            payload = plain;
        } else {
            throw new PayloadException("compressed must be a map of books and payload, got %s", compressed);
        }
        StateMapping.ReceivedState received = StateMapping.decode(timestamp, books, payload, config.ownUid());
        lastSimulation.set(received.state().simulation());
        AgentResponse response = agent.respond(received.agentId(), received.state()).join();
        Map<Object, Object> replyPayload = new LinkedHashMap<>();
        replyPayload.put("pools", null);
        replyPayload.put("accounts", null);
        replyPayload.put("notices", null);
        replyPayload.put("config", null);
        replyPayload.put("response", ResponseMapping.encode(response, received.state().simulation().decimals()));
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("books", CompressedPart.encode(null, codec, msgpack));
        parts.put("payload", CompressedPart.encode(replyPayload, codec, msgpack));
        for (String cleared : List.of("books", "accounts", "notices", "config", "response")) {
            reply.put(cleared, null);
        }
        reply.put("compressed", parts);
        reply.put("compression_engine", codec.wireName());
    }

    private Object part(Map<?, ?> parts, String key, Compression codec, boolean msgpack) {
        Object value = parts.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new PayloadException("compressed.%s must be a base64 string", key);
        }
        try {
            return CompressedPart.decode(s, codec, msgpack, config.maxDecompressedBytes());
        } catch (PayloadException e) {
            throw new PayloadException(e, "compressed.%s: %s", key, e.getMessage());
        }
    }

    private Answer success(Map<String, Object> reply, HeaderSynapse synapse, long start) {
        double processTime = (clockNanos.getAsLong() - start) / 1e9;
        Map<String, Object> axon = axonInfo(200, "Success", processTime);
        reply.put("axon", axon);
        Map<String, String> headers = responseHeaders(synapse, 200, "Success", processTime);
        return new Answer(200, headers, Json.write(reply));
    }

    private Map<String, Object> axonInfo(int status, String message, double processTime) {
        Map<String, Object> axon = new LinkedHashMap<>();
        axon.put("status_code", status);
        axon.put("status_message", message);
        axon.put("process_time", processTime);
        axon.put("ip", null);
        axon.put("port", null);
        axon.put("version", ProtocolVersion.BITTENSOR);
        axon.put("nonce", clockNanos.getAsLong());
        axon.put("uuid", uuid);
        axon.put("hotkey", config.hotkey());
        axon.put("signature", null);
        return axon;
    }

    private Map<String, String> responseHeaders(HeaderSynapse synapse, int status, String message,
                                                double processTime) {
        Map<String, String> h = new LinkedHashMap<>();
        if (synapse != null) {
            h.put("name", synapse.type().route());
            h.put("timeout", Double.toString(synapse.timeout()));
            synapse.echo().forEach(h::put);
        }
        h.put("bt_header_axon_status_code", Integer.toString(status));
        h.put("bt_header_axon_status_message", message);
        h.put("bt_header_axon_process_time", Double.toString(processTime));
        h.put("bt_header_axon_hotkey", config.hotkey());
        h.put("bt_header_axon_version", Integer.toString(ProtocolVersion.BITTENSOR));
        h.put("bt_header_axon_uuid", uuid);
        h.put("header_size", "0");
        h.put("total_size", "0");
        return h;
    }

    private Answer refuse(int status, String message, HeaderSynapse synapse) {
        refusals.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
        Map<String, String> headers = responseHeaders(synapse, status, message, 0.0);
        return new Answer(status, headers, Json.write(Map.of("message", message)));
    }

    private Answer internalError(RuntimeException e, HeaderSynapse synapse) {
        String id = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.WARNING, String.format("request %s refused with 500: %s", id, e.getMessage()));
        return refuse(500, "Internal Server Error #" + id, synapse);
    }

    private static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }

    private static Map<?, ?> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new PayloadException("%s must be an object", what);
    }

    private static long longField(Map<String, Object> json, String key) {
        Object v = json.get(key);
        if (v instanceof Long l) {
            return l;
        }
        throw new PayloadException("%s must be an integer, got %s", key, v);
    }

    /** The synapse as the headers describe it (what the Python axon builds before reading the body). */
    record HeaderSynapse(SynapseType type, double timeout, String ip, Long version, Long nonce, String uuid,
                         String hotkey, String signature, String computedBodyHash, Map<String, String> echo) {

        static HeaderSynapse parse(SynapseType type, Map<String, String> h) {
            for (String field : type.requiredFields()) {
                String header = "bt_header_input_obj_" + field;
                String value = h.get(header);
                if (value == null) {
                    throw new IllegalArgumentException("required field '" + field + "' has no " + header + " header");
                }
                try {
                    Json.parse(Base64.getDecoder().decode(value));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(header + " is not base64 of JSON: " + value);
                }
            }
            double timeout = 12.0;
            if (h.get("timeout") != null) {
                try {
                    timeout = Double.parseDouble(h.get("timeout"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("timeout '" + h.get("timeout") + "' is not a number");
                }
                if (!Double.isFinite(timeout) || timeout < 0) {
                    throw new IllegalArgumentException("timeout '" + h.get("timeout") + "' is not >= 0");
                }
            }
            for (String intHeader : List.of("header_size", "total_size")) {
                integer(h, intHeader);
            }
            Map<String, String> echo = new LinkedHashMap<>();
            h.forEach((k, v) -> {
                if (k.startsWith("bt_header_dendrite_") || k.startsWith("bt_header_input_obj_")
                        || k.equals("computed_body_hash")) {
                    echo.put(k, v);
                }
            });
            return new HeaderSynapse(type, timeout, h.get("bt_header_dendrite_ip"),
                    integer(h, "bt_header_dendrite_version"), integer(h, "bt_header_dendrite_nonce"),
                    h.get("bt_header_dendrite_uuid"), h.get("bt_header_dendrite_hotkey"),
                    h.get("bt_header_dendrite_signature"), h.get("computed_body_hash"), echo);
        }

        private static Long integer(Map<String, String> h, String name) {
            String v = h.get(name);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + v + "' is not an integer");
            }
        }
    }
}
