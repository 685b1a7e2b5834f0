package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.runtime.bittensor.keys.internal.Digests;

/**
 * A Substrate derivation path such as {@code //Alice/stash//0}: {@code //name} is a hard junction, {@code /name} a
 * soft one. A junction that parses as an unsigned 64-bit number is encoded as that number (8 bytes little-endian),
 * any other text as a SCALE string (compact length, then UTF-8); the encoding, hashed with BLAKE2b-256 when longer
 * than 32 bytes, zero-padded to 32 bytes is the chain code (sp-core {@code DeriveJunction}).
 *
 * @param junctions the junctions in order; empty for no derivation
 */
public record DerivationPath(List<Junction> junctions) {

    /** The empty path. */
    public static final DerivationPath NONE = new DerivationPath(List.of());

    /** Copies the list. */
    public DerivationPath {
        junctions = List.copyOf(junctions);
    }

    /** One step of a path. */
    public record Junction(boolean hard, String name) {

        /** Checks the name is not empty and has no '/'. */
        public Junction {
            if (name.isEmpty() || name.indexOf('/') >= 0) {
                throw new KeyException("derivation junction '%s' must be non-empty text without '/'", name);
            }
        }

        /** The 32-byte chain code of this junction. */
        public byte[] chainCode() {
            byte[] encoded = encode(name);
            byte[] code = new byte[32];
            if (encoded.length > 32) {
                return Digests.blake2b(32, encoded);
            }
            System.arraycopy(encoded, 0, code, 0, encoded.length);
            return code;
        }

        @Override
        public String toString() {
            return (hard ? "//" : "/") + name;
        }

        private static byte[] encode(String name) {
            if (name.chars().allMatch(c -> c >= '0' && c <= '9') && name.length() <= 20) {
                try {
                    long n = Long.parseUnsignedLong(name);
                    byte[] le = new byte[8];
                    for (int i = 0; i < 8; i++) {
                        le[i] = (byte) (n >>> (8 * i));
                    }
                    return le;
                } catch (NumberFormatException e) {
                    // larger than u64: a string junction, as in Rust's str::parse::<u64> failing
                }
            }
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            byte[] length = compactLength(utf8.length);
            byte[] out = Arrays.copyOf(length, length.length + utf8.length);
            System.arraycopy(utf8, 0, out, length.length, utf8.length);
            return out;
        }

        private static byte[] compactLength(int n) {
            if (n < 1 << 6) {
                return new byte[] {(byte) (n << 2)};
            }
            if (n < 1 << 14) {
                int v = (n << 2) | 1;
                return new byte[] {(byte) v, (byte) (v >>> 8)};
            }
            if (n < 1 << 30) {
                int v = (n << 2) | 2;
                return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
            }
            return new byte[] {3, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
        }
    }

    /** Parses a path: a sequence of {@code //hard} and {@code /soft} junctions ("" is the empty path). */
    public static DerivationPath parse(String path) {
        List<Junction> junctions = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            if (path.charAt(i) != '/') {
                throw new KeyException("derivation path '%s' must start each junction with '/' or '//'", path);
            }
            boolean hard = i + 1 < path.length() && path.charAt(i + 1) == '/';
            int start = i + (hard ? 2 : 1);
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end == start) {
                throw new KeyException("derivation path '%s' has an empty junction at position %d", path, i + 1);
            }
            junctions.add(new Junction(hard, path.substring(start, end)));
            i = end;
        }
        return new DerivationPath(junctions);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        junctions.forEach(out::append);
        return out.toString();
    }
}
