package io.mvtrx.runtime.gentrx.data.book;

import java.util.Arrays;

/**
 * The top of a {@link ReplayBook}: up to {@link ReplayBook#DEPTH} levels per side, best first, and the mid.
 *
 * @param mid          {@code (bestBid + bestAsk) / 2} floored, or the only side's best, or 0 for an empty book
 * @param askPrices    ask level prices in ticks, best (lowest) first; only the filled levels
 * @param askVolumes   aggregated ask volumes in volume units, same order
 * @param bidPrices    bid level prices in ticks, best (highest) first
 * @param bidVolumes   aggregated bid volumes in volume units
 */
public record BookSnapshot(long mid, long[] askPrices, long[] askVolumes, long[] bidPrices, long[] bidVolumes) {

    @Override
    public boolean equals(Object o) {
        return o instanceof BookSnapshot s && mid == s.mid && Arrays.equals(askPrices, s.askPrices)
                && Arrays.equals(askVolumes, s.askVolumes) && Arrays.equals(bidPrices, s.bidPrices)
                && Arrays.equals(bidVolumes, s.bidVolumes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mid) + 31 * (Arrays.hashCode(askVolumes) + 31 * Arrays.hashCode(bidVolumes));
    }

    @Override
    public String toString() {
        return "BookSnapshot[mid=" + mid + ", asks=" + Arrays.toString(askPrices) + "x" + Arrays.toString(askVolumes)
                + ", bids=" + Arrays.toString(bidPrices) + "x" + Arrays.toString(bidVolumes) + "]";
    }
}
