package io.mvtrx.runtime.gentrx.data.token;

import java.util.Arrays;

/**
 * One field's binning (reference gentrx.md §4.1). A value's bin is the number of edges at or below it (numpy's
 * right-open {@code digitize}), clipped to {@code [0, bins - 1]}; a bin's centre is what the model's prediction of
 * that bin decodes to. Immutable; safe from any thread.
 */
public sealed interface Binning {

    /** Number of bins. */
    int bins();

    /** The edges, ascending (a copy). */
    double[] edges();

    /** The bin of a value. */
    int bin(double value);

    /** The value a bin decodes to. */
    double centre(int bin);

    /**
     * Symmetric log over {@code ±hi} with {@code bins} (even) bins: positive edges
     * {@code P_j = 10^(j·log10(hi)/(bins/2 - 1))}, j = 0..bins/2-1 (1 to hi); edges {@code -P_last..-P_0} then
     * {@code P_0..P_last}.
     */
    static Binning symmetricLog(int bins, double hi) {
        return new SymmetricLog(bins, hi);
    }

    /** Log over {@code [max(lo, 1), hi]}: {@code bins - 1} edges {@code 10^(log10(lo') + i·span/(bins-1))}, i ≥ 1. */
    static Binning log(int bins, double lo, double hi) {
        return new Log(bins, lo, hi);
    }

    /** Linear over {@code [lo, hi]}: interior edges {@code lo + i·(hi-lo)/bins}, i = 1..bins-1. */
    static Binning linear(int bins, double lo, double hi) {
        return new Linear(bins, lo, hi);
    }

    /** Number of edges at or below {@code value}, clipped to the bins. */
    private static int digitize(double[] edges, int bins, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot bin NaN");
        }
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo, bins - 1);
    }

    private static void checkBin(int bin, int bins) {
        if (bin < 0 || bin >= bins) {
            throw new IllegalArgumentException(String.format("bin must be 0 to %d, got %d", bins - 1, bin));
        }
    }

    /** See {@link Binning#symmetricLog}. */
    final class SymmetricLog implements Binning {

        private final int bins;
        private final double hi;
        private final double[] edgeArray;

        private SymmetricLog(int bins, double hi) {
            this.edgeArray = edgesOf(bins, hi);
            this.bins = bins;
            this.hi = hi;
        }

        @Override
        public int bins() {
            return bins;
        }

        private static double[] edgesOf(int bins, double hi) {
            if (bins < 4 || bins % 2 != 0 || !(hi > 1)) {
                throw new IllegalArgumentException(String.format(
                        "symmetric log needs an even bin count >= 4 and hi > 1, got %d and %s", bins, hi));
            }
            int half = bins / 2;
            double logHi = Math.log10(hi);
            double[] edges = new double[bins];
            for (int j = 0; j < half; j++) {
                double p = Math.pow(10, j * logHi / (half - 1));
                edges[half + j] = p;
                edges[half - 1 - j] = -p;
            }
            return edges;
        }

        @Override
        public double[] edges() {
            return edgeArray.clone();
        }

        @Override
        public int bin(double value) {
            return digitize(edgeArray, bins, value);
        }

        @Override
        public double centre(int bin) {
            checkBin(bin, bins);
            int half = bins / 2;
            double logHi = Math.log10(hi);
            return bin < half ? -Math.pow(10, logHi * (1 - (bin + 0.5) / half))
                    : Math.pow(10, logHi * (bin - half + 0.5) / half);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SymmetricLog s && s.bins == bins && s.hi == hi;
        }

        @Override
        public int hashCode() {
            return bins * 31 + Double.hashCode(hi);
        }

        @Override
        public String toString() {
            return "SymmetricLog[bins=" + bins + ", hi=" + hi + ", edges=" + Arrays.toString(edgeArray) + "]";
        }
    }

    /** See {@link Binning#log}. */
    final class Log implements Binning {

        private final int bins;
        private final double lo;
        private final double hi;
        private final double[] edgeArray;

        private Log(int bins, double lo, double hi) {
            this.edgeArray = edgesOf(bins, Math.max(lo, 1), hi);
            this.bins = bins;
            this.lo = Math.max(lo, 1);
            this.hi = hi;
        }

        @Override
        public int bins() {
            return bins;
        }

        private static double[] edgesOf(int bins, double lo, double hi) {
            if (bins < 2 || !(hi > lo)) {
                throw new IllegalArgumentException(String.format(
                        "log binning needs >= 2 bins and hi > max(lo, 1), got %d bins over [%s, %s]", bins, lo, hi));
            }
            double logLo = Math.log10(lo);
            double span = Math.log10(hi) - logLo;
            double[] edges = new double[bins - 1];
            for (int i = 1; i < bins; i++) {
                edges[i - 1] = Math.pow(10, logLo + i * span / (bins - 1));
            }
            return edges;
        }

        @Override
        public double[] edges() {
            return edgeArray.clone();
        }

        @Override
        public int bin(double value) {
            return digitize(edgeArray, bins, value);
        }

        @Override
        public double centre(int bin) {
            checkBin(bin, bins);
            double logLo = Math.log10(lo);
            return Math.pow(10, logLo + (bin + 0.5) / bins * (Math.log10(hi) - logLo));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Log l && l.bins == bins && l.lo == lo && l.hi == hi;
        }

        @Override
        public int hashCode() {
            return bins * 31 + Double.hashCode(lo) * 17 + Double.hashCode(hi);
        }

        @Override
        public String toString() {
            return "Log[bins=" + bins + ", lo=" + lo + ", hi=" + hi + "]";
        }
    }

    /** See {@link Binning#linear}. */
    final class Linear implements Binning {

        private final int bins;
        private final double lo;
        private final double hi;
        private final double[] edgeArray;

        private Linear(int bins, double lo, double hi) {
            this.edgeArray = edgesOf(bins, lo, hi);
            this.bins = bins;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public int bins() {
            return bins;
        }

        private static double[] edgesOf(int bins, double lo, double hi) {
            if (bins < 2 || !(hi > lo)) {
                throw new IllegalArgumentException(String.format(
                        "linear binning needs >= 2 bins and hi > lo, got %d bins over [%s, %s]", bins, lo, hi));
            }
            double[] edges = new double[bins - 1];
            for (int i = 1; i < bins; i++) {
                edges[i - 1] = lo + i * (hi - lo) / bins;
            }
            return edges;
        }

        @Override
        public double[] edges() {
            return edgeArray.clone();
        }

        @Override
        public int bin(double value) {
            return digitize(edgeArray, bins, value);
        }

        @Override
        public double centre(int bin) {
            checkBin(bin, bins);
            return lo + (bin + 0.5) / bins * (hi - lo);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Linear l && l.bins == bins && l.lo == lo && l.hi == hi;
        }

        @Override
        public int hashCode() {
            return bins * 31 + Double.hashCode(lo) * 17 + Double.hashCode(hi);
        }

        @Override
        public String toString() {
            return "Linear[bins=" + bins + ", lo=" + lo + ", hi=" + hi + "]";
        }
    }
}
