package io.mvtrx.runtime.simulator.report;

import java.util.Arrays;
import java.util.List;

/**
 * The estimators behind {@link MarketFacts}: log returns of a sampled price series, pooled moments and
 * autocorrelations over several series (each series demeaned and, for moments, standardized on its own, so books at
 * different price levels and volatilities can be pooled), and the Hill tail index
 * ({@link PowerLaw} fits the decay of an autocorrelation).
 *
 * <p>Stateless; every method allocates its result only.
 */
final class Statistics {

    private Statistics() {
    }

    /**
     * Log returns between consecutive prices from the first positive price on; a non-positive price after it (a
     * missing sample) gives no return and restarts the chain.
     */
    static double[] logReturns(double[] prices) {
        return aggregatedReturns(prices, 1);
    }

    /**
     * Non-overlapping log returns over {@code horizon} consecutive samples, from the first positive price on:
     * {@code ln(p[f + h(j+1)] / p[f + hj])}; a pair with a non-positive end gives none.
     */
    static double[] aggregatedReturns(double[] prices, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        int first = 0;
        while (first < prices.length && !(prices[first] > 0)) {
            first++;
        }
        double[] out = new double[Math.max(0, (prices.length - 1 - first) / horizon)];
        int n = 0;
        for (int t = first + horizon; t < prices.length; t += horizon) {
            double from = prices[t - horizon];
            double to = prices[t];
            if (from > 0 && to > 0) {
                out[n++] = Math.log(to / from);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** Population variance ({@code /n}); 0 for fewer than one value. */
    static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /**
     * Pooled excess kurtosis: every series standardized by its own mean and population standard deviation, then
     * {@code mean(z⁴) − 3} over all values. Constant series are left out. NaN with fewer than 4 values.
     */
    static double excessKurtosis(List<double[]> series) {
        double m4 = 0;
        int n = 0;
        for (double[] x : series) {
            double mean = mean(x);
            double variance = variance(x);
            if (x.length == 0 || variance == 0) {
                continue;
            }
            for (double v : x) {
                double z = (v - mean) * (v - mean) / variance;
                m4 += z * z;
            }
            n += x.length;
        }
        return n < 4 ? Double.NaN : m4 / n - 3;
    }

    /**
     * Pooled autocorrelation at lags {@code 1..maxLag}: {@code Σ (x_t − x̄)(x_{t+k} − x̄) / Σ (x_t − x̄)²}, sums over
     * all series, each demeaned by its own mean. NaN where every series is constant.
     */
    static double[] autocorrelation(List<double[]> series, int maxLag) {
        double[] cross = new double[maxLag];
        double squares = 0;
        for (double[] x : series) {
            double mean = mean(x);
            for (int t = 0; t < x.length; t++) {
                double d = x[t] - mean;
                squares += d * d;
                for (int k = 1; k <= maxLag && t + k < x.length; k++) {
                    cross[k - 1] += d * (x[t + k] - mean);
                }
            }
        }
        double[] acf = new double[maxLag];
        for (int k = 0; k < maxLag; k++) {
            acf[k] = squares == 0 ? Double.NaN : cross[k] / squares;
        }
        return acf;
    }

    /**
     * Pooled cross-correlation of {@code y_t} with {@code x_{t−lag}} (pairs of equal-length series, each demeaned by
     * its own mean): {@code Σ dx_{t−lag}·dy_t / √(Σ dx² · Σ dy²)}. NaN where either side is constant.
     */
    static double crossCorrelation(List<double[]> x, List<double[]> y, int lag) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException(x.size() + " series against " + y.size());
        }
        double cross = 0;
        double xx = 0;
        double yy = 0;
        for (int s = 0; s < x.size(); s++) {
            double[] a = x.get(s);
            double[] b = y.get(s);
            if (a.length != b.length) {
                throw new IllegalArgumentException("series " + s + " has lengths " + a.length + " and " + b.length);
            }
            double ma = mean(a);
            double mb = mean(b);
            for (int t = 0; t < a.length; t++) {
                xx += (a[t] - ma) * (a[t] - ma);
                yy += (b[t] - mb) * (b[t] - mb);
                if (t - lag >= 0 && t - lag < a.length) {
                    cross += (a[t - lag] - ma) * (b[t] - mb);
                }
            }
        }
        return xx == 0 || yy == 0 ? Double.NaN : cross / Math.sqrt(xx * yy);
    }

    /**
     * The Hill estimator of the tail index from the largest {@code k = ⌊fraction·n⌋} of the positive values:
     * {@code α = 1 / ((1/k) Σ_{i≤k} ln(X_(i) / X_(k+1)))}, {@code X_(1) ≥ X_(2) ≥ …}. NaN when {@code k < 2}, when
     * {@code X_(k+1)} is not positive, or when the top values are all equal.
     *
     * @param values   a sample (typically absolute returns); non-positive and non-finite values count towards n but
     *                 can never be in the tail
     * @param fraction share of the sample in the tail, in (0, 1)
     */
    static double hill(double[] values, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("tail fraction must be in (0, 1), got " + fraction);
        }
        double[] sorted = Arrays.stream(values).map(v -> Double.isFinite(v) ? v : 0).sorted().toArray();
        int n = sorted.length;
        int k = (int) Math.floor(fraction * n);
        if (k < 2 || k >= n) {
            return Double.NaN;
        }
        double threshold = sorted[n - 1 - k];
        if (!(threshold > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.log(sorted[n - 1 - i] / threshold);
        }
        return sum == 0 ? Double.NaN : k / sum;
    }

    /** The median of a sample (mean of the middle two for an even count); NaN when empty. */
    static double median(int[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + (double) sorted[count / 2]) / 2;
    }

    /** The number of leading values that are positive: {@code m} when {@code values[0..m−1] > 0}. */
    static int positivePrefix(double[] values) {
        int m = 0;
        while (m < values.length && values[m] > 0) {
            m++;
        }
        return m;
    }
}
