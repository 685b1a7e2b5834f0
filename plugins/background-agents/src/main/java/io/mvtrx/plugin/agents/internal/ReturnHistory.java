package io.mvtrx.plugin.agents.internal;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * A bounded history of observed prices and their log returns (the stylized trader's {@code H}-deep buffers), with
 * running sums so the chartist mean and the variance cost O(1). Fixed capacity, allocation-free after construction.
 * Not thread-safe.
 */
public final class ReturnHistory {

    private final double[] returns;
    private final int capacity;
    private double lastPrice = Double.NaN;
    private int start;
    private int size;
    private double sum;
    private double sumOfSquares;

    public ReturnHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.returns = new double[capacity];
    }

    /** Capacity H. */
    public int capacity() {
        return capacity;
    }

    /** Returns held (at most H). */
    public int size() {
        return size;
    }

    /** The last price pushed, NaN if none. */
    public double lastPrice() {
        return lastPrice;
    }

    /** Seeds the last price without adding a return. */
    public void seedPrice(double price) {
        lastPrice = price;
    }

    /** Appends a log return directly (evicting the oldest when full). */
    public void pushReturn(double logReturn) {
        if (size == capacity) {
            double evicted = returns[start];
            sum -= evicted;
            sumOfSquares -= evicted * evicted;
            returns[start] = logReturn;
            start = (start + 1) % capacity;
        } else {
            returns[(start + size) % capacity] = logReturn;
            size++;
        }
        sum += logReturn;
        sumOfSquares += logReturn * logReturn;
    }

    /** Observes a price: pushes {@code ln(price/lastPrice)} (0 when there is no valid last price) and the price. */
    public void observe(double price) {
        double logReturn = lastPrice > 0 && Double.isFinite(lastPrice) ? Math.log(price / lastPrice) : 0.0;
        pushReturn(Double.isFinite(logReturn) ? logReturn : 0.0);
        lastPrice = price;
    }

    /** Sum of the held returns. */
    /** Saves the window (oldest first), the running sums and the last price. */
    public void writeState(StateWriter out) {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(returns[(start + i) % capacity]);
        }
        out.writeDouble(sum);
        out.writeDouble(sumOfSquares);
        out.writeDouble(lastPrice);
    }

    /**
     * Restores what {@link #writeState} saved into a fresh history of the same capacity. The running sums are
     * restored as saved, not recomputed, so later variances match bit for bit.
     */
    public void readState(StateReader in) {
        int saved = in.readInt();
        in.check(saved >= 0 && saved <= capacity, "return history: %d saved returns, capacity %d", saved,
                capacity);
        start = 0;
        size = saved;
        for (int i = 0; i < saved; i++) {
            returns[i] = in.readDouble();
        }
        sum = in.readDouble();
        sumOfSquares = in.readDouble();
        lastPrice = in.readDouble();
    }

    public double sum() {
        return sum;
    }

    /** Population variance of the held returns ({@code E[r²] - E[r]²}, floored at 0); 0 when empty. */
    public double variance() {
        if (size == 0) {
            return 0.0;
        }
        double mean = sum / size;
        return Math.max(0.0, sumOfSquares / size - mean * mean);
    }

    /** The i-th held return, oldest first. */
    public double returnAt(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return returns[(start + i) % capacity];
    }
}
