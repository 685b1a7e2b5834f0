package io.mvtrx.runtime.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.subtensor.fakenode.FakeSubtensorNode;
import io.mvtrx.runtime.subtensor.fakenode.Fixtures;
import io.mvtrx.runtime.subtensor.internal.Metadata;
import io.mvtrx.runtime.subtensor.internal.MetadataDecoder;
import io.mvtrx.runtime.subtensor.internal.ScaleException;
import io.mvtrx.runtime.subtensor.internal.ScaleReader;
import io.mvtrx.runtime.subtensor.internal.SignedExtensions;
import io.mvtrx.runtime.subtensor.internal.UnsupportedRuntimeException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding the recorded V14 and V15 metadata of spec 343 and checking its signed extensions. */
class MetadataTest {

    @ParameterizedTest
    @ValueSource(strings = {"metadata-v14.hex", "metadata-v15.hex"})
    void palletsCallsAndSignedExtensionsAreThoseOfTheVectors(String file) {
        Metadata m = MetadataDecoder.decode(FakeSubtensorNode.hex(Fixtures.text(file)));
        assertThat(m.version()).isEqualTo(file.contains("v14") ? 14 : 15);
        assertThat(m.extrinsicVersion()).isEqualTo(4);

        JsonObject calls = Fixtures.vector("metadata-v14-call-indices").getJsonObject("expected");
        calls.getJsonObject("palletIndices").forEach((pallet, index) ->
                assertThat(m.pallet(pallet).orElseThrow().index()).as(pallet)
                        .isEqualTo(((jakarta.json.JsonNumber) index).intValue()));
        assertThat(calls.getJsonArray("calls")).hasSize(11);
        for (JsonValue c : calls.getJsonArray("calls")) {
            JsonObject call = c.asJsonObject();
            Metadata.CallIndex found = m.call(call.getString("pallet"), call.getString("call")).orElseThrow();
            assertThat(found.callIndex()).as(call.getString("call")).isEqualTo(call.getInt("index"));
            assertThat(found.arguments()).as(call.getString("call"))
                    .isEqualTo(call.getJsonArray("args").getValuesAs(jakarta.json.JsonString::getString));
        }
        List<String> expected = Fixtures.vector("metadata-v14-signed-extensions").getJsonObject("expected")
                .getJsonArray("signedExtensions").getValuesAs(jakarta.json.JsonString::getString);
        assertThat(m.signedExtensions()).extracting(Metadata.SignedExtension::identifier).isEqualTo(expected);
        assertThat(SignedExtensions.of(m, 343).identifiers()).isEqualTo(expected);
        assertThat(m.pallet("MevShield")).isEmpty();
    }

    @Test
    void systemVersionConstantSaysSpec343AndStorageItemsCarryTheirHashersAndDefaults() {
        Metadata m = MetadataDecoder.decode(FakeSubtensorNode.hex(Fixtures.text("metadata-v14.hex")));
        ScaleReader version = new ScaleReader(m.constant("System", "Version").orElseThrow().value());
        assertThat(version.string()).isEqualTo("node-subtensor");
        assertThat(version.string()).isEqualTo("node-subtensor");
        version.u32(); // authoring version
        assertThat(version.u32()).isEqualTo(343);

        Metadata.StorageEntry uids = m.storage("SubtensorModule", "Uids").orElseThrow();
        assertThat(uids.hashers()).containsExactly(Metadata.Hasher.IDENTITY, Metadata.Hasher.BLAKE2_128_CONCAT);
        assertThat(uids.optional()).isTrue();
        Metadata.StorageEntry commitments = m.storage("Commitments", "CommitmentOf").orElseThrow();
        assertThat(commitments.hashers()).containsExactly(Metadata.Hasher.IDENTITY, Metadata.Hasher.TWOX_64_CONCAT);
        Metadata.StorageEntry cr = m.storage("SubtensorModule", "CommitRevealWeightsEnabled").orElseThrow();
        assertThat(m.types().get(cr.valueType())).isEqualTo(new Metadata.Primitive(0));
        Metadata.StorageEntry limit = m.storage("SubtensorModule", "WeightsSetRateLimit").orElseThrow();
        assertThat(m.types().get(limit.valueType())).isEqualTo(new Metadata.Primitive(6));
        assertThat(new ScaleReader(limit.defaultValue()).u64()).isEqualTo(100);
    }

    @Test
    void anUnknownSignedExtensionThatCarriesDataIsRefusedAndAnEmptyOneAccepted() {
        Metadata m = MetadataDecoder.decode(FakeSubtensorNode.hex(Fixtures.text("metadata-v14.hex")));
        int u32 = typeId(m, new Metadata.Primitive(5));
        Metadata.SignedExtension weight = m.signedExtensions().stream()
                .filter(e -> e.identifier().equals("CheckWeight")).findFirst().orElseThrow();
        List<Metadata.SignedExtension> withEmpty = new ArrayList<>(m.signedExtensions());
        withEmpty.add(new Metadata.SignedExtension("FutureEmptyCheck", weight.type(), weight.additionalSigned()));
        assertThat(SignedExtensions.of(copy(m, withEmpty), 400).identifiers()).contains("FutureEmptyCheck");

        List<Metadata.SignedExtension> withData = new ArrayList<>(m.signedExtensions());
        withData.add(new Metadata.SignedExtension("CheckFutureFee", u32, weight.additionalSigned()));
        assertThatThrownBy(() -> SignedExtensions.of(copy(m, withData), 400))
                .isInstanceOf(UnsupportedRuntimeException.class)
                .hasMessageStartingWith("runtime spec 400 has signed extension(s) CheckFutureFee that carry data "
                        + "this client does not know how to fill; refusing to sign transactions");
    }

    @Test
    void bytesThatAreNotMetadataAreRefusedWithTheReason() {
        assertThatThrownBy(() -> MetadataDecoder.decode(new byte[] {'m', 'e', 't', 'a', 13}))
                .isInstanceOf(ScaleException.class).hasMessage("metadata version 13 is not supported (14 and 15 are)");
        assertThatThrownBy(() -> MetadataDecoder.decode(new byte[] {9, 9, 9, 9, 9}))
                .hasMessageContaining("missing the \"meta\" magic");
    }

    private static Metadata copy(Metadata m, List<Metadata.SignedExtension> extensions) {
        return new Metadata(m.version(), m.types(), m.pallets(), m.extrinsicVersion(), extensions);
    }

    private static int typeId(Metadata m, Metadata.TypeDef def) {
        return m.types().entrySet().stream().filter(e -> e.getValue().equals(def)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
