package io.mvtrx.api.order;

/** Time in force. Wire codes follow the reference: GTC 0, GTT 1, IOC 2, FOK 3. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Good till time: cancelled once its expiry period has passed. */
    GTT,
    /** Immediate or cancel: fills what it can at once, never rests. */
    IOC,
    /** Fill or kill: fills completely at once or is rejected; never partially fills. */
    FOK;

    /** Reference wire code. */
    public int code() {
        return ordinal();
    }

    /** Time in force for a reference wire code. */
    public static TimeInForce ofCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("time-in-force code must be 0..3, got " + code);
        }
        return values()[code];
    }
}
