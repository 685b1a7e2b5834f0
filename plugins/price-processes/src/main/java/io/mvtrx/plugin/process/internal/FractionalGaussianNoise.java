package io.mvtrx.plugin.process.internal;

import java.util.Arrays;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * Exact fractional Gaussian noise of unit variance, one value at a time, by Hosking's method (the Durbin–Levinson
 * recursion; J. R. M. Hosking, "Modeling persistence in hydrological time series using fractional differencing",
 * Water Resources Research 20, 1984; T. Dieker, "Simulation of fractional Brownian motion", 2004, §2.1.1).
 *
 * <p>The values have autocovariance {@code Γ(k) = ½(|k−1|^{2H} − 2|k|^{2H} + |k+1|^{2H})}. Given the innovations
 * {@code z_0, z_1, ...} it returns {@code X = L·z} where {@code L} is the lower Cholesky factor of the covariance
 * matrix {@code [Γ(i−j)]}: exactly what the reference computes with its precomputed 2882×2882 factor, row by row,
 * but in O(n) memory and without bounding the number of values. {@code X_n = Σ φ_{n,j}·X_{n−j} + √v_n·z_n}, where
 * {@code √v_n} is the n-th diagonal entry of {@code L}.
 *
 * <p>Cost: value n takes O(n) time, so n values take O(n²) (the reference's {@code L_k·V} product costs the same);
 * memory O(n). Not thread-safe. For H = ½ the noise is white and each value is O(1).
 */
public final class FractionalGaussianNoise {

    private final double hurst;
    private final double twoH;
    private final boolean white;
    private double[] gamma = new double[64];
    private double[] phi = new double[64];
    private double[] nextPhi = new double[64];
    private double[] history = new double[64];
    private int count;
    private double innovationVariance = 1;

    /** @param hurst the Hurst exponent, within (0, 1) */
    public FractionalGaussianNoise(double hurst) {
        if (!(hurst > 0 && hurst < 1)) {
            throw new IllegalArgumentException("Hurst exponent must be within (0, 1), got " + hurst);
        }
        this.hurst = hurst;
        this.twoH = 2 * hurst;
        this.white = hurst == 0.5;
        this.gamma[0] = 1;
    }

    /** The Hurst exponent. */
    public double hurst() {
        return hurst;
    }

    /** Number of values produced so far. */
    public int count() {
        return count;
    }

    /** The autocovariance {@code Γ(k)} of unit-variance fractional Gaussian noise. */
    public static double autocovariance(double hurst, long k) {
        double twoH = 2 * hurst;
        double a = Math.abs(k);
        return 0.5 * (Math.pow(Math.abs(a - 1), twoH) - 2 * Math.pow(a, twoH) + Math.pow(a + 1, twoH));
    }

    /**
     * The next value.
     *
     * @param z a standard normal innovation
     */
    public double next(double z) {
        if (white) {
            count++;
            return z;
        }
        int n = count;
        ensureCapacity(n + 1);
        double x;
        if (n == 0) {
            x = z;
        } else {
            gamma[n] = 0.5 * (Math.pow(n - 1, twoH) - 2 * Math.pow(n, twoH) + Math.pow(n + 1, twoH));
            // φ_{n,n} = (Γ(n) − Σ_{j<n} φ_{n−1,j}·Γ(n−j)) / v_{n−1}; φ_{n-1,j} sits at phi[j-1].
            double numerator = gamma[n];
            for (int j = 1; j < n; j++) {
                numerator -= phi[j - 1] * gamma[n - j];
            }
            double reflection = numerator / innovationVariance;
            for (int j = 1; j < n; j++) {
                nextPhi[j - 1] = phi[j - 1] - reflection * phi[n - j - 1];
            }
            nextPhi[n - 1] = reflection;
            double[] swap = phi;
            phi = nextPhi;
            nextPhi = swap;
            innovationVariance *= 1 - reflection * reflection;
            double mean = 0;
            for (int j = 1; j <= n; j++) {
                mean += phi[j - 1] * history[n - j];
            }
            x = mean + Math.sqrt(innovationVariance) * z;
        }
        history[n] = x;
        count = n + 1;
        return x;
    }

    /**
     * Saves the recursion: the count, the innovation variance and the first {@code count} autocovariances,
     * coefficients and past values (O(count): the history is the process's memory).
     */
    public void writeState(StateWriter out) {
        out.writeInt(count);
        out.writeDouble(innovationVariance);
        int n = white ? 0 : count;
        out.writeDoubles(gamma, 0, Math.max(1, n));
        out.writeDoubles(phi, 0, n);
        out.writeDoubles(history, 0, n);
    }

    /** Restores what {@link #writeState} saved into fresh noise of the same Hurst exponent. */
    public void readState(StateReader in) {
        count = in.readInt();
        innovationVariance = in.readDouble();
        double[] savedGamma = in.readDoubles();
        double[] savedPhi = in.readDoubles();
        double[] savedHistory = in.readDoubles();
        int n = white ? 0 : count;
        in.check(savedPhi.length == n && savedHistory.length == n && savedGamma.length == Math.max(1, n),
                "fractional noise: saved %d values for a count of %d", savedHistory.length, count);
        ensureCapacity(n + 1);
        System.arraycopy(savedGamma, 0, gamma, 0, savedGamma.length);
        System.arraycopy(savedPhi, 0, phi, 0, n);
        System.arraycopy(savedHistory, 0, history, 0, n);
    }

    private void ensureCapacity(int size) {
        if (size <= history.length) {
            return;
        }
        int capacity = Math.max(size, history.length * 2);
        gamma = Arrays.copyOf(gamma, capacity);
        phi = Arrays.copyOf(phi, capacity);
        nextPhi = Arrays.copyOf(nextPhi, capacity);
        history = Arrays.copyOf(history, capacity);
    }
}
