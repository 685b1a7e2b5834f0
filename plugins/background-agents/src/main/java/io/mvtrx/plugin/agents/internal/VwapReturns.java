package io.mvtrx.plugin.agents.internal;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * The ALGO trader's trade-tape statistic (0.5.4): trades are grouped into buckets by timestamp, each bucket priced at
 * its VWAP; buckets older than the window ({@code volumeStatsPeriod}) are dropped when a new trade comes at least a
 * window after the oldest; the statistic is the population variance of the log returns between consecutive buckets
 * times {@code (k-1)/k}, k the number of returns. Amortised O(1) per trade, allocation-free except when the ring
 * grows. Not thread-safe.
 */
public final class VwapReturns {

    private final long window;
    private long[] timestamps = new long[64];
    private double[] volumes = new double[64];
    private double[] notionals = new double[64];
    private int start;
    private int size;

    /** A statistic over a window of {@code window} ns. */
    public VwapReturns(long window) {
        if (window <= 0) {
            throw new IllegalArgumentException("the VWAP window must be > 0 ns, got " + window);
        }
        this.window = window;
    }

    /** Buckets held. */
    public int buckets() {
        return size;
    }

    /** Adds a trade. */
    public void push(long timestamp, double volume, double price) {
        if (size > 0 && timestamp - timestamps[start] >= window) {
            long cutoff = timestamp - window;
            while (size > 0 && timestamps[start] <= cutoff) {
                start = (start + 1) % timestamps.length;
                size--;
            }
        }
        if (size > 0 && timestamps[index(size - 1)] == timestamp) {
            int last = index(size - 1);
            volumes[last] += volume;
            notionals[last] += volume * price;
            return;
        }
        if (size == timestamps.length) {
            grow();
        }
        int slot = index(size);
        timestamps[slot] = timestamp;
        volumes[slot] = volume;
        notionals[slot] = volume * price;
        size++;
    }

    /** {@code populationVariance(r)·(k-1)/k} over the k bucket-to-bucket log returns; 0 with fewer than 2 buckets. */
    /** Saves the buckets of the window, oldest first. */
    public void writeState(StateWriter out) {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int slot = index(i);
            out.writeLong(timestamps[slot]);
            out.writeDouble(volumes[slot]);
            out.writeDouble(notionals[slot]);
        }
    }

    /** Restores what {@link #writeState} saved into a fresh tape of the same window. */
    public void readState(StateReader in) {
        int saved = in.readInt();
        in.check(saved >= 0, "VWAP tape: %d saved buckets", saved);
        int capacity = Math.max(64, Integer.highestOneBit(Math.max(1, saved)) << 1);
        timestamps = new long[capacity];
        volumes = new double[capacity];
        notionals = new double[capacity];
        start = 0;
        size = saved;
        for (int i = 0; i < saved; i++) {
            timestamps[i] = in.readLong();
            volumes[i] = in.readDouble();
            notionals[i] = in.readDouble();
        }
    }

    public double variance() {
        int returns = size - 1;
        if (returns <= 0) {
            return 0.0;
        }
        double sum = 0;
        double sumOfSquares = 0;
        double previous = vwap(index(0));
        for (int i = 1; i < size; i++) {
            double current = vwap(index(i));
            double r = previous != 0.0 ? Math.log(current / previous) : 0.0;
            sum += r;
            sumOfSquares += r * r;
            previous = current;
        }
        double mean = sum / returns;
        double variance = Math.max(0.0, sumOfSquares / returns - mean * mean);
        return variance * (returns - 1) / returns;
    }

    private double vwap(int slot) {
        return volumes[slot] == 0.0 ? 0.0 : notionals[slot] / volumes[slot];
    }

    private int index(int i) {
        return (start + i) % timestamps.length;
    }

    private void grow() {
        int capacity = timestamps.length * 2;
        long[] newTimestamps = new long[capacity];
        double[] newVolumes = new double[capacity];
        double[] newNotionals = new double[capacity];
        for (int i = 0; i < size; i++) {
            int slot = index(i);
            newTimestamps[i] = timestamps[slot];
            newVolumes[i] = volumes[slot];
            newNotionals[i] = notionals[slot];
        }
        timestamps = newTimestamps;
        volumes = newVolumes;
        notionals = newNotionals;
        start = 0;
    }
}
