package io.mvtrx.plugin.balances.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The random stream of one draw. Each (seed, distribution, agent, book, draw) gets its own {@link SplittableRandom},
 * seeded by chaining SplitMix64's finaliser over the five, so a balance never depends on which accounts were drawn
 * before it, and a reset (a new draw index) redraws. Never seeded from a random device.
 */
public final class DrawStreams {

    private DrawStreams() {
    }

    /**
     * The stream of one draw.
     *
     * @param seed    the distribution's seed
     * @param kind    the distribution's name, so two kinds sharing a seed draw apart
     * @param agentId account
     * @param bookId  book (the canonical id, unique across blocks)
     * @param draw    draw index
     */
    public static SplittableRandom of(long seed, String kind, int agentId, int bookId, int draw) {
        long h = mix64(seed);
        h = mix64(h ^ hash(kind));
        h = mix64(h ^ (agentId & 0xFFFF_FFFFL));
        h = mix64(h ^ (((long) bookId << 32) | (draw & 0xFFFF_FFFFL)));
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer. */
    static long mix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
