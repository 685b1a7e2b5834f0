package io.mvtrx.api.number;

/**
 * Fee rates and other small ratios as longs at {@link #SCALE} (10^-8): 0.00023 is 23 000; negative rates are rebates.
 */
public final class Rate {

    /** Decimals of a rate. */
    public static final Scale SCALE = new Scale(8);

    /** One whole (100 %) at {@link #SCALE}. */
    public static final long ONE = 100_000_000L;

    private Rate() {
    }
}
