package io.mvtrx.runtime.bittensor.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.bittensor.axon.internal.Json;
import io.mvtrx.runtime.bittensor.axon.payload.CompressedPart;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.axon.payload.GenTrxAssignment;
import io.mvtrx.runtime.bittensor.axon.payload.ResponseMapping;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;

/**
 * Requests built as the Python dendrite builds them (bittensor.md §1.2–1.4), written out here header by header and
 * independently of {@link Dendrite}, sent over loopback HTTP to our {@link Axon}. The golden request is the
 * specification's signature vector: K1 calls K3's axon with nonce 1700000000000000000, its body the Python-packed
 * state of make_vectors.py.
 */
class AxonInteropTest {

    static final String K1 = "5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu";
    static final String K3 = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
    static final long NONCE = 1_700_000_000_000_000_000L;
    static final String UUID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    static final String GOLDEN_SIGNATURE = "0x20230ac29f7213522578e9d941d09870a1fa3fa0d7cbe3b712406dcd734f89556cbddefeeb"
            + "23ce9339608c1c6cedbc2d00bf9d7089d44fd345a7c2517b8e428e";
    static final Sr25519Keypair K1_PAIR = Sr25519Keypair.fromMiniSecret(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    static final AgentResponse ANSWER = new AgentResponse(3, List.of(new PlaceLimit(0, Side.BUY, 30_005, 10_000,
            Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO, 9, SettleFlag.NONE, 0, 0, 0)));

    final AtomicLong clock = new AtomicLong(NONCE + 1_000_000_000L);
    final CountingAgent agent = new CountingAgent();
    final List<GenTrxAssignment> assignments = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, Neuron> metagraph = new LinkedHashMap<>(Map.of(K1, neuron(K1, true)));
    Axon axon;

    static Neuron neuron(String hotkey, boolean permit) {
        return new Neuron(7, hotkey, "cold", 1_000_000_000_000L, permit, "", 0, 0);
    }

    static final class CountingAgent implements TradingAgent {
        final AtomicInteger calls = new AtomicInteger();
        volatile StateUpdate lastState;

        @Override
        public void start(int agentId, SimulationInfo simulation) {
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            calls.incrementAndGet();
            lastState = state;
            return ANSWER;
        }
    }

    Axon axon() {
        return axon(AxonConfig.defaults(K3, 0).withHost("127.0.0.1"));
    }

    Axon axon(AxonConfig config) {
        axon = Axon.start(config, agent, hotkey -> Optional.ofNullable(metagraph.get(hotkey)), clock::get,
                assignments::add);
        return axon;
    }

    @AfterEach
    void close() {
        if (axon != null) {
            axon.close();
        }
        http.close();
    }

    /** The headers the Python dendrite sends for a MarketSimulationStateUpdate, with the vector's values. */
    static Map<String, String> goldenHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("name", "MarketSimulationStateUpdate");
        h.put("timeout", "3.0");
        h.put("bt_header_axon_ip", "127.0.0.1");
        h.put("bt_header_axon_port", "8091");
        h.put("bt_header_axon_hotkey", K3);
        h.put("bt_header_dendrite_ip", "203.0.113.5");
        h.put("bt_header_dendrite_version", "10005000");
        h.put("bt_header_dendrite_nonce", Long.toString(NONCE));
        h.put("bt_header_dendrite_uuid", UUID);
        h.put("bt_header_dendrite_hotkey", K1);
        h.put("bt_header_dendrite_signature", GOLDEN_SIGNATURE);
        h.put("bt_header_input_obj_timestamp", "MA==");
        h.put("header_size", "0");
        h.put("total_size", "0");
        h.put("computed_body_hash", BodyHash.EMPTY);
        return h;
    }

    /** The JSON body: every synapse field, the state parts as Python packed them (lz4). */
    @SuppressWarnings("unchecked")
    static String goldenBody(String booksPart, String payloadPart) {
        Map<String, Object> parts = (Map<String, Object>) ((Map<String, Object>) TestResources.python().get("state"))
                .get("lz4");
        String books = booksPart != null ? booksPart : (String) parts.get("books");
        String payload = payloadPart != null ? payloadPart : (String) parts.get("payload");
        return """
                {"name": "MarketSimulationStateUpdate", "timeout": 3.0, "total_size": 0, "header_size": 0,
                 "dendrite": {"status_code": null, "status_message": null, "process_time": null,
                   "ip": "203.0.113.5", "port": null, "version": 10005000, "nonce": %d,
                   "uuid": "%s", "hotkey": "%s", "signature": "%s"},
                 "axon": {"status_code": null, "status_message": null, "process_time": null, "ip": "127.0.0.1",
                   "port": 8091, "version": null, "nonce": null, "uuid": null, "hotkey": "%s", "signature": null},
                 "computed_body_hash": "", "model": "im", "version": 54, "timestamp": 5000000000,
                 "config": null, "books": null, "accounts": null, "notices": null, "response": null,
                 "compressed": {"books": "%s", "payload": "%s"}, "compression_engine": "lz4"}
                """.formatted(NONCE, UUID, K1, GOLDEN_SIGNATURE, K3, books, payload);
    }

    HttpResponse<String> post(String route, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + axon.port() + "/" + route))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Re-signs {@code h} with K1 for K3 after a header change (nonce, body hash). */
    static Map<String, String> signed(Map<String, String> h) {
        String message = h.get("bt_header_dendrite_nonce") + "." + K1 + "." + K3 + "." + UUID + "."
                + h.get("computed_body_hash");
        h.put("bt_header_dendrite_signature",
                "0x" + HexFormat.of().formatHex(K1_PAIR.sign(message.getBytes(StandardCharsets.UTF_8))));
        return h;
    }

    static String message(HttpResponse<String> response) {
        return (String) Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8)).get("message");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGoldenPythonRequestIsAnsweredWithInstructionsAndStatus200InJsonAndHeaders() throws Exception {
        axon();
        HttpResponse<String> response = post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("bt_header_axon_status_code")).contains("200");
        assertThat(response.headers().firstValue("bt_header_axon_status_message")).contains("Success");
        assertThat(response.headers().firstValue("bt_header_dendrite_nonce")).contains(Long.toString(NONCE));
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        Map<String, Object> json = Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8));
        // Re-parses as the same class: the required timestamp is there.
        assertThat(json.get("timestamp")).isEqualTo(5_000_000_000L);
        Map<String, Object> axonInfo = (Map<String, Object>) json.get("axon");
        assertThat(axonInfo.get("status_code")).isEqualTo(200L);
        assertThat(axonInfo.get("status_message")).isEqualTo("Success");
        assertThat(axonInfo.get("hotkey")).isEqualTo(K3);
        assertThat(json.get("compression_engine")).isEqualTo("lz4");
        assertThat(json.get("books")).isNull();

        Map<String, Object> compressed = (Map<String, Object>) json.get("compressed");
        assertThat(CompressedPart.decode((String) compressed.get("books"), Compression.LZ4, true, 1000)).isNull();
        Map<?, ?> payload = (Map<?, ?>) CompressedPart.decode((String) compressed.get("payload"), Compression.LZ4,
                true, 1 << 20);
        assertThat(List.copyOf(payload.keySet())).isEqualTo(List.of("pools", "accounts", "notices", "config", "response"));
        assertThat(ResponseMapping.decode(payload.get("response"), BookDecimals.REFERENCE)).isEqualTo(ANSWER);

        assertThat(agent.calls.get()).isEqualTo(1);
        assertThat(agent.lastState.accounts().get(0).quote().free()).isEqualTo(460_001_234_567_890L);
        assertThat(axon.forwarded()).isEqualTo(1);
    }

    @Test
    void theNonceWindowIsFourSecondsPlusTheTimeout() throws Exception {
        axon();
        clock.set(NONCE + 7_000_000_000L);
        HttpResponse<String> stale = post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null));
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(message(stale)).isEqualTo("Not Verified with error: Nonce is too old: acceptable delta is 7.00"
                + " seconds but request was 7.00 seconds old");
        assertThat(stale.headers().firstValue("bt_header_axon_status_code")).contains("401");
        assertThat(agent.calls.get()).isZero();

        clock.set(NONCE + 7_000_000_000L - 1);
        assertThat(post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null)).statusCode())
                .isEqualTo(200);
        assertThat(agent.calls.get()).isEqualTo(1);
    }

    @Test
    void aReplayIsRefusedAndOnlyTheFirstReachesTheAgent() throws Exception {
        axon();
        assertThat(post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(message(replay)).isEqualTo(
                "Not Verified with error: Nonce is too old, a newer one was last processed");
        assertThat(agent.calls.get()).isEqualTo(1);
        // A later nonce from the same caller is fine.
        Map<String, String> next = goldenHeaders();
        next.put("bt_header_dendrite_nonce", Long.toString(NONCE + 1));
        assertThat(post("MarketSimulationStateUpdate", signed(next), goldenBody(null, null)).statusCode())
                .isEqualTo(200);
        assertThat(agent.calls.get()).isEqualTo(2);
    }

    @Test
    void aForgedOrMissingSignatureIs401() throws Exception {
        axon();
        Map<String, String> forged = goldenHeaders();
        forged.put("bt_header_dendrite_signature", GOLDEN_SIGNATURE.substring(0, 10) + "0"
                + GOLDEN_SIGNATURE.substring(11));
        HttpResponse<String> response = post("MarketSimulationStateUpdate", forged, goldenBody(null, null));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(message(response)).startsWith("Not Verified with error: Signature mismatch with " + NONCE + "."
                + K1 + "." + K3 + "." + UUID + "." + BodyHash.EMPTY);

        // Signed for another axon's hotkey: the message uses this axon's own hotkey, so it fails.
        Map<String, String> elsewhere = goldenHeaders();
        String otherAxon = Sr25519Keypair.fromMiniSecret(new byte[32]).ss58Address();
        String message = NONCE + "." + K1 + "." + otherAxon + "." + UUID + "." + BodyHash.EMPTY;
        elsewhere.put("bt_header_dendrite_signature",
                "0x" + HexFormat.of().formatHex(K1_PAIR.sign(message.getBytes(StandardCharsets.UTF_8))));
        assertThat(post("MarketSimulationStateUpdate", elsewhere, goldenBody(null, null)).statusCode()).isEqualTo(401);

        Map<String, String> unsigned = goldenHeaders();
        unsigned.remove("bt_header_dendrite_signature");
        HttpResponse<String> none = post("MarketSimulationStateUpdate", unsigned, goldenBody(null, null));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(message(none)).isEqualTo("Not Verified with error: Missing signature");
        Map<String, String> noNonce = goldenHeaders();
        noNonce.remove("bt_header_dendrite_nonce");
        assertThat(message(post("MarketSimulationStateUpdate", noNonce, goldenBody(null, null))))
                .isEqualTo("Not Verified with error: Missing Nonce");
        assertThat(agent.calls.get()).isZero();
        assertThat(axon.refused(401)).isEqualTo(4);
    }

    @Test
    void unregisteredAndNonValidatorCallersAre403UnlessAllowed() throws Exception {
        metagraph.clear();
        axon();
        HttpResponse<String> unknown = post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(message(unknown)).isEqualTo("Forbidden. Key is blacklisted: Unrecognized hotkey.");

        metagraph.put(K1, neuron(K1, false));
        HttpResponse<String> noPermit = post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null));
        assertThat(noPermit.statusCode()).isEqualTo(403);
        assertThat(message(noPermit)).isEqualTo("Forbidden. Key is blacklisted: Non-validator hotkey.");
        assertThat(agent.calls.get()).isZero();
        axon.close();

        axon(AxonConfig.defaults(K3, 0).withHost("127.0.0.1").withBlacklist(false, true));
        assertThat(post("MarketSimulationStateUpdate", goldenHeaders(), goldenBody(null, null)).statusCode())
                .isEqualTo(200);
        assertThat(agent.calls.get()).isEqualTo(1);
    }

    @Test
    void malformedHeadersAre400AndAnUnknownRouteIs404() throws Exception {
        axon();
        Map<String, String> noInputObj = goldenHeaders();
        noInputObj.remove("bt_header_input_obj_timestamp");
        HttpResponse<String> r400 = post("MarketSimulationStateUpdate", noInputObj, goldenBody(null, null));
        assertThat(r400.statusCode()).isEqualTo(400);
        assertThat(message(r400)).isEqualTo("Improperly formatted request. Could not parse headers into synapse of"
                + " type MarketSimulationStateUpdate: required field 'timestamp' has no bt_header_input_obj_timestamp"
                + " header");
        Map<String, String> badNonce = goldenHeaders();
        badNonce.put("bt_header_dendrite_nonce", "soon");
        assertThat(post("MarketSimulationStateUpdate", badNonce, goldenBody(null, null)).statusCode()).isEqualTo(400);
        Map<String, String> badTimeout = goldenHeaders();
        badTimeout.put("timeout", "-1");
        assertThat(post("MarketSimulationStateUpdate", badTimeout, goldenBody(null, null)).statusCode())
                .isEqualTo(400);

        HttpResponse<String> r404 = post("MarketSimulationStateUpdatez", goldenHeaders(), goldenBody(null, null));
        assertThat(r404.statusCode()).isEqualTo(404);
        assertThat(message(r404)).isEqualTo("Synapse name 'MarketSimulationStateUpdatez' not found. Available"
                + " synapses [MarketSimulationStateUpdate, FinanceEventNotification, EventNotification,"
                + " GenTRXAssignment, Synapse]");
        assertThat(agent.calls.get()).isZero();
    }

    @Test
    void aSignedBodyHashThatDoesNotMatchTheBodyIs500() throws Exception {
        axon();
        Map<String, String> h = goldenHeaders();
        h.put("computed_body_hash", "00".repeat(32));
        HttpResponse<String> response = post("MarketSimulationStateUpdate", signed(h), goldenBody(null, null));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(message(response)).startsWith("Internal Server Error #");
        assertThat(agent.calls.get()).isZero();
    }

    @Test
    void malformedBodiesAndPayloadsAre500BeforeTheAgent() throws Exception {
        axon();
        Map<String, String> h = goldenHeaders();
        assertThat(post("MarketSimulationStateUpdate", h, "{not json").statusCode()).isEqualTo(500);
        h.put("bt_header_dendrite_nonce", Long.toString(NONCE + 1));
        assertThat(post("MarketSimulationStateUpdate", signed(h), goldenBody("AAAA", null)).statusCode())
                .isEqualTo(500);
        h.put("bt_header_dendrite_nonce", Long.toString(NONCE + 2));
        String garbledPayload = CompressedPart.encode(Map.of("accounts", List.of(1L)), Compression.LZ4, true);
        assertThat(post("MarketSimulationStateUpdate", signed(h), goldenBody(null, garbledPayload)).statusCode())
                .isEqualTo(500);
        assertThat(agent.calls.get()).isZero();
        assertThat(axon.refused(500)).isEqualTo(3);
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingElse() throws Exception {
        axon(AxonConfig.defaults(K3, 0).withHost("127.0.0.1").withMaxRequestBytes(4096));
        String body = goldenBody(null, null);
        assertThat(body.length()).isLessThan(4096);
        assertThat(post("MarketSimulationStateUpdate", goldenHeaders(), body + " ".repeat(5000)).statusCode())
                .isEqualTo(413);
        assertThat(agent.calls.get()).isZero();
        // Within the limit the same request passes.
        assertThat(post("MarketSimulationStateUpdate", goldenHeaders(), body).statusCode()).isEqualTo(200);
    }

    /** A GenTRXAssignment with the vector's fields; its signed body hash is the vector's. */
    static String assignmentBody(String bucket) {
        return """
                {"name": "GenTRXAssignment", "timeout": 5.0, "total_size": 0, "header_size": 0,
                 "dendrite": {}, "axon": {}, "computed_body_hash": "",
                 "round": 12, "model_version": 3, "books": ["0", "1"], "ts_start": 1000, "ts_end": 2000,
                 "data": ["a/b.parquet"], "data_source": "s3", "data_endpoint": "", "data_bucket": "%s",
                 "data_access_key": "AK", "data_secret_key": "SK", "validator_uid": 5, "advice": {"lr": 0.001}}
                """.formatted(bucket);
    }

    @Test
    void aGenTrxAssignmentIsCheckedAgainstItsSignedBodyHash() throws Exception {
        axon();
        Map<String, String> h = goldenHeaders();
        h.put("name", "GenTRXAssignment");
        h.put("timeout", "5.0");
        h.remove("bt_header_input_obj_timestamp");
        h.put("computed_body_hash", "0b595c7e16e4046e96c5e0ba94379a01e56daf41643e74e68d996f9b2eec3717");
        HttpResponse<String> ok = post("GenTRXAssignment", signed(h), assignmentBody("bkt"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(assignments).hasSize(1);
        assertThat(assignments.getFirst().books()).containsExactly("0", "1");
        assertThat(assignments.getFirst().validatorUid()).isEqualTo(5);

        h.put("bt_header_dendrite_nonce", Long.toString(NONCE + 1));
        HttpResponse<String> tampered = post("GenTRXAssignment", signed(h), assignmentBody("evil"));
        assertThat(tampered.statusCode()).isEqualTo(500);
        assertThat(assignments).hasSize(1);
    }

    @Test
    void theSynapsePingAndNotificationsAreAcknowledged() throws Exception {
        axon();
        Map<String, String> h = goldenHeaders();
        h.put("name", "Synapse");
        h.remove("bt_header_input_obj_timestamp");
        assertThat(post("Synapse", signed(h), "{\"name\": \"Synapse\"}").statusCode()).isEqualTo(200);

        h.put("bt_header_dendrite_nonce", Long.toString(NONCE + 1));
        h.put("name", "EventNotification");
        HttpResponse<String> ack = post("EventNotification", signed(h),
                "{\"name\": \"EventNotification\", \"event\": {\"y\": \"ESE\", \"t\": 99}, \"acknowledged\": false}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(ack.body().getBytes(StandardCharsets.UTF_8)).get("acknowledged")).isEqualTo(true);
        assertThat(agent.calls.get()).isZero();
        assertThat(axon.agent().calls()).isEqualTo(1);
    }

    @Test
    void theClientIdOfTheAnswerSurvivesAsPythonReadsIt() {
        // Order.NO_CLIENT_ID is written as null, a real id as an int.
        Map<Object, Object> dump = ResponseMapping.encode(ANSWER, BookDecimals.REFERENCE);
        assertThat(dump.toString()).contains("clientOrderId=9");
        assertThat(Order.NO_CLIENT_ID).isEqualTo(-1);
    }
}
