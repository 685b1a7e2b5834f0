package io.mvtrx.testkit.agents;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A random stream that answers from scripts, so a decision rule can be checked with hand-computed numbers: uniform
 * doubles, standard normals, standard exponentials and bounded ints each come from their own queue, in order. Asking
 * for a kind whose queue is empty fails with the kind named, so a test also pins how many draws a rule makes, unless
 * a fallback generator was given ({@link #otherwise}) to answer the draws a test does not care about.
 *
 * {@snippet :
 * ScriptedRandom random = new ScriptedRandom().uniforms(0.5, 0.25).gaussians(1.0);
 * }
 */
public final class ScriptedRandom implements RandomGenerator {

    private final Deque<Double> doubles = new ArrayDeque<>();
    private final Deque<Double> gaussians = new ArrayDeque<>();
    private final Deque<Double> exponentials = new ArrayDeque<>();
    private final Deque<Integer> ints = new ArrayDeque<>();
    private RandomGenerator fallback;

    /** Answers from {@code generator} once a queue is empty, instead of failing. */
    public ScriptedRandom otherwise(RandomGenerator generator) {
        this.fallback = generator;
        return this;
    }

    /** Queues uniform doubles in [0, 1) for {@link #nextDouble()}. */
    public ScriptedRandom uniforms(double... values) {
        for (double value : values) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("a uniform double must be in [0, 1), got " + value);
            }
            doubles.add(value);
        }
        return this;
    }

    /** Queues standard normals for {@link #nextGaussian()}. */
    public ScriptedRandom gaussians(double... values) {
        for (double value : values) {
            gaussians.add(value);
        }
        return this;
    }

    /** Queues standard exponentials for {@link #nextExponential()}. */
    public ScriptedRandom exponentials(double... values) {
        for (double value : values) {
            exponentials.add(value);
        }
        return this;
    }

    /** Queues indices for {@link #nextInt(int)} (each must be below the bound asked with). */
    public ScriptedRandom indices(int... values) {
        for (int value : values) {
            ints.add(value);
        }
        return this;
    }

    /** Whether every scripted value was drawn. */
    public boolean exhausted() {
        return doubles.isEmpty() && gaussians.isEmpty() && exponentials.isEmpty() && ints.isEmpty();
    }

    @Override
    public double nextDouble() {
        return doubles.isEmpty() && fallback != null ? fallback.nextDouble() : take(doubles, "uniform double");
    }

    @Override
    public double nextGaussian() {
        return gaussians.isEmpty() && fallback != null ? fallback.nextGaussian() : take(gaussians, "gaussian");
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        return mean + stddev * nextGaussian();
    }

    @Override
    public double nextExponential() {
        return exponentials.isEmpty() && fallback != null
                ? fallback.nextExponential()
                : take(exponentials, "exponential");
    }

    @Override
    public int nextInt(int bound) {
        if (ints.isEmpty() && fallback != null) {
            return fallback.nextInt(bound);
        }
        int value = take(ints, "bounded int");
        if (value < 0 || value >= bound) {
            throw new IllegalStateException(String.format("scripted int %d is outside [0, %d)", value, bound));
        }
        return value;
    }

    @Override
    public long nextLong() {
        if (fallback != null) {
            return fallback.nextLong();
        }
        throw new UnsupportedOperationException("ScriptedRandom answers only nextDouble, nextGaussian, "
                + "nextExponential and nextInt(bound); script the draw the rule makes");
    }

    private static <T> T take(Deque<T> queue, String kind) {
        if (queue.isEmpty()) {
            throw new IllegalStateException("no scripted " + kind + " left");
        }
        return queue.poll();
    }
}
