package io.mvtrx.runtime.simulator.log;

/** The Parquet logs of a book, each switched on by the configuration's {@code <Logging>} element. */
public enum LogKind {
    /** Every L3 event ({@code <L3/>}). */
    L3("l3"),
    /** Every trade ({@code <L3/>}: trades are L3 events). */
    TRADES("trades"),
    /** Two fee rows per trade ({@code <FeeLog/>}). */
    FEES("fees"),
    /** An L2 snapshot at every publish ({@code <L2 depth/>}). */
    L2("l2");

    private final String stem;

    LogKind(String stem) {
        this.stem = stem;
    }

    /** The start of the kind's file names, e.g. {@code l3} in {@code l3-00010000.parquet}. */
    public String stem() {
        return stem;
    }
}
