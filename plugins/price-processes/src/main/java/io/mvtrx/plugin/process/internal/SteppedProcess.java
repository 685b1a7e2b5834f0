package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.process.PriceProcess;

/**
 * Base of every process here: the value changes only at update times, the exact multiples of the update period
 * after the start ({@code k·updatePeriod > startTime}, the reference's absolute grid), and {@link #advanceTo}
 * evaluates every update time up to the target, in order, whatever the spacing of the calls. Advancing in one
 * jump or in many small calls therefore yields the same path.
 *
 * <p>Not thread-safe: one instance per book, driven by the book's block. Cost: one {@link #update} per update
 * time passed.
 */
public abstract class SteppedProcess implements PriceProcess, Snapshottable {

    private final long updatePeriod;
    private long now;
    private long nextUpdate;
    private long updates;
    private boolean exhausted;

    /**
     * @param startTime    simulation start, ns; the value before the first update is the initial state
     * @param updatePeriod ns between updates, > 0
     */
    protected SteppedProcess(long startTime, long updatePeriod) {
        if (updatePeriod <= 0) {
            throw new IllegalArgumentException("updatePeriod must be > 0 ns, got " + updatePeriod);
        }
        this.updatePeriod = updatePeriod;
        this.now = startTime;
        long next = Math.floorDiv(startTime, updatePeriod) + 1;
        if (next > Long.MAX_VALUE / updatePeriod) {
            this.exhausted = true;
            this.nextUpdate = Long.MAX_VALUE;
        } else {
            this.nextUpdate = next * updatePeriod;
        }
    }

    @Override
    public final double advanceTo(long timestamp) {
        if (timestamp < now) {
            throw new IllegalArgumentException(String.format(
                    "%s: time must not go back: advanced to %d ns, asked for %d ns",
                    getClass().getSimpleName(), now, timestamp));
        }
        now = timestamp;
        while (!exhausted && nextUpdate <= timestamp) {
            updates++;
            update(nextUpdate);
            if (nextUpdate > Long.MAX_VALUE - updatePeriod) {
                exhausted = true;
            } else {
                nextUpdate += updatePeriod;
            }
        }
        return value();
    }

    @Override
    public final long updatePeriod() {
        return updatePeriod;
    }

    /** The last time advanced to, ns. */
    public final long now() {
        return now;
    }

    /** Number of update times evaluated so far. */
    public final long updates() {
        return updates;
    }

    /**
     * Evaluates one update time.
     *
     * @param time the update time, ns (a multiple of the update period)
     */
    protected abstract void update(long time);

    /** Saves the clock (time, next update, updates so far), then the process's own state. */
    @Override
    public final void writeState(StateWriter out) {
        out.writeLong(now);
        out.writeLong(nextUpdate);
        out.writeLong(updates);
        out.writeBoolean(exhausted);
        writeProcessState(out);
    }

    @Override
    public final void readState(StateReader in) {
        now = in.readLong();
        nextUpdate = in.readLong();
        updates = in.readLong();
        exhausted = in.readBoolean();
        readProcessState(in);
    }

    /** Saves what {@link #update} changes: the value, accumulators, the random stream. */
    protected abstract void writeProcessState(StateWriter out);

    /** Restores what {@link #writeProcessState} saved. */
    protected abstract void readProcessState(StateReader in);
}
