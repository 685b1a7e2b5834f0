package io.mvtrx.runtime.wire;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request nonces: nanoseconds since the epoch on the signer's clock, strictly increasing even when the clock
 * stalls or steps back (the next nonce is then the previous one plus 1).
 *
 * <p>Thread-safe and lock-free.
 */
public final class NonceClock {

    private final InstantSource clock;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    public NonceClock(InstantSource clock) {
        this.clock = clock;
    }

    /** The next nonce. */
    public long next() {
        return next(1);
    }

    /**
     * The first of {@code count} consecutive nonces, {@code first .. first + count - 1}, reserved at once: requests
     * signed in parallel then carry the nonces they would have carried signed one after another.
     */
    public long next(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("nonce count must be >= 1, got " + count);
        }
        long now = nanos(clock.instant());
        long end = last.accumulateAndGet(now, (previous, candidate) -> Math.max(previous + count,
                candidate + count - 1));
        return end - count + 1;
    }

    /** Nanoseconds since the epoch of an instant (saturating far outside the years 1678..2262). */
    public static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
