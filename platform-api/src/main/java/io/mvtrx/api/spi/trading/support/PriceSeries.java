package io.mvtrx.api.spi.trading.support;

/**
 * The last {@code capacity} samples of one price (e.g. a book's mid, one per step), oldest first, in two primitive
 * ring buffers: appending never allocates and the oldest sample falls out when full. Not thread-safe.
 */
public final class PriceSeries {

    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    /** An empty series keeping at most {@code capacity} samples. */
    public PriceSeries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("price series capacity must be >= 1, got " + capacity);
        }
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    /** Appends a sample, dropping the oldest when full. */
    public void add(long timestamp, double value) {
        int slot;
        if (size < values.length) {
            slot = (start + size) % values.length;
            size++;
        } else {
            slot = start;
            start = (start + 1) % values.length;
        }
        times[slot] = timestamp;
        values[slot] = value;
    }

    /** Samples held. */
    public int size() {
        return size;
    }

    /** Most samples held. */
    public int capacity() {
        return values.length;
    }

    /** Whether there is no sample. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The {@code i}-th sample's value, 0 the oldest. */
    public double value(int i) {
        return values[slot(i)];
    }

    /** The {@code i}-th sample's time, ns. */
    public long timestamp(int i) {
        return times[slot(i)];
    }

    /** The newest value. */
    public double last() {
        return value(size - 1);
    }

    /** Every value, oldest first (a copy). */
    public double[] values() {
        double[] copy = new double[size];
        for (int i = 0; i < size; i++) {
            copy[i] = value(i);
        }
        return copy;
    }

    /** {@code ln(v[i+1] / v[i])} for consecutive samples, oldest first: one fewer than {@link #size}. */
    public double[] logReturns() {
        if (size < 2) {
            return new double[0];
        }
        double[] returns = new double[size - 1];
        for (int i = 1; i < size; i++) {
            returns[i - 1] = Math.log(value(i) / value(i - 1));
        }
        return returns;
    }

    /** Forgets every sample. */
    public void clear() {
        start = 0;
        size = 0;
    }

    private int slot(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        return (start + i) % values.length;
    }
}
