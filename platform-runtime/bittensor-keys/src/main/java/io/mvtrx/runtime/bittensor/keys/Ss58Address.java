package io.mvtrx.runtime.bittensor.keys;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A decoded SS58 address: the network prefix and the 32-byte public key (account id).
 *
 * @param prefix    network prefix, 0..16383 (Bittensor: 42)
 * @param publicKey the 32-byte account id; copied in and out
 */
public record Ss58Address(int prefix, byte[] publicKey) {

    /** Checks the prefix range and key length and copies the key. */
    public Ss58Address {
        if (prefix < 0 || prefix > Ss58.MAX_PREFIX) {
            throw new KeyException("SS58 prefix must be 0..%d, got %d", Ss58.MAX_PREFIX, prefix);
        }
        if (publicKey.length != 32) {
            throw new KeyException("an SS58 account id must be 32 bytes, got %d", publicKey.length);
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The address text. */
    public String encode() {
        return Ss58.encode(publicKey, prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ss58Address a && a.prefix == prefix && Arrays.equals(a.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * prefix + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Ss58Address[prefix=" + prefix + ", publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
