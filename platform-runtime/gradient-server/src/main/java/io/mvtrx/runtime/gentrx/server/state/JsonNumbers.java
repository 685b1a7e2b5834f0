package io.mvtrx.runtime.gentrx.server.state;

/** JSON has no NaN or infinity: the reference's sanitising (NaN → 0, ±∞ → ±1e30) applied to every double written. */
public final class JsonNumbers {

    public static final double HUGE = 1e30;

    private JsonNumbers() {
    }

    public static double finite(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? HUGE : -HUGE;
        }
        return value;
    }
}
