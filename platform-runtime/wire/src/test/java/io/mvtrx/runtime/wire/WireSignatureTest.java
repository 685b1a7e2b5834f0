package io.mvtrx.runtime.wire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WireSignatureTest {

    private static final byte[] HASH = HexFormat.of().parseHex(
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    @TempDir
    Path dir;

    private Keypair validator;

    @BeforeEach
    void keys() {
        WalletStore wallets = new WalletStore(dir);
        wallets.createColdkey("owner");
        validator = wallets.createHotkey("owner", "validator");
    }

    @Test
    void signsTheDocumentedString() {
        byte[] bytes = WireSignature.signingBytes("Respond", 1_779_554_640_000_000_000L, "abc", "def", HASH);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("mvtrx.wire.v1|Respond|1779554640000000000"
                + "|abc|def|00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    }

    @Test
    void anEnvelopeVerifiesForItsMethodOnly() {
        MinerProto.Envelope envelope = WireSignature.sign(validator, "Respond", 42, "ff00", HASH);

        assertThat(envelope.getSenderHotkey()).isEqualTo(validator.address());
        assertThat(envelope.getReceiverHotkey()).isEqualTo("ff00");
        assertThat(envelope.getNonce()).isEqualTo(42);
        assertThat(envelope.getBodySha256().toByteArray()).isEqualTo(HASH);
        assertThat(envelope.getSignature().size()).isEqualTo(64);
        assertThat(Keypair.verify(validator.publicKeyBytes(),
                WireSignature.signingBytes("Respond", 42, validator.address(), "ff00", HASH),
                envelope.getSignature().toByteArray())).isTrue();
        assertThat(WireSignature.verify(envelope, "Respond")).isTrue();
        assertThat(WireSignature.verify(envelope, "Notify")).isFalse();
    }

    @Test
    void anyChangedFieldBreaksTheSignature() {
        MinerProto.Envelope envelope = WireSignature.sign(validator, "Respond", 42, "ff00", HASH);

        assertThat(WireSignature.verify(envelope.toBuilder().setNonce(43).build(), "Respond")).isFalse();
        assertThat(WireSignature.verify(envelope.toBuilder().setReceiverHotkey("ff01").build(), "Respond")).isFalse();
        byte[] otherHash = HASH.clone();
        otherHash[31] ^= 1;
        assertThat(WireSignature.verify(envelope.toBuilder().setBodySha256(ByteString.copyFrom(otherHash)).build(),
                "Respond")).isFalse();
    }

    @Test
    void aSenderThatIsNotAHexKeyNeverVerifies() {
        MinerProto.Envelope envelope = WireSignature.sign(validator, "Respond", 42, "ff00", HASH);

        assertThat(WireSignature.verify(envelope.toBuilder().setSenderHotkey("5GrwvaEF").build(), "Respond"))
                .isFalse();
    }

    @Test
    void hotkeysAreLettersAndDigitsOnly() {
        assertThat(WireSignature.isWellFormedHotkey(validator.address())).isTrue();
        assertThat(WireSignature.isWellFormedHotkey("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).isTrue();
        assertThat(WireSignature.isWellFormedHotkey("a|b")).isFalse();
        assertThat(WireSignature.isWellFormedHotkey("")).isFalse();
        assertThat(WireSignature.isWellFormedHotkey("a".repeat(129))).isFalse();
    }
}
