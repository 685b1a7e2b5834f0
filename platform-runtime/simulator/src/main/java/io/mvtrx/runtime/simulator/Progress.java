package io.mvtrx.runtime.simulator;

/**
 * Where a run stands after a step.
 *
 * @param elapsed    simulated ns since the start
 * @param duration   simulated ns of the whole run
 * @param steps      steps done
 * @param stepCount  steps in the run
 * @param messages   kernel messages delivered so far (wake-ups, instructions, notices, trades to observers)
 * @param l3Events   L3 events so far (orders placed, trades, cancellations)
 * @param wallNanos  wall-clock ns spent stepping since the run began (building excluded)
 */
public record Progress(long elapsed, long duration, long steps, long stepCount, long messages, long l3Events,
                       long wallNanos) {

    /** Fraction of the run done, 0..1. */
    public double fraction() {
        return duration == 0 ? 1 : (double) elapsed / duration;
    }

    /** Simulated seconds per wall-clock second so far (0 before any wall time passed). */
    public double speed() {
        return wallNanos == 0 ? 0 : (double) elapsed / wallNanos;
    }

    /** Kernel messages per wall-clock second so far. */
    public double messagesPerSecond() {
        return wallNanos == 0 ? 0 : messages * 1e9 / wallNanos;
    }

    /** L3 events per wall-clock second so far. */
    public double l3EventsPerSecond() {
        return wallNanos == 0 ? 0 : l3Events * 1e9 / wallNanos;
    }

    /** Estimated wall-clock ns to the end at the speed so far (0 when done or unknown). */
    public long etaNanos() {
        if (elapsed == 0 || elapsed >= duration) {
            return 0;
        }
        return (long) ((double) (duration - elapsed) * wallNanos / elapsed);
    }
}
