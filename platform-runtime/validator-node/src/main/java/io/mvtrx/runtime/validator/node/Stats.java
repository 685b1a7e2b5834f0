package io.mvtrx.runtime.validator.node;

import java.util.Arrays;

/** numpy-compatible order statistics for the scoring pipeline (median, linear-interpolation percentile). */
final class Stats {

    private Stats() {
    }

    /** numpy.median: mean of the middle pair for even counts. */
    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** numpy.percentile with the default linear interpolation; {@code q} in [0, 100]. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of an empty array");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = (sorted.length - 1) * q / 100.0;
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }
}
