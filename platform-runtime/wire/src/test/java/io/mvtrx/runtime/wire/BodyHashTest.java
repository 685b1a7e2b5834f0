package io.mvtrx.runtime.wire;

import java.security.MessageDigest;
import java.util.HexFormat;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyHashTest {

    private static ByteString bytes(String text) {
        return ByteString.copyFromUtf8(text);
    }

    @Test
    void hashesEachPartAfterItsEightByteBigEndianLength() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HexFormat.of().parseHex("0000000000000003"));
        sha.update("abc".getBytes());
        sha.update(HexFormat.of().parseHex("0000000000000000"));

        assertThat(BodyHash.of(bytes("abc"), ByteString.EMPTY)).isEqualTo(sha.digest());
    }

    @Test
    void movingBytesBetweenPartsChangesTheHash() {
        assertThat(BodyHash.of(bytes("ab"), bytes("c"))).isNotEqualTo(BodyHash.of(bytes("a"), bytes("bc")));
    }

    @Test
    void aPrefixFinishedPerMinerEqualsTheWholeHash() {
        BodyHash.Prefix books = BodyHash.prefix(bytes("the books of this step"));

        assertThat(books.finish(bytes("payload 1"))).isEqualTo(BodyHash.of(bytes("the books of this step"),
                bytes("payload 1")));
        assertThat(books.finish(bytes("payload 2"))).isEqualTo(BodyHash.of(bytes("the books of this step"),
                bytes("payload 2")));
    }
}
