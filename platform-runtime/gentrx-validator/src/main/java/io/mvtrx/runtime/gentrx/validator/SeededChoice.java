package io.mvtrx.runtime.gentrx.validator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random choices seeded by a string, as the reference seeds them ({@code "{round}:{uid}:books"} hashed with SHA-256),
 * so every validator and a restarted one make the same choices. The generator is ours, not Python's Mersenne
 * Twister (gentrx.md §11.7: the held-out split is pushed to the server explicitly, so only self-consistency matters).
 */
final class SeededChoice {

    private final SplittableRandom random;

    SeededChoice(String seed) {
        this.random = new SplittableRandom(seedOf(seed));
    }

    /** The first 8 bytes of SHA-256 of the seed's UTF-8 bytes, big-endian. */
    static long seedOf(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** {@code k} distinct items of {@code items} (k ≤ size), in the order drawn (partial Fisher–Yates). */
    <T> List<T> sample(List<T> items, int k) {
        if (k < 0 || k > items.size()) {
            throw new IllegalArgumentException("cannot draw " + k + " of " + items.size());
        }
        List<T> pool = new ArrayList<>(items);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.size() - i);
            T swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, k));
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }
}
