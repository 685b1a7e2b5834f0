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
        long now = nanos(clock.instant());
        return last.accumulateAndGet(now, (previous, candidate) -> Math.max(previous + 1, candidate));
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
