package io.mvtrx.runtime.bittensor.keys.wallet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keystores written by @polkadot/keyring 14.0.3 (see make_polkadotjs_fixtures.mjs). */
class PolkadotJsKeystoreTest {

    private static final Path WHERE = Path.of("k3.json");

    @Test
    void anScryptKeystoreImportsWithItsPassword() {
        byte[] json = Fixtures.bytes("polkadotjs-k3-scrypt.json");
        assertThat(PolkadotJsKeystore.looksLikeKeystore(json)).isTrue();
        Sr25519Keypair pair = PolkadotJsKeystore.read(json, PasswordSource.of(Fixtures.PASSWORD), WHERE);
        // polkadot-js keeps the ed25519-form secret; the pair is K3's, secret included
        assertThat(pair).isEqualTo(Sr25519Keypair.fromUri(Fixtures.K3_PHRASE));
    }

    @Test
    void anUnencryptedKeystoreImportsWithoutAPassword() {
        Sr25519Keypair pair = PolkadotJsKeystore.read(Fixtures.bytes("polkadotjs-alice-none.json"),
                PasswordSource.none(), WHERE);
        assertThat(pair).isEqualTo(Sr25519Keypair.fromUri("//Alice"));
    }

    @Test
    void aWrongPasswordOrAChangedByteIsRefused() {
        byte[] json = Fixtures.bytes("polkadotjs-k3-scrypt.json");
        assertThatThrownBy(() -> PolkadotJsKeystore.read(json, PasswordSource.of("nope"), WHERE))
                .hasMessage("k3.json: wrong password, or the keystore was modified (xsalsa20-poly1305"
                        + " authentication failed)");
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf("\"encoded\":\"") + 11 + 100;
        String changed = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        assertThatThrownBy(() -> PolkadotJsKeystore.read(changed.getBytes(StandardCharsets.UTF_8),
                PasswordSource.of(Fixtures.PASSWORD), WHERE))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.WRONG_PASSWORD_OR_TAMPERED));
    }

    @Test
    void aKeystoreWhoseAddressWasEditedIsRefused() {
        String text = new String(Fixtures.bytes("polkadotjs-alice-none.json"), StandardCharsets.UTF_8)
                .replace("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", Fixtures.K3_ADDRESS);
        assertThatThrownBy(() -> PolkadotJsKeystore.read(text.getBytes(StandardCharsets.UTF_8), PasswordSource.none(),
                WHERE))
                .hasMessage("k3.json: address does not match the keystore's key: the file was modified or is corrupt");
    }

    @Test
    void otherKeyTypesAreRefusedByName() {
        String text = new String(Fixtures.bytes("polkadotjs-alice-none.json"), StandardCharsets.UTF_8)
                .replace("\"sr25519\"", "\"ed25519\"");
        assertThatThrownBy(() -> PolkadotJsKeystore.read(text.getBytes(StandardCharsets.UTF_8), PasswordSource.none(),
                WHERE))
                .hasMessage("k3.json: keystore content [pkcs8, ed25519] is not [pkcs8, sr25519]");
    }
}
