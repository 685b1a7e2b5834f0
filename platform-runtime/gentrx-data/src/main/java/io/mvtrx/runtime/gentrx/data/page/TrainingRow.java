package io.mvtrx.runtime.gentrx.data.page;

import java.util.Arrays;

/**
 * One training row: one emitted event of one book with the book's state just before it (reference gentrx.md
 * §3.3). The page schema stores these fields as 29 columns, the volumes as {@code lob_ask_vol_1..10} then
 * {@code lob_bid_vol_1..10}.
 *
 * @param timestamp        event time, simulation nanoseconds
 * @param orderType        what happened
 * @param relPrice         event price in ticks minus the mid (0 when the mid is 0)
 * @param volumeInt        whole base units of the event quantity (floor)
 * @param volumeDec        the fraction left, in [0, 1)
 * @param intervalNs       time since the book's previous event (0 for its first)
 * @param midPrice         mid in ticks before the event
 * @param timeOfDaySeconds {@code (timestamp / 1e9) mod 86400}
 * @param midPriceDelta    mid minus the book's first non-zero mid (0 before there is one)
 * @param askVolumes       10 ask level volumes in base units, best first, zero-padded
 * @param bidVolumes       10 bid level volumes in base units, best first, zero-padded
 */
public record TrainingRow(long timestamp, OrderType orderType, long relPrice, int volumeInt, float volumeDec,
                          long intervalNs, long midPrice, int timeOfDaySeconds, long midPriceDelta,
                          double[] askVolumes, double[] bidVolumes) {

    /** Levels per side. */
    public static final int LEVELS = 10;

    public TrainingRow {
        if (askVolumes.length != LEVELS || bidVolumes.length != LEVELS) {
            throw new IllegalArgumentException(String.format("a row has %d ask and %d bid volumes, got %d and %d",
                    LEVELS, LEVELS, askVolumes.length, bidVolumes.length));
        }
        askVolumes = askVolumes.clone();
        bidVolumes = bidVolumes.clone();
    }

    @Override
    public double[] askVolumes() {
        return askVolumes.clone();
    }

    @Override
    public double[] bidVolumes() {
        return bidVolumes.clone();
    }

    /** Ask volume of level {@code i} (0 is best). */
    public double askVolume(int i) {
        return askVolumes[i];
    }

    /** Bid volume of level {@code i} (0 is best). */
    public double bidVolume(int i) {
        return bidVolumes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingRow r && timestamp == r.timestamp && orderType == r.orderType
                && relPrice == r.relPrice && volumeInt == r.volumeInt
                && Float.compare(volumeDec, r.volumeDec) == 0 && intervalNs == r.intervalNs
                && midPrice == r.midPrice && timeOfDaySeconds == r.timeOfDaySeconds
                && midPriceDelta == r.midPriceDelta && Arrays.equals(askVolumes, r.askVolumes)
                && Arrays.equals(bidVolumes, r.bidVolumes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Long.hashCode(relPrice) * 17 + orderType.hashCode();
    }

    @Override
    public String toString() {
        return "TrainingRow[ts=" + timestamp + ", " + orderType + ", rel=" + relPrice + ", vol=" + volumeInt + "+"
                + volumeDec + ", dt=" + intervalNs + ", mid=" + midPrice + ", tod=" + timeOfDaySeconds + ", dmid="
                + midPriceDelta + ", asks=" + Arrays.toString(askVolumes) + ", bids=" + Arrays.toString(bidVolumes)
                + "]";
    }
}
