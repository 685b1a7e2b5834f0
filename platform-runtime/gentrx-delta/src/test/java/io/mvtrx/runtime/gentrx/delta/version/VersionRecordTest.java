package io.mvtrx.runtime.gentrx.delta.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;

class VersionRecordTest {

    @Test
    void writesTheDocumentedJsonAndParsesItBack() {
        var latest = new VersionRecord(6, Optional.of("gentrx/testnet/simulation/checkpoints/0/v00006.pt"), 3,
                Optional.empty());

        String json = new String(latest.toJson(), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"format\":\"mvtrx-gentrx-version\",\"format_version\":1,\"version\":6,"
                + "\"key\":\"gentrx/testnet/simulation/checkpoints/0/v00006.pt\",\"train_regime_version\":3}");
        assertThat(VersionRecord.parse(latest.toJson(), "latest.json")).isEqualTo(latest);
        var head = new VersionRecord(7, Optional.empty(), 3, Optional.of("ab".repeat(32)));
        assertThat(VersionRecord.parse(head.toJson(), "head.json")).isEqualTo(head);
    }

    @Test
    void refusesMalformedForeignAndNewerRecords() {
        assertRejected("{\"version\":6", Defect.MALFORMED_HEADER, "r: malformed JSON at offset 12: expected ',' or '}' in an object");
        assertRejected("{\"version\":6,\"key\":\"k\"}", Defect.WRONG_FORMAT,
                "r: record format is missing, expected \"mvtrx-gentrx-version\"");
        assertRejected("{\"format\":\"mvtrx-gentrx-version\",\"format_version\":2,\"version\":6}",
                Defect.UNSUPPORTED_VERSION, "r: mvtrx-gentrx-version format version 2 is not supported;"
                        + " this reader knows version 1");
        assertRejected("{\"format\":\"mvtrx-gentrx-version\",\"format_version\":1,\"version\":-6,"
                + "\"train_regime_version\":3}", Defect.BAD_FIELD,
                "r: record version must be in [0, 9223372036854775807], got -6");
        assertRejected("{\"format\":\"mvtrx-gentrx-version\",\"format_version\":1,\"version\":6,"
                + "\"train_regime_version\":3,\"state_hash\":\"XYZ\"}", Defect.BAD_FIELD,
                "r: record state hash must be 64 lowercase hex digits, got \"XYZ\"");
    }

    @Test
    void hashesTensorsInNameOrderAsNameBytesThenLittleEndianFloats() throws Exception {
        var model = new TensorSet(List.of(new Tensor("w", new int[] {1}, new float[] {1}),
                new Tensor("b", new int[] {1}, new float[] {-2})));
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        digest.update("b".getBytes(StandardCharsets.UTF_8));
        digest.update(new byte[] {0, 0, 0, (byte) 0xC0});        // -2.0f little-endian
        digest.update("w".getBytes(StandardCharsets.UTF_8));
        digest.update(new byte[] {0, 0, (byte) 0x80, 0x3F});     // 1.0f little-endian
        assertThat(StateHash.of(model)).isEqualTo(java.util.HexFormat.of().formatHex(digest.digest()));
    }

    private static void assertRejected(String json, Defect defect, String message) {
        assertThatThrownBy(() -> VersionRecord.parse(json.getBytes(StandardCharsets.UTF_8), "r"))
                .isInstanceOfSatisfying(TensorFileException.class, e -> assertThat(e.defect()).isEqualTo(defect))
                .hasMessage(message);
    }
}
