package io.mvtrx.plugin.process.internal;

import java.nio.charset.StandardCharsets;

import io.mvtrx.api.snapshot.SplitMix64;

/**
 * Seeds of process random streams. A process's stream is a {@link SplitMix64} (it draws what a
 * {@code SplittableRandom} of the same seed draws, and its state can be saved) seeded with a SplitMix64 mix of the
 * context seed (already derived from the simulation seed and the canonical book id by the runtime), the
 * process kind and its configured name, so two processes of one book never share a stream even if the runtime
 * hands both the same seed. Never seeded from a random device.
 */
public final class Streams {

    private Streams() {
    }

    /** The stream of one process instance. */
    public static SplitMix64 of(long contextSeed, String kind, String name) {
        long h = mix64(contextSeed);
        h = mix64(h ^ hash(kind));
        h = mix64(h ^ hash(name));
        return new SplitMix64(h);
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer. */
    public static long mix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit FNV-1a hash of the UTF-8 bytes (stable across JVMs, unlike String.hashCode's 32 bits). */
    static long hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
