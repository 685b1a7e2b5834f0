package io.mvtrx.runtime.bittensor.keys.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The legacy Fernet format against python-cryptography's token (see wallet/make_fixtures.py). */
class LegacyFernetTest {

    private static byte[] token;
    private static byte[] key;

    @BeforeAll
    static void deriveTheKeyOnce() throws IOException {
        try (InputStream in = LegacyFernetTest.class.getResourceAsStream(
                "/io/mvtrx/runtime/bittensor/keys/wallet/k3-legacy-fernet.keyfile")) {
            token = in.readAllBytes();
        }
        key = LegacyFernet.deriveKey("correct horse battery staple".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decryptsTheTokenToTheKeyfileJson() {
        assertThat(new String(LegacyFernet.decrypt(token, key), StandardCharsets.UTF_8))
                .startsWith("{\"accountId\":\"0xe4359ad3").contains("\"ss58Address\":\"5HDvhV6W");
    }

    @Test
    void aChangedCiphertextByteFailsTheHmac() {
        byte[] raw = Base64.getUrlDecoder().decode(new String(token, StandardCharsets.US_ASCII).strip());
        raw[40] ^= 1;
        byte[] changed = Base64.getUrlEncoder().encode(raw);
        assertThat(LegacyFernet.decrypt(changed, key)).isNull();
    }

    @Test
    void anotherKeyFailsTheHmac() {
        byte[] other = key.clone();
        other[0] ^= 1;
        assertThat(LegacyFernet.decrypt(token, other)).isNull();
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> LegacyFernet.decrypt("gAAAAA!!".getBytes(StandardCharsets.US_ASCII), key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Fernet token is not base64url");
    }
}
