package io.mvtrx.runtime.bittensor.axon;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.mvtrx.runtime.bittensor.axon.internal.Json;
import io.mvtrx.runtime.bittensor.axon.payload.GenTrxAssignment;
import io.mvtrx.runtime.bittensor.axon.payload.PayloadException;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;

/**
 * A validator's client for Bittensor axons, querying them as the Python dendrite does (bittensor.md §1.2–1.6):
 * {@code POST http://ip:port/<Synapse>} with the full synapse as JSON, the lower-case {@code bt_header_*} headers,
 * a nonce from the wall clock that never repeats, this instance's UUID-1, and the sr25519 signature of
 * {@code nonce.dendriteHotkey.axonHotkey.uuid.bodyHash}. Answers are read as the Python dendrite reads them; client
 * failures become the same local status codes (408 timeout, 503 unreachable, 422 unreadable answer, 500 other).
 *
 * <p>Thread-safe: one dendrite serves every concurrent call of a validator.
 */
public final class Dendrite implements AutoCloseable {

    /** Where a query goes, as the metagraph publishes it. */
    public record AxonTarget(String ip, int port, String hotkey) {

        /** {@code "host:port"} (as {@code Neuron.axon()} holds it) with the axon's hotkey. */
        public static AxonTarget parse(String hostPort, String hotkey) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("axon address '" + hostPort + "' is not host:port");
            }
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new AxonTarget(host, Integer.parseInt(hostPort.substring(colon + 1)), hotkey);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("axon address '" + hostPort + "' has no numeric port");
            }
        }
    }

    /**
     * What came back.
     *
     * @param statusCode    the axon's status (from its JSON and headers), or a local code for client failures
     * @param statusMessage the axon's message, or why the call failed
     * @param body          the answering synapse's JSON (empty unless the status is 200)
     * @param processNanos  wall time of the call as this caller measured it
     */
    public record Reply(int statusCode, String statusMessage, Map<String, Object> body, long processNanos) {

        /** The Python {@code is_success}: status 200. */
        public boolean success() {
            return statusCode == 200;
        }
    }

    private final Sr25519Keypair hotkey;
    private final String externalIp;
    private final LongSupplier clockNanos;
    private final HttpClient client;
    private final String uuid;
    private final AtomicLong lastNonce = new AtomicLong();

    /**
     * @param hotkey     the validator's hotkey, which signs every request
     * @param externalIp this validator's advertised IP ({@code bt_header_dendrite_ip})
     * @param connect    connection timeout (τaos: 1 s)
     * @param clockNanos wall clock, ns since the epoch ({@code time.time_ns()})
     */
    public Dendrite(Sr25519Keypair hotkey, String externalIp, Duration connect, LongSupplier clockNanos) {
        this.hotkey = hotkey;
        this.externalIp = externalIp;
        this.clockNanos = clockNanos;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect).build();
        this.uuid = uuid1(clockNanos.getAsLong(), new SecureRandom());
    }

    /** This dendrite's UUID-1, fixed for its life. */
    public String uuid() {
        return uuid;
    }

    /** The hotkey's SS58 address. */
    public String hotkey() {
        return hotkey.ss58Address();
    }

    /**
     * Sends one synapse and waits at most {@code timeout} for the whole exchange.
     *
     * @param fields the synapse's own fields (e.g. {@code timestamp}, {@code compressed}), as pydantic dumps them
     */
    public Reply call(AxonTarget target, SynapseType type, Map<String, Object> fields, Duration timeout) {
        Request request = prepare(target, type, fields, timeout);
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.http(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Reply(503, "Service unavailable at " + target.ip() + ":" + target.port() + ": " + e,
                    Map.of(), System.nanoTime() - start);
        } catch (HttpTimeoutException e) {
            return new Reply(408, "Request timeout after " + seconds(timeout) + " seconds", Map.of(),
                    System.nanoTime() - start);
        } catch (IOException e) {
            return new Reply(500, "Client error: " + e, Map.of(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(408, "Request timeout after " + seconds(timeout) + " seconds (interrupted)", Map.of(),
                    System.nanoTime() - start);
        }
        return read(type, response, System.nanoTime() - start);
    }

    /** The HTTP request exactly as it will be sent (for inspection). */
    public record Request(HttpRequest http, Map<String, String> headers, byte[] body) {
    }

    /** Builds, signs and serializes a request without sending it. */
    public Request prepare(AxonTarget target, SynapseType type, Map<String, Object> fields, Duration timeout) {
        long nonce = lastNonce.updateAndGet(last -> Math.max(last + 1, clockNanos.getAsLong()));
        String bodyHash = bodyHash(type, fields);
        String message = nonce + "." + hotkey.ss58Address() + "." + target.hotkey() + "." + uuid + "." + bodyHash;
        String signature = "0x" + HexFormat.of().formatHex(hotkey.sign(message.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> h = new LinkedHashMap<>();
        h.put("name", type.route());
        h.put("timeout", seconds(timeout));
        h.put("bt_header_axon_ip", target.ip());
        h.put("bt_header_axon_port", Integer.toString(target.port()));
        h.put("bt_header_axon_hotkey", target.hotkey());
        h.put("bt_header_dendrite_ip", externalIp);
        h.put("bt_header_dendrite_version", Integer.toString(ProtocolVersion.BITTENSOR));
        h.put("bt_header_dendrite_nonce", Long.toString(nonce));
        h.put("bt_header_dendrite_uuid", uuid);
        h.put("bt_header_dendrite_hotkey", hotkey.ss58Address());
        h.put("bt_header_dendrite_signature", signature);
        for (String field : type.requiredFields()) {
            // Every required τaos field is an int: the JSON of its default, 0.
            h.put("bt_header_input_obj_" + field,
                    Base64.getEncoder().encodeToString("0".getBytes(StandardCharsets.UTF_8)));
        }
        h.put("header_size", "0");
        h.put("total_size", "0");
        h.put("computed_body_hash", bodyHash);

        Map<String, Object> dendrite = terminal();
        dendrite.put("ip", externalIp);
        dendrite.put("version", ProtocolVersion.BITTENSOR);
        dendrite.put("nonce", nonce);
        dendrite.put("uuid", uuid);
        dendrite.put("hotkey", hotkey.ss58Address());
        dendrite.put("signature", signature);
        Map<String, Object> axon = terminal();
        axon.put("ip", target.ip());
        axon.put("port", target.port());
        axon.put("hotkey", target.hotkey());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", type.route());
        body.put("timeout", timeout.toNanos() / 1e9);
        body.put("total_size", 0);
        body.put("header_size", 0);
        body.put("dendrite", dendrite);
        body.put("axon", axon);
        body.put("computed_body_hash", "");
        body.putAll(fields);
        byte[] json = Json.write(body);

        // The Python dendrite talks to its own machine through 0.0.0.0.
        String host = target.ip().equals(externalIp) ? "0.0.0.0" : target.ip();
        String authority = host.contains(":") ? "[" + host + "]" : host;
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://" + authority + ":" + target.port() + "/" + type.route()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        h.forEach(builder::header);
        return new Request(builder.build(), h, json);
    }

    private static Map<String, Object> terminal() {
        Map<String, Object> t = new LinkedHashMap<>();
        for (String key : List.of("status_code", "status_message", "process_time", "ip", "port", "version", "nonce",
                "uuid", "hotkey", "signature")) {
            t.put(key, null);
        }
        return t;
    }

    private static String bodyHash(SynapseType type, Map<String, Object> fields) {
        if (type.hashFields().isEmpty()) {
            return BodyHash.EMPTY;
        }
        Map<String, Object> hashed = type == SynapseType.GENTRX_ASSIGNMENT
                ? GenTrxAssignment.from(fields).fields() : fields;
        List<String> strs = new ArrayList<>();
        for (String field : type.hashFields()) {
            strs.add(BodyHash.pyStr(hashed.get(field)));
        }
        return BodyHash.of(strs);
    }

    private static Reply read(SynapseType type, HttpResponse<byte[]> response, long nanos) {
        int http = response.statusCode();
        Map<String, Object> json;
        try {
            json = Json.parseObject(response.body());
        } catch (PayloadException e) {
            return new Reply(422, "Failed to parse response", Map.of(), nanos);
        }
        if (http != 200) {
            return new Reply(http, json.get("message") instanceof String m ? m : "", Map.of(), nanos);
        }
        for (String field : type.requiredFields()) {
            if (json.get(field) == null) {
                return new Reply(422, "Failed to parse response: required field '" + field + "' is missing", Map.of(),
                        nanos);
            }
        }
        // JSON axon info first, header values overwrite when present (the Python order).
        int status = 0;
        String message = "";
        if (json.get("axon") instanceof Map<?, ?> axon) {
            if (axon.get("status_code") instanceof Long code) {
                status = Math.toIntExact(code);
            }
            if (axon.get("status_message") instanceof String m) {
                message = m;
            }
        }
        Optional<String> headerCode = response.headers().firstValue("bt_header_axon_status_code");
        if (headerCode.isPresent()) {
            try {
                status = Integer.parseInt(headerCode.get().strip());
            } catch (NumberFormatException e) {
                return new Reply(422, "Failed to parse response: bt_header_axon_status_code '" + headerCode.get()
                        + "'", Map.of(), nanos);
            }
        }
        message = response.headers().firstValue("bt_header_axon_status_message").orElse(message);
        return new Reply(status, message, status == 200 ? json : Map.of(), nanos);
    }

    private static String seconds(Duration timeout) {
        return Double.toString(timeout.toNanos() / 1e9);
    }

    /**
     * An RFC 4122 version-1 UUID: 60-bit timestamp in 100 ns since 1582-10-15, a random 14-bit clock sequence and a
     * random node with the multicast bit set (as Python's {@code uuid1()} does without a readable MAC).
     */
    static String uuid1(long epochNanos, SecureRandom random) {
        long ticks = epochNanos / 100 + 0x01B21DD213814000L;
        long timeLow = ticks & 0xFFFFFFFFL;
        long timeMid = (ticks >>> 32) & 0xFFFFL;
        long timeHi = ((ticks >>> 48) & 0x0FFFL) | 0x1000L;
        int clockSeq = (random.nextInt(1 << 14)) | 0x8000;
        long node = (random.nextLong() & 0xFFFFFFFFFFFFL) | 0x010000000000L;
        return String.format("%08x-%04x-%04x-%04x-%012x", timeLow, timeMid, timeHi, clockSeq, node);
    }

    @Override
    public void close() {
        client.close();
    }
}
