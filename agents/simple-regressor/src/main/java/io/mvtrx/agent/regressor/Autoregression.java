package io.mvtrx.agent.regressor;

import java.util.OptionalDouble;

/**
 * Least-squares fit of {@code r[t] = a + b1·r[t−1] + … + bp·r[t−p]} over a series, with a scale-free ridge (each
 * diagonal entry of the normal matrix is raised by {@code ridge} times itself) so a flat or trending series still
 * gives an answer. Stateless; cost O(n·p² + p³).
 */
final class Autoregression {

    /** Relative pivot size below which the normal matrix counts as singular. */
    private static final double SINGULAR = 1e-12;

    private Autoregression() {
    }

    /**
     * The one-step-ahead prediction after the last value of {@code series}, or empty when the series is shorter
     * than {@code lags + 1} rows of data or the system is singular.
     */
    static OptionalDouble predictNext(double[] series, int lags, double ridge) {
        int rows = series.length - lags;
        if (rows < lags + 1) {
            return OptionalDouble.empty();
        }
        int p = lags + 1;
        double[][] normal = new double[p][p + 1];
        double[] x = new double[p];
        for (int t = lags; t < series.length; t++) {
            x[0] = 1;
            for (int k = 1; k <= lags; k++) {
                x[k] = series[t - k];
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    normal[i][j] += x[i] * x[j];
                }
                normal[i][p] += x[i] * series[t];
            }
        }
        for (int i = 0; i < p; i++) {
            normal[i][i] *= 1 + ridge;
        }
        double[] beta = solve(normal);
        if (beta == null) {
            return OptionalDouble.empty();
        }
        double prediction = beta[0];
        for (int k = 1; k <= lags; k++) {
            prediction += beta[k] * series[series.length - k];
        }
        return Double.isFinite(prediction) ? OptionalDouble.of(prediction) : OptionalDouble.empty();
    }

    /**
     * Gauss-Jordan elimination with partial pivoting on an augmented p × (p+1) matrix; null if singular, that is
     * when a pivot is below {@link #SINGULAR} times its column's original diagonal (rounding leaves dust, not zero).
     */
    private static double[] solve(double[][] m) {
        int p = m.length;
        double[] diagonal = new double[p];
        for (int i = 0; i < p; i++) {
            diagonal[i] = Math.abs(m[i][i]);
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int row = col + 1; row < p; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(m[pivot][col]) > SINGULAR * diagonal[col])) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = 0; row < p; row++) {
                if (row != col) {
                    double factor = m[row][col] / m[col][col];
                    for (int k = col; k <= p; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[] solution = new double[p];
        for (int i = 0; i < p; i++) {
            solution[i] = m[i][p] / m[i][i];
        }
        return solution;
    }
}
