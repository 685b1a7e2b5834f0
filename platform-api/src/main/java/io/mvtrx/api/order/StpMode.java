package io.mvtrx.api.order;

/**
 * Self-trade prevention, applied when an incoming order meets a resting order of the same agent.
 * Wire codes follow the reference: NONE 0, CO 1, CN 2, CB 3, DC 4.
 */
public enum StpMode {
    /** No prevention: the agent trades with itself and pays both fees. */
    NONE,
    /** Cancel oldest: the resting order is cancelled, matching continues (the reference default). */
    CO,
    /** Cancel newest: the incoming order's remainder is cancelled. */
    CN,
    /** Cancel both: the incoming remainder and the resting order are cancelled. */
    CB,
    /** Decrement and cancel: the smaller order is cancelled and the larger reduced by its size. */
    DC;

    /** Reference wire code. */
    public int code() {
        return ordinal();
    }

    /** STP mode for a reference wire code. */
    public static StpMode ofCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("STP code must be 0..4, got " + code);
        }
        return values()[code];
    }
}
