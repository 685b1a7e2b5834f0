package io.mvtrx.runtime.simulator.kernel;

/**
 * Derives independent seeds from a root seed and a path of identifiers (block, kind, instance, book...), so each
 * agent, process and book draws from its own stream and adding an agent does not shift the others.
 *
 * <p>Each path element is folded in with the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), which spreads any one-bit change across the whole word.
 */
public final class SeedTree {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedTree() {
    }

    /** The seed at {@code path} under {@code root}. The empty path gives a mix of the root alone. */
    public static long derive(long root, long... path) {
        long h = mix(root + GOLDEN_GAMMA);
        for (long element : path) {
            h = mix(h ^ mix(element + GOLDEN_GAMMA));
        }
        return h;
    }

    /** The seed for a string label (e.g. a model name) under {@code root}. */
    public static long derive(long root, String label, long... path) {
        long h = derive(root, label.hashCode(), label.length());
        return derive(h, path);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
