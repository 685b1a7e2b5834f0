package io.mvtrx.runtime.bittensor.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.bittensor.axon.payload.GenTrxAssignment;
import io.mvtrx.runtime.bittensor.keys.Sr25519;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.Ss58;

/** Every vector of bittensor-fixtures/vectors.json that touches the axon wire (bittensor.md §1). */
class WireVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sha3VectorsAndTheEmptyBodyHash() {
        List<Map<String, Object>> hashes = TestResources.vectors("hash").stream()
                .filter(v -> ((Map<?, ?>) v.get("inputs")).get("algorithm").equals("SHA3-256")).toList();
        assertThat(hashes).hasSize(2);
        for (Map<String, Object> v : hashes) {
            String message = (String) ((Map<?, ?>) v.get("inputs")).get("messageUtf8");
            assertThat(BodyHash.sha3Hex(message)).isEqualTo(((Map<?, ?>) v.get("expected")).get("digestHex"));
        }
        Map<String, Object> empty = TestResources.vector("body-hash-empty-required-fields");
        assertThat(BodyHash.of(List.of())).isEqualTo(((Map<?, ?>) empty.get("expected")).get("bodyHash"))
                .isEqualTo(BodyHash.EMPTY);
    }

    @Test
    @SuppressWarnings("unchecked")
    void genTrxBodyHashFromPythonStrRenderingsAndFromTheTypedFields() {
        Map<String, Object> v = TestResources.vector("body-hash-gentrx-assignment");
        List<Map<String, Object>> fields = (List<Map<String, Object>>) ((Map<?, ?>) v.get("inputs")).get("fields");
        List<Map<String, Object>> digests =
                (List<Map<String, Object>>) ((Map<?, ?>) v.get("expected")).get("fieldDigests");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Map<String, Object> f = fields.get(i);
            // Our rendering of the JSON value equals the vector's Python str() text, field by field.
            assertThat(BodyHash.pyStr(f.get("value"))).isEqualTo(f.get("pythonStr"));
            assertThat(BodyHash.sha3Hex((String) f.get("pythonStr"))).isEqualTo(digests.get(i).get("digestHex"));
            body.put((String) f.get("name"), f.get("value"));
        }
        assertThat(fields.stream().map(f -> f.get("name")).toList())
                .isEqualTo(SynapseType.GENTRX_ASSIGNMENT.hashFields());
        String expected = "0b595c7e16e4046e96c5e0ba94379a01e56daf41643e74e68d996f9b2eec3717";
        assertThat(((Map<?, ?>) v.get("expected")).get("bodyHash")).isEqualTo(expected);
        assertThat(BodyHash.of(fields.stream().map(f -> (String) f.get("pythonStr")).toList())).isEqualTo(expected);
        GenTrxAssignment assignment = GenTrxAssignment.from(body);
        assertThat(BodyHash.of(SynapseType.GENTRX_ASSIGNMENT.hashFields().stream()
                .map(name -> BodyHash.pyStr(assignment.fields().get(name))).toList())).isEqualTo(expected);
    }

    @Test
    void pythonReprQuotesAsPythonDoes() {
        assertThat(BodyHash.pyRepr(List.of("it's", "a\"b", "x\\y\n"))).isEqualTo("[\"it's\", 'a\"b', 'x\\\\y\\n']");
        assertThat(BodyHash.pyRepr(List.of())).isEqualTo("[]");
        assertThat(BodyHash.pyStr(Map.of("k", 1L))).isEqualTo("{'k': 1}");
        assertThat(BodyHash.pyStr(true)).isEqualTo("True");
    }

    @Test
    void inputObjectHeadersAndTheVersionInteger() {
        for (Map<String, Object> v : TestResources.vectors("axon-header")) {
            Map<?, ?> in = (Map<?, ?>) v.get("inputs");
            String expected = (String) ((Map<?, ?>) v.get("expected")).get("headerValue");
            if (in.containsKey("defaultJson")) {
                assertThat(Base64.getEncoder().encodeToString(
                        ((String) in.get("defaultJson")).getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
            } else {
                assertThat(Integer.toString(ProtocolVersion.headerValue((String) in.get("version"))))
                        .isEqualTo(expected).isEqualTo(Integer.toString(ProtocolVersion.BITTENSOR));
            }
        }
        assertThat(ProtocolVersion.BITTENSOR).isGreaterThanOrEqualTo(ProtocolVersion.NONCE_WINDOW_FROM);
    }

    @Test
    void theDendriteMessageVectorIsTheMessageAndSignatureOurDendriteWouldSend() {
        Map<String, Object> v = TestResources.vector("sig-K1-dendrite-message");
        Map<?, ?> in = (Map<?, ?>) v.get("inputs");
        Map<?, ?> parts = (Map<?, ?>) in.get("messageParts");
        Map<?, ?> expected = (Map<?, ?>) v.get("expected");
        String message = parts.get("nonce") + "." + parts.get("dendriteHotkey") + "." + parts.get("axonHotkey") + "."
                + parts.get("uuid") + "." + parts.get("bodyHash");
        assertThat(message).isEqualTo(in.get("messageUtf8"));
        Sr25519Keypair k1 = Sr25519Keypair.fromMiniSecret(HEX.parseHex((String) in.get("signerMiniSeedHex")));
        assertThat(k1.ss58Address()).isEqualTo(parts.get("dendriteHotkey"));
        byte[] signature = k1.sign(message.getBytes(StandardCharsets.UTF_8), new byte[32]);
        assertThat("0x" + HEX.formatHex(signature)).isEqualTo(expected.get("headerValue"));
        assertThat(Sr25519.verifyRawOrWrapped(Ss58.decodeBittensor((String) parts.get("dendriteHotkey")),
                message.getBytes(StandardCharsets.UTF_8), signature)).isTrue();
    }
}
