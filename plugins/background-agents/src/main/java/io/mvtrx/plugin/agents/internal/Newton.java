package io.mvtrx.plugin.agents.internal;

/**
 * The reference's scalar root finder (0.5.4 replaced MINPACK {@code hybrd1} with it): Newton–Raphson with a
 * central-difference derivative (h = 1e-7), tolerance 1.49012e-8 on |f| and on the relative step, at most 100
 * iterations, started where the caller says (the models start at 1.0). Allocation-free.
 */
public final class Newton {

    /** The reference's tolerance (MINPACK's default xtol). */
    public static final double TOLERANCE = 1.49012e-8;

    private static final double STEP = 1e-7;
    private static final int MAX_ITERATIONS = 100;

    private Newton() {
    }

    /** A function whose root is sought. */
    @FunctionalInterface
    public interface Residual {

        /** The residual at {@code x}. */
        double at(double x);
    }

    /**
     * Finds a root of {@code f} starting at {@code x0}.
     *
     * @return the root, or NaN if the iteration did not converge (the reference's "not converged")
     */
    public static double solve(Residual f, double x0) {
        double x = x0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double value = f.at(x);
            if (Math.abs(value) < TOLERANCE) {
                return x;
            }
            double slope = (f.at(x + STEP) - f.at(x - STEP)) / (2 * STEP);
            if (!Double.isFinite(slope) || Math.abs(slope) < 1e-15) {
                return Double.NaN;
            }
            double dx = value / slope;
            x -= dx;
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
            if (Math.abs(dx) < TOLERANCE * Math.max(1.0, Math.abs(x))) {
                return x;
            }
        }
        return Double.NaN;
    }
}
