package io.mvtrx.api.order;

/**
 * How the proceeds of an order repay open loans: {@link #NONE} (-2) repays nothing, {@link #FIFO} (-1) repays
 * opposite-direction loans oldest order first, and a value {@code >= 0} repays only the loan of that order id.
 */
public final class SettleFlag {

    /** Repay nothing. */
    public static final long NONE = -2;

    /** Repay opposite-direction loans, oldest order id first. */
    public static final long FIFO = -1;

    private SettleFlag() {
    }

    /** Whether a value is a valid settle flag. */
    public static boolean isValid(long flag) {
        return flag >= FIFO || flag == NONE;
    }

    /** Text form: "NONE", "FIFO" or the order id. */
    public static String describe(long flag) {
        if (flag == NONE) {
            return "NONE";
        }
        return flag == FIFO ? "FIFO" : Long.toString(flag);
    }
}
