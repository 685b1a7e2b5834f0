package io.mvtrx.runtime.validator.scoring;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Turns a miner's response time into the simulated delay of its instructions (protocol.md §4.3):
 * {@code base = min + (e^{5t} - 1)/(e^5 - 1) * (max - min)} with {@code t = responseTime / timeout}, truncated to
 * whole ns; the first instruction on a book gets the base delay, each later one on the same book an extra uniform
 * jitter in [minJitter, maxJitter].
 *
 * @param minDelay  ns (reference 10 ms)
 * @param maxDelay  ns (reference 1 s)
 * @param timeout   ns the validator waits (reference 3 s)
 * @param minJitter ns (reference 5 ms)
 * @param maxJitter ns (reference 25 ms)
 */
public record LatencyDelay(long minDelay, long maxDelay, long timeout, long minJitter, long maxJitter) {

    /** The reference's values. */
    public static final LatencyDelay REFERENCE =
            new LatencyDelay(10_000_000L, 1_000_000_000L, 3_000_000_000L, 5_000_000L, 25_000_000L);

    public LatencyDelay {
        if (minDelay < 0 || maxDelay < minDelay) {
            throw new IllegalArgumentException("need 0 <= minDelay <= maxDelay, got " + minDelay + ", " + maxDelay);
        }
        if (timeout <= 0) {
            throw new IllegalArgumentException("timeout must be > 0 ns, got " + timeout);
        }
        if (minJitter < 0 || maxJitter < minJitter) {
            throw new IllegalArgumentException(
                    "need 0 <= minJitter <= maxJitter, got " + minJitter + ", " + maxJitter);
        }
    }

    /** The base delay for a response that took {@code responseTime} ns (clamped to the timeout). */
    public long baseDelay(long responseTime) {
        double t = Math.min(Math.max(responseTime, 0), timeout) / (double) timeout;
        double curve = Math.expm1(5 * t) / Math.expm1(5);
        return (long) (minDelay + curve * (maxDelay - minDelay));
    }

    /** A per-response assigner of instruction delays. */
    public Assigner assigner(long responseTime, RandomGenerator random) {
        return new Assigner(baseDelay(responseTime), random);
    }

    /** Assigns delays to one response's instructions in order. Not thread-safe. */
    public final class Assigner {
        private final long base;
        private final RandomGenerator random;
        private final Set<Integer> booksSeen = new HashSet<>();

        private Assigner(long base, RandomGenerator random) {
            this.base = base;
            this.random = random;
        }

        /** The delay of the next instruction on {@code bookId}, on top of the agent's own delay. */
        public long next(int bookId) {
            if (booksSeen.add(bookId)) {
                return base;
            }
            return base + random.nextLong(minJitter, maxJitter + 1);
        }
    }
}
