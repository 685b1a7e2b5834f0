package io.mvtrx.runtime.validator.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's {@code round(x, ndigits)} for floats: the exact binary value of {@code x} rounded to {@code ndigits}
 * decimals, ties (exact binary halves only) to even, then the nearest double. So {@code round(2.675, 2)} is 2.67
 * (2.675 is stored just below the half) and {@code round(0.125, 2)} is 0.12 (an exact half, to even).
 */
public final class PythonRound {

    private PythonRound() {
    }

    /** {@code round(x, ndigits)}; NaN and infinities come back unchanged, as in Python. */
    public static double round(double x, int ndigits) {
        if (!Double.isFinite(x) || x == 0.0) {
            return x;
        }
        double rounded = Double.parseDouble(
                new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN).toString());
        // Python keeps the sign of a result that rounds to zero: round(-0.001, 2) is -0.0.
        return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
    }
}
