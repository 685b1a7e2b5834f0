package io.mvtrx.api.snapshot;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a random
 * stream whose whole state is one {@code long}, so a checkpoint can save it ({@link StateWriter#writeRandom}) where
 * {@link java.util.SplittableRandom}'s state cannot be read.
 *
 * <p>For a seed {@code s} it produces exactly the numbers {@code new SplittableRandom(s)} produces: the same
 * {@link #nextLong()} and {@link #nextInt()} (the state advances by the golden gamma and is mixed with Stafford's
 * variant 13, and the high 32 bits of variant 4 for ints), and every derived draw ({@code nextDouble},
 * {@code nextInt(bound)}, {@code nextGaussian}, {@code nextExponential}, …) through the same
 * {@link RandomGenerator} defaults. Switching a component from {@code SplittableRandom} to it therefore changes no
 * result (pinned by {@code SplitMix64Test}).
 *
 * <p>Not thread-safe; not splittable; not cryptographic.
 */
public final class SplitMix64 implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A stream seeded with {@code seed} (what {@code new SplittableRandom(seed)} starts from). */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The whole state: restoring it with {@link #state(long)} repeats every number drawn since. */
    public long state() {
        return state;
    }

    /** Sets the state read from {@link #state()}. */
    public void state(long value) {
        state = value;
    }

    @Override
    public long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 33)) * 0x62A9D9ED799705F5L;
        return (int) (((z ^ (z >>> 28)) * 0xCB24D0A5C88C35B3L) >>> 32);
    }
}
