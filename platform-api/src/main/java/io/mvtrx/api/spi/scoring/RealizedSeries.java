package io.mvtrx.api.spi.scoring;

import java.util.Arrays;

/**
 * Realized P&L of one miner on one book: one observation per publish interval (zero when nothing was realized),
 * oldest first.
 *
 * @param timestamps observation times, ns, strictly increasing
 * @param pnl        realized P&L per observation, quote units
 */
public record RealizedSeries(long[] timestamps, double[] pnl) {

    public RealizedSeries {
        if (timestamps.length != pnl.length) {
            throw new IllegalArgumentException("timestamps (" + timestamps.length + ") and pnl (" + pnl.length
                    + ") must have the same length");
        }
        for (int i = 1; i < timestamps.length; i++) {
            if (timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("timestamps must increase strictly; index " + i + " has "
                        + timestamps[i] + " after " + timestamps[i - 1]);
            }
        }
        timestamps = timestamps.clone();
        pnl = pnl.clone();
    }

    /** Number of observations. */
    public int size() {
        return pnl.length;
    }

    @Override
    public long[] timestamps() {
        return timestamps.clone();
    }

    @Override
    public double[] pnl() {
        return pnl.clone();
    }

    /** Observation {@code i}'s timestamp. */
    public long timestamp(int i) {
        return timestamps[i];
    }

    /** Observation {@code i}'s P&L. */
    public double value(int i) {
        return pnl[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealizedSeries other
                && Arrays.equals(timestamps, other.timestamps) && Arrays.equals(pnl, other.pnl);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(pnl);
    }

    @Override
    public String toString() {
        return "RealizedSeries" + Arrays.toString(pnl);
    }
}
