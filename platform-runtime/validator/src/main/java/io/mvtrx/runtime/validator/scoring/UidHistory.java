package io.mvtrx.runtime.validator.scoring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the validator remembers about one uid between scoring rounds (the reference's per-uid dictionaries):
 * realized P&L per state timestamp and book, round-trip volume per book and sampled timestamp, the open FIFO lots
 * per book, and the activity and P&L factors per book. Maps keep insertion order, as Python dictionaries do, because
 * the reference sums them in that order.
 *
 * <p>Owned by one {@link ScoringPipeline}; not thread-safe.
 */
public final class UidHistory {

    private final LinkedHashMap<Long, LinkedHashMap<Integer, Double>> realizedPnl = new LinkedHashMap<>();
    private final TreeMap<Integer, LinkedHashMap<Long, Double>> roundTripVolume = new TreeMap<>();
    private final TreeMap<Integer, OpenPositions> positions = new TreeMap<>();
    private final double[] activityFactors;
    private final double[] pnlFactors;

    UidHistory(int bookCount) {
        activityFactors = new double[bookCount];
        pnlFactors = new double[bookCount];
        Arrays.fill(pnlFactors, 1.0);
    }

    /** Realized P&L: state timestamp → book → P&L, in the order the states were recorded (live view). */
    public Map<Long, LinkedHashMap<Integer, Double>> realizedPnl() {
        return realizedPnl;
    }

    /** Round-trip volume: book → sampled timestamp → quote value (live view). */
    public Map<Integer, LinkedHashMap<Long, Double>> roundTripVolume() {
        return roundTripVolume;
    }

    /** Open FIFO lots per book (live view; books without a trade are absent). */
    public Map<Integer, OpenPositions> positions() {
        return positions;
    }

    /** The open lots of one book, created empty on first use. */
    public OpenPositions positions(int book) {
        return positions.computeIfAbsent(book, b -> new OpenPositions());
    }

    /** Activity factor per book (live; 0 until the book first round-trips). */
    public double[] activityFactors() {
        return activityFactors;
    }

    /** P&L factor per book (live; 1 unless {@code scoring.kappa.pnl.impact} > 0). */
    public double[] pnlFactors() {
        return pnlFactors;
    }

    /** Forgets everything, as the reference does when the simulator confirms an agent reset. */
    public void reset() {
        realizedPnl.clear();
        roundTripVolume.clear();
        positions.clear();
        Arrays.fill(activityFactors, 0.0);
        Arrays.fill(pnlFactors, 1.0);
    }
}
