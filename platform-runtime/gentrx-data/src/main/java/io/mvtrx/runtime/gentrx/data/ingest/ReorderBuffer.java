package io.mvtrx.runtime.gentrx.data.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.mvtrx.runtime.gentrx.data.tick.TickPacket;

/**
 * Puts ticks back into simulation-time order (reference gentrx.md §3.2 step 1). A tick passes at once when nothing
 * is buffered, it is not older than the newest tick seen, and its increment over that tick is at most the expected
 * increment: the EMA (weight {@link #ALPHA}) of positive increments once {@link #MIN_SAMPLES} were seen, else
 * {@code defaultIncrementNs}. Otherwise it waits in a heap ordered by simulation time; the heap's head is released
 * once its increment over the newest released tick is within the expected one (the gap closed), or once it has
 * waited {@code maxWait} of wall-clock time. An older tick is thus released after the ones it arrived behind.
 *
 * <p>Wall-clock time comes from an {@link InstantSource} so tests are deterministic. Not thread-safe; the ingest
 * calls it under its lock.
 */
public final class ReorderBuffer {

    /** EMA weight of the newest increment. */
    public static final double ALPHA = 0.2;
    /** Increments seen before the EMA is trusted. */
    public static final int MIN_SAMPLES = 5;
    /** {@code parquet_interval_ns / 60}: the expected increment before the EMA is trusted. */
    public static final long DEFAULT_INCREMENT_NS = 5_000_000_000L;
    /** Longest wall-clock wait of a buffered tick. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Relative slack on the EMA comparison, only so that rounding of a constant increment never holds a tick. */
    private static final double ROUNDING_SLACK = 1e-9;

    private record Waiting(TickPacket tick, Instant since, long order) {
    }

    private final InstantSource clock;
    private final long defaultIncrementNs;
    private final Duration maxWait;
    private final PriorityQueue<Waiting> heap = new PriorityQueue<>(
            Comparator.comparingLong((Waiting w) -> w.tick().ts()).thenComparingLong(Waiting::order));
    private long arrivals;
    private boolean seen;
    private long newestTs;
    private double ema;
    private int samples;

    /** The reference's settings: 5 s default increment, 30 s wait. */
    public ReorderBuffer(InstantSource clock) {
        this(clock, DEFAULT_INCREMENT_NS, MAX_WAIT);
    }

    public ReorderBuffer(InstantSource clock, long defaultIncrementNs, Duration maxWait) {
        if (defaultIncrementNs <= 0) {
            throw new IllegalArgumentException("defaultIncrementNs must be > 0, got " + defaultIncrementNs);
        }
        this.clock = clock;
        this.defaultIncrementNs = defaultIncrementNs;
        this.maxWait = maxWait;
    }

    /** Accepts a tick; returns the ticks to process now, in order (possibly none, possibly several). */
    public List<TickPacket> offer(TickPacket tick) {
        List<TickPacket> out = new ArrayList<>();
        if (heap.isEmpty() && (!seen || (tick.ts() >= newestTs && within(tick.ts() - newestTs)))) {
            pass(tick, out);
        } else {
            heap.add(new Waiting(tick, clock.instant(), arrivals++));
        }
        drain(out);
        return out;
    }

    /** Ticks whose gap closed or whose wait ran out; called by the maintenance loop. */
    public List<TickPacket> release() {
        List<TickPacket> out = new ArrayList<>();
        drain(out);
        return out;
    }

    /** The increment a tick may have and still pass, nanoseconds. */
    public double expected() {
        return samples >= MIN_SAMPLES ? ema : defaultIncrementNs;
    }

    /** Ticks waiting. */
    public int buffered() {
        return heap.size();
    }

    /** Forgets everything (simulation end or change). */
    public void reset() {
        heap.clear();
        seen = false;
        newestTs = 0;
        ema = 0;
        samples = 0;
    }

    private void drain(List<TickPacket> out) {
        Instant now = clock.instant();
        while (!heap.isEmpty()) {
            Waiting head = heap.peek();
            boolean gapClosed = within(head.tick().ts() - newestTs);
            boolean waitedOut = Duration.between(head.since(), now).compareTo(maxWait) >= 0;
            if (!gapClosed && !waitedOut) {
                return;
            }
            heap.poll();
            pass(head.tick(), out);
        }
    }

    private boolean within(long increment) {
        return increment <= expected() * (1 + ROUNDING_SLACK);
    }

    private void pass(TickPacket tick, List<TickPacket> out) {
        if (seen && tick.ts() > newestTs) {
            double increment = tick.ts() - newestTs;
            ema = samples == 0 ? increment : ALPHA * increment + (1 - ALPHA) * ema;
            samples++;
        }
        if (!seen || tick.ts() > newestTs) {
            newestTs = tick.ts();
        }
        seen = true;
        out.add(tick);
    }
}
