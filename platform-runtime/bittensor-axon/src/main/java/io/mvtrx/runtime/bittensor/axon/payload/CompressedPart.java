package io.mvtrx.runtime.bittensor.axon.payload;

import java.util.Base64;

import io.mvtrx.runtime.bittensor.axon.internal.Json;

/**
 * One part of a synapse's {@code compressed} container (protocol.md §3.2): {@code base64(codec(encode(value)))}, where
 * {@code encode} is msgpack from τaos spec version 45 on and JSON before, and base64 the standard alphabet.
 */
public final class CompressedPart {

    private CompressedPart() {
    }

    /** Encodes, compresses and base64-encodes a value tree. */
    public static String encode(Object value, Compression codec, boolean msgpack) {
        byte[] raw = msgpack ? MsgPack.encode(value) : Json.write(value);
        return Base64.getEncoder().encodeToString(codec.compress(raw));
    }

    /**
     * Reverses {@link #encode}; the decompressed bytes may not exceed {@code maxBytes}.
     *
     * @throws PayloadException naming the failing step
     */
    public static Object decode(String part, Compression codec, boolean msgpack, int maxBytes) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(part.strip());
        } catch (IllegalArgumentException e) {
            throw new PayloadException("not base64: %s", e.getMessage());
        }
        byte[] raw = codec.decompress(compressed, maxBytes);
        return msgpack ? MsgPack.decode(raw) : Json.parse(raw);
    }
}
