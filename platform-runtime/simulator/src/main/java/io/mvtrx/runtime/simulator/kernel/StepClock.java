package io.mvtrx.runtime.simulator.kernel;

/**
 * The simulation's step grid: steps of {@code step} ns from {@code start} to {@code start + duration}; a publish
 * happens at the end of every step whose end time is at or past {@code start + gracePeriod}.
 *
 * @param start       first instant, ns
 * @param step        step length, ns, > 0
 * @param duration    run length, ns, > 0
 * @param gracePeriod time before the first publish, ns, >= 0
 */
public record StepClock(long start, long step, long duration, long gracePeriod) {

    public StepClock {
        if (step <= 0) {
            throw new IllegalArgumentException("step must be > 0 ns, got " + step);
        }
        if (duration <= 0) {
            throw new IllegalArgumentException("duration must be > 0 ns, got " + duration);
        }
        if (gracePeriod < 0) {
            throw new IllegalArgumentException("gracePeriod must be >= 0 ns, got " + gracePeriod);
        }
        Math.addExact(start, duration);
    }

    /** Instant the run ends. */
    public long end() {
        return start + duration;
    }

    /** Number of steps, the last one possibly shorter. */
    public long stepCount() {
        return (duration + step - 1) / step;
    }

    /** End time (cutoff) of step {@code index}, 0-based, never past {@link #end()}. */
    public long cutoff(long index) {
        return Math.min(end(), start + (index + 1) * step);
    }

    /** Whether the barrier at {@code cutoff} publishes state. */
    public boolean publishesAt(long cutoff) {
        return cutoff - start >= gracePeriod;
    }
}
