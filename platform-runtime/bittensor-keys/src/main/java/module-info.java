/**
 * Bittensor-compatible keys: sr25519 (schnorrkel over Ristretto255 with a Merlin transcript), Substrate mnemonics,
 * SS58 addresses, hard and soft key derivation, and btwallet wallet files (plain JSON, {@code $NACL}, and the legacy
 * Ansible Vault and Fernet formats).
 */
module io.mvtrx.runtime.bittensor.keys {
    requires cafe.cryptography.curve25519_elisabeth;
    requires org.bouncycastle.provider;
    requires jakarta.json;

    exports io.mvtrx.runtime.bittensor.keys;
    exports io.mvtrx.runtime.bittensor.keys.wallet;
}
