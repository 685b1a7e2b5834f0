package io.mvtrx.runtime.simulator.report;

/**
 * A power law {@code y = A·k^(−β)} fitted to a decay (here: the autocorrelation of absolute returns over the lag) by
 * ordinary least squares of {@code ln y} on {@code ln k} over the lags where the value is positive.
 *
 * @param exponent  β (positive for a decay); NaN with fewer than two usable lags
 * @param amplitude A; NaN with fewer than two usable lags
 * @param lags      lags used: those with a positive, finite value
 */
public record PowerLaw(double exponent, double amplitude, int lags) {

    /** The fitted value at lag {@code k}. */
    public double at(double k) {
        return amplitude * Math.pow(k, -exponent);
    }

    /** Fits {@code values[k − 1]} at lags {@code k = 1..values.length}; non-positive and non-finite values are left out. */
    public static PowerLaw fit(double[] values) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = 1; k <= values.length; k++) {
            double v = values[k - 1];
            if (v > 0 && Double.isFinite(v)) {
                double x = Math.log(k);
                double y = Math.log(v);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        double denominator = n * sxx - sx * sx;
        if (n < 2 || denominator == 0) {
            return new PowerLaw(Double.NaN, Double.NaN, n);
        }
        double slope = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        return new PowerLaw(-slope, Math.exp(intercept), n);
    }
}
