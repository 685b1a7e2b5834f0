package io.mvtrx.runtime.subtensor.internal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** The hashers of Substrate storage keys (xxHash64 "twox", BLAKE2b) and the 256-bit BLAKE2b of payloads. */
public final class Hashing {

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private Hashing() {
    }

    /** {@code twox128} of a name, as pallet and item prefixes are hashed. */
    public static byte[] twox128(String name) {
        return twox128(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Two xxHash64 (seeds 0 and 1), each little-endian. */
    public static byte[] twox128(byte[] data) {
        byte[] out = new byte[16];
        putLittleEndian(out, 0, xxh64(data, 0));
        putLittleEndian(out, 8, xxh64(data, 1));
        return out;
    }

    /** xxHash64 (seed 0) little-endian. */
    public static byte[] twox64(byte[] data) {
        byte[] out = new byte[8];
        putLittleEndian(out, 0, xxh64(data, 0));
        return out;
    }

    /** Four xxHash64 (seeds 0..3), each little-endian. */
    public static byte[] twox256(byte[] data) {
        byte[] out = new byte[32];
        for (int seed = 0; seed < 4; seed++) {
            putLittleEndian(out, 8 * seed, xxh64(data, seed));
        }
        return out;
    }

    /** Unkeyed BLAKE2b with an output of {@code outBytes}. */
    public static byte[] blake2b(int outBytes, byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(outBytes * 8);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[outBytes];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] blake2b256(byte[] data) {
        return blake2b(32, data);
    }

    /** xxHash64 (XXH64) of {@code data} under {@code seed}. */
    public static long xxh64(byte[] data, long seed) {
        int length = data.length;
        int i = 0;
        long hash;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            while (i <= length - 32) {
                v1 = round(v1, readLong(data, i));
                v2 = round(v2, readLong(data, i + 8));
                v3 = round(v3, readLong(data, i + 16));
                v4 = round(v4, readLong(data, i + 24));
                i += 32;
            }
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12)
                    + Long.rotateLeft(v4, 18);
            hash = mergeRound(hash, v1);
            hash = mergeRound(hash, v2);
            hash = mergeRound(hash, v3);
            hash = mergeRound(hash, v4);
        } else {
            hash = seed + P5;
        }
        hash += length;
        while (i <= length - 8) {
            hash ^= round(0, readLong(data, i));
            hash = Long.rotateLeft(hash, 27) * P1 + P4;
            i += 8;
        }
        if (i <= length - 4) {
            hash ^= (readInt(data, i) & 0xffff_ffffL) * P1;
            hash = Long.rotateLeft(hash, 23) * P2 + P3;
            i += 4;
        }
        while (i < length) {
            hash ^= (data[i] & 0xffL) * P5;
            hash = Long.rotateLeft(hash, 11) * P1;
            i++;
        }
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long mergeRound(long acc, long value) {
        return (acc ^ round(0, value)) * P1 + P4;
    }

    private static long readLong(byte[] data, int at) {
        long value = 0;
        for (int k = 7; k >= 0; k--) {
            value = (value << 8) | (data[at + k] & 0xffL);
        }
        return value;
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
    }

    private static void putLittleEndian(byte[] out, int at, long value) {
        for (int k = 0; k < 8; k++) {
            out[at + k] = (byte) (value >>> (8 * k));
        }
    }
}
