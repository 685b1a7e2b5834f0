package io.mvtrx.runtime.subtensor.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Storage keys: {@code twox128(pallet) ‖ twox128(item) ‖ each key part hashed by its hasher}. */
public final class StorageKeys {

    private StorageKeys() {
    }

    /**
     * The key of {@code pallet.item} with SCALE-encoded key parts, hashed as the metadata says.
     *
     * @throws IllegalArgumentException when the runtime lacks the item or the number of parts differs
     */
    public static byte[] key(Metadata metadata, String pallet, String item, byte[]... parts) {
        Metadata.Pallet p = metadata.pallet(pallet)
                .orElseThrow(() -> new IllegalArgumentException("the runtime has no pallet " + pallet));
        Metadata.StorageEntry entry = metadata.storage(pallet, item)
                .orElseThrow(() -> new IllegalArgumentException("the runtime has no storage item " + pallet + "."
                        + item));
        if (entry.hashers().size() != parts.length) {
            throw new IllegalArgumentException(String.format("%s.%s takes %d key parts, given %d", pallet, item,
                    entry.hashers().size(), parts.length));
        }
        return key(p.storagePrefix().orElse(pallet), item, entry.hashers(), parts);
    }

    /** The key of a storage item with explicit hashers (no metadata needed). */
    public static byte[] key(String prefix, String item, List<Metadata.Hasher> hashers, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hashing.twox128(prefix));
        out.writeBytes(Hashing.twox128(item));
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(hash(hashers.get(i), parts[i]));
        }
        return out.toByteArray();
    }

    /** One key part hashed. */
    public static byte[] hash(Metadata.Hasher hasher, byte[] part) {
        return switch (hasher) {
            case BLAKE2_128 -> Hashing.blake2b(16, part);
            case BLAKE2_256 -> Hashing.blake2b(32, part);
            case BLAKE2_128_CONCAT -> concat(Hashing.blake2b(16, part), part);
            case TWOX_128 -> Hashing.twox128(part);
            case TWOX_256 -> Hashing.twox256(part);
            case TWOX_64_CONCAT -> concat(Hashing.twox64(part), part);
            case IDENTITY -> part.clone();
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
