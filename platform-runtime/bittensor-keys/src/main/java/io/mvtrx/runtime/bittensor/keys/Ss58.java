package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import io.mvtrx.runtime.bittensor.keys.internal.Base58;
import io.mvtrx.runtime.bittensor.keys.internal.Digests;

/**
 * SS58 addresses of 32-byte account ids: {@code base58(prefix ‖ key ‖ blake2b-512("SS58PRE" ‖ prefix ‖ key)[0..2])},
 * with the one-byte prefix form for 0..63 and the two-byte form for 64..16383. Stateless and thread-safe.
 */
public final class Ss58 {

    /** Bittensor's network prefix (Subtensor's {@code SS58Prefix}). */
    public static final int BITTENSOR_PREFIX = 42;
    /** Largest prefix the two-byte form can carry. */
    public static final int MAX_PREFIX = 16383;

    private static final byte[] CHECKSUM_PREAMBLE = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_LENGTH = 2;

    private Ss58() {
    }

    /** The Bittensor (prefix 42) address of a public key. */
    public static String encode(byte[] publicKey) {
        return encode(publicKey, BITTENSOR_PREFIX);
    }

    /** The address of a public key under a network prefix. */
    public static String encode(byte[] publicKey, int prefix) {
        if (publicKey.length != 32) {
            throw new KeyException("an SS58 account id must be 32 bytes, got %d", publicKey.length);
        }
        byte[] head = prefixBytes(prefix);
        byte[] checksum = checksum(head, publicKey);
        byte[] all = new byte[head.length + 32 + CHECKSUM_LENGTH];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(publicKey, 0, all, head.length, 32);
        System.arraycopy(checksum, 0, all, head.length + 32, CHECKSUM_LENGTH);
        return Base58.encode(all);
    }

    /** Decodes and checks an address of any prefix. */
    public static Ss58Address decode(String address) {
        byte[] data;
        try {
            data = Base58.decode(address.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyException("'%s' is not an SS58 address: %s", address, e.getMessage());
        }
        if (data.length == 0) {
            throw new KeyException("'%s' is not an SS58 address: empty", address);
        }
        int first = data[0] & 0xff;
        int prefixLength;
        int prefix;
        if (first < 64) {
            prefixLength = 1;
            prefix = first;
        } else if (first < 128 && data.length > 1) {
            // 01aaaaaa bbcccccc is the little-endian 14-bit value aaaaaabb 00cccccc
            int second = data[1] & 0xff;
            int lower = ((first << 2) | (second >>> 6)) & 0xff;
            int upper = second & 0b0011_1111;
            prefixLength = 2;
            prefix = lower | (upper << 8);
        } else {
            throw new KeyException("'%s' is not an SS58 address: invalid prefix byte %d", address, first);
        }
        if (data.length != prefixLength + 32 + CHECKSUM_LENGTH) {
            throw new KeyException("'%s' is not an SS58 address of a 32-byte account: decodes to %d bytes, expected %d",
                    address, data.length, prefixLength + 32 + CHECKSUM_LENGTH);
        }
        byte[] head = Arrays.copyOfRange(data, 0, prefixLength);
        byte[] key = Arrays.copyOfRange(data, prefixLength, prefixLength + 32);
        byte[] expected = checksum(head, key);
        byte[] actual = Arrays.copyOfRange(data, prefixLength + 32, data.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new KeyException("'%s' is not a valid SS58 address: checksum mismatch", address);
        }
        return new Ss58Address(prefix, key);
    }

    /** Decodes an address and requires the Bittensor prefix 42. */
    public static byte[] decodeBittensor(String address) {
        Ss58Address decoded = decode(address);
        if (decoded.prefix() != BITTENSOR_PREFIX) {
            throw new KeyException("'%s' has SS58 prefix %d; Bittensor addresses use %d", address, decoded.prefix(),
                    BITTENSOR_PREFIX);
        }
        return decoded.publicKey();
    }

    private static byte[] prefixBytes(int prefix) {
        if (prefix < 0 || prefix > MAX_PREFIX) {
            throw new KeyException("SS58 prefix must be 0..%d, got %d", MAX_PREFIX, prefix);
        }
        if (prefix < 64) {
            return new byte[] {(byte) prefix};
        }
        int first = ((prefix & 0b1111_1100) >>> 2) | 0b0100_0000;
        int second = (prefix >>> 8) | ((prefix & 0b11) << 6);
        return new byte[] {(byte) first, (byte) second};
    }

    private static byte[] checksum(byte[] prefix, byte[] key) {
        return Arrays.copyOf(Digests.blake2b(64, CHECKSUM_PREAMBLE, prefix, key), CHECKSUM_LENGTH);
    }
}
