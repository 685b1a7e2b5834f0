package io.mvtrx.runtime.bittensor.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.bittensor.axon.internal.Json;
import io.mvtrx.runtime.bittensor.keys.Sr25519;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.Ss58;

/**
 * Our dendrite against a raw-socket axon stub that sees the request bytes as sent (header names with their case) and
 * checks every header by the Python axon's rules; and the dendrite's reading of answers and failures.
 */
class DendriteTest {

    static final Sr25519Keypair VALIDATOR = Sr25519Keypair.fromMiniSecret(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    static final String AXON_HOTKEY = AxonInteropTest.K3;

    /** One request as the stub read it. */
    record Seen(String requestLine, List<String> rawHeaderNames, Map<String, String> headers, byte[] body) {
    }

    /** An HTTP/1.1 server on loopback answering each request with {@code answer}. */
    static final class Stub implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0);
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final Thread thread;

        Stub(Function<Seen, byte[]> answer) throws IOException {
            thread = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        Seen request = read(s.getInputStream());
                        seen.add(request);
                        byte[] response = answer.apply(request);
                        if (response != null) {
                            OutputStream out = s.getOutputStream();
                            out.write(response);
                            out.flush();
                        }
                    } catch (IOException | RuntimeException e) {
                        // socket closed or client gone
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        static Seen read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("eof in headers");
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            List<String> names = new ArrayList<>();
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                names.add(lines[i].substring(0, colon));
                headers.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Seen(lines[0], names, headers, body);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static byte[] http(int status, Map<String, String> headers, String body) {
        StringBuilder s = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        s.append("content-type: application/json\r\ncontent-length: ").append(b.length)
                .append("\r\nconnection: close\r\n\r\n");
        byte[] head = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + b.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        return all;
    }

    static final String OK_BODY = "{\"name\": \"MarketSimulationStateUpdate\", \"timestamp\": 77, "
            + "\"axon\": {\"status_code\": 200, \"status_message\": \"Success\"}, \"response\": null}";

    final AtomicLong clock = new AtomicLong(1_700_000_000_000_000_000L);
    Dendrite dendrite = new Dendrite(VALIDATOR, "203.0.113.5", Duration.ofSeconds(1), clock::get);
    Stub stub;

    @AfterEach
    void close() throws IOException {
        dendrite.close();
        if (stub != null) {
            stub.close();
        }
    }

    Dendrite.AxonTarget target() {
        return new Dendrite.AxonTarget("127.0.0.1", stub.port(), AXON_HOTKEY);
    }

    Map<String, Object> stateFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", "im");
        f.put("version", 54);
        f.put("timestamp", 77L);
        f.put("compressed", Map.of("books", "B", "payload", "P"));
        f.put("compression_engine", "lz4");
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendsEveryHeaderAsThePythonAxonExpectsIt() throws Exception {
        stub = new Stub(seen -> http(200, Map.of("bt_header_axon_status_code", "200",
                "bt_header_axon_status_message", "Success"), OK_BODY));
        Dendrite.Reply first = dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE, stateFields(),
                Duration.ofSeconds(3));
        clock.addAndGet(-5); // a clock step backwards must not repeat or lower the nonce
        dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE, stateFields(), Duration.ofSeconds(3));

        assertThat(first.success()).isTrue();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.statusMessage()).isEqualTo("Success");
        assertThat(first.body().get("timestamp")).isEqualTo(77L);
        assertThat(stub.seen).hasSize(2);
        List<Long> nonces = new ArrayList<>();
        for (Seen seen : stub.seen) {
            assertThat(seen.requestLine()).isEqualTo("POST /MarketSimulationStateUpdate HTTP/1.1");
            // Lower-case on the wire: the Python side matches header names case-sensitively.
            for (String name : seen.rawHeaderNames()) {
                if (name.startsWith("bt_") || List.of("name", "timeout", "computed_body_hash", "header_size",
                        "total_size").contains(name.toLowerCase())) {
                    assertThat(name).isEqualTo(name.toLowerCase());
                }
            }
            Map<String, String> h = seen.headers();
            assertThat(h).containsEntry("name", "MarketSimulationStateUpdate").containsEntry("timeout", "3.0")
                    .containsEntry("bt_header_axon_ip", "127.0.0.1")
                    .containsEntry("bt_header_axon_port", Integer.toString(stub.port()))
                    .containsEntry("bt_header_axon_hotkey", AXON_HOTKEY)
                    .containsEntry("bt_header_dendrite_ip", "203.0.113.5")
                    .containsEntry("bt_header_dendrite_version", "10005000")
                    .containsEntry("bt_header_dendrite_hotkey", VALIDATOR.ss58Address())
                    .containsEntry("bt_header_dendrite_uuid", dendrite.uuid())
                    .containsEntry("bt_header_input_obj_timestamp", "MA==")
                    .containsEntry("computed_body_hash", BodyHash.EMPTY)
                    .containsEntry("header_size", "0").containsEntry("total_size", "0")
                    .containsEntry("content-type", "application/json");
            assertThat(Long.parseLong(h.get("bt_header_dendrite_version")))
                    .isGreaterThanOrEqualTo(ProtocolVersion.NONCE_WINDOW_FROM);
            assertThat(UUID.fromString(h.get("bt_header_dendrite_uuid")).version()).isEqualTo(1);
            long nonce = Long.parseLong(h.get("bt_header_dendrite_nonce"));
            nonces.add(nonce);
            String signature = h.get("bt_header_dendrite_signature");
            assertThat(signature).matches("0x[0-9a-f]{128}");
            String message = nonce + "." + VALIDATOR.ss58Address() + "." + AXON_HOTKEY + "." + dendrite.uuid() + "."
                    + BodyHash.EMPTY;
            assertThat(Sr25519.verify(Ss58.decodeBittensor(h.get("bt_header_dendrite_hotkey")),
                    message.getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(signature.substring(2))))
                    .isTrue();

            Map<String, Object> body = Json.parseObject(seen.body());
            assertThat(body).containsEntry("name", "MarketSimulationStateUpdate").containsEntry("timestamp", 77L)
                    .containsEntry("computed_body_hash", "").containsEntry("compression_engine", "lz4")
                    .containsEntry("model", "im").containsEntry("version", 54L);
            Map<String, Object> d = (Map<String, Object>) body.get("dendrite");
            assertThat(d).containsEntry("nonce", nonce).containsEntry("hotkey", VALIDATOR.ss58Address())
                    .containsEntry("uuid", dendrite.uuid()).containsEntry("signature", signature)
                    .containsEntry("version", 10_005_000L);
            assertThat((Map<String, Object>) body.get("axon")).containsEntry("hotkey", AXON_HOTKEY)
                    .containsEntry("port", (long) stub.port());
        }
        assertThat(nonces.get(0)).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(nonces.get(1)).isEqualTo(nonces.get(0) + 1);
    }

    @Test
    void theGenTrxBodyHashIsSignedInTheMessage() throws Exception {
        stub = new Stub(seen -> http(200, Map.of(), "{\"axon\": {\"status_code\": 200}}"));
        Map<String, Object> fields = Json.parseObject(AxonInteropTest.assignmentBody("bkt")
                .getBytes(StandardCharsets.UTF_8));
        Dendrite.Reply reply = dendrite.call(target(), SynapseType.GENTRX_ASSIGNMENT, fields, Duration.ofSeconds(5));
        assertThat(reply.statusCode()).isEqualTo(200);
        Map<String, String> h = stub.seen.getFirst().headers();
        assertThat(h.get("computed_body_hash"))
                .isEqualTo("0b595c7e16e4046e96c5e0ba94379a01e56daf41643e74e68d996f9b2eec3717");
        assertThat(h).doesNotContainKey("bt_header_input_obj_timestamp");
    }

    @Test
    void readsRefusalsAndUnreadableAnswersAsThePythonDendriteDoes() throws Exception {
        stub = new Stub(seen -> switch (seen.headers().get("timeout")) {
            case "1.0" -> http(403, Map.of("bt_header_axon_status_code", "403"),
                    "{\"message\": \"Forbidden. Key is blacklisted: Non-validator hotkey.\"}");
            case "2.0" -> http(200, Map.of(), "{\"name\": \"MarketSimulationStateUpdate\"}");
            case "3.0" -> http(200, Map.of(), "<html>not json</html>");
            default -> http(200, Map.of("bt_header_axon_status_code", "500",
                    "bt_header_axon_status_message", "boom"), OK_BODY);
        });
        Dendrite.Reply refused = dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE, stateFields(),
                Duration.ofSeconds(1));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.statusMessage()).isEqualTo("Forbidden. Key is blacklisted: Non-validator hotkey.");
        assertThat(refused.success()).isFalse();

        Dendrite.Reply missingRequired = dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE,
                stateFields(), Duration.ofSeconds(2));
        assertThat(missingRequired.statusCode()).isEqualTo(422);
        assertThat(missingRequired.statusMessage())
                .isEqualTo("Failed to parse response: required field 'timestamp' is missing");

        Dendrite.Reply garbage = dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE, stateFields(),
                Duration.ofSeconds(3));
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.statusMessage()).isEqualTo("Failed to parse response");

        // Header values overwrite the JSON's axon info.
        Dendrite.Reply headerWins = dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE,
                stateFields(), Duration.ofSeconds(4));
        assertThat(headerWins.statusCode()).isEqualTo(500);
        assertThat(headerWins.statusMessage()).isEqualTo("boom");
        assertThat(headerWins.body()).isEmpty();
    }

    @Test
    void aSilentAxonIs408AndAClosedPortIs503() throws Exception {
        stub = new Stub(seen -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Dendrite.Reply silent = dendrite.call(target(), SynapseType.MARKET_SIMULATION_STATE_UPDATE, stateFields(),
                Duration.ofMillis(300));
        assertThat(silent.statusCode()).isEqualTo(408);
        assertThat(silent.statusMessage()).isEqualTo("Request timeout after 0.3 seconds");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Dendrite.Reply unreachable = dendrite.call(new Dendrite.AxonTarget("127.0.0.1", closedPort, AXON_HOTKEY),
                SynapseType.MARKET_SIMULATION_STATE_UPDATE, stateFields(), Duration.ofSeconds(1));
        assertThat(unreachable.statusCode()).isEqualTo(503);
    }

    @Test
    void uuidOneCarriesTheTimestamp() {
        String uuid = Dendrite.uuid1(1_700_000_000_000_000_000L, new java.security.SecureRandom());
        UUID parsed = UUID.fromString(uuid);
        assertThat(parsed.version()).isEqualTo(1);
        assertThat(parsed.variant()).isEqualTo(2);
        // UUID timestamps count 100 ns from 1582-10-15.
        assertThat(parsed.timestamp()).isEqualTo(17_000_000_000_000_000L + 0x01B21DD213814000L);
    }

    @Test
    void parsesAxonAddresses() {
        assertThat(Dendrite.AxonTarget.parse("192.222.59.109:6028", "hk"))
                .isEqualTo(new Dendrite.AxonTarget("192.222.59.109", 6028, "hk"));
        assertThat(Dendrite.AxonTarget.parse("[::1]:8091", "hk")).isEqualTo(new Dendrite.AxonTarget("::1", 8091, "hk"));
    }
}
