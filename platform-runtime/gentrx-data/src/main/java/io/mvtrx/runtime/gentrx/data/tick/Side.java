package io.mvtrx.runtime.gentrx.data.tick;

/** The side an event is on; the packet writes 0 for buy and 1 for sell. */
public enum Side {
    BUY,
    SELL;

    /** The side of a packet's {@code s} code. */
    public static Side ofCode(long code, String field) {
        if (code == 0) {
            return BUY;
        }
        if (code == 1) {
            return SELL;
        }
        throw new TickFormatException("%s: side must be 0 (buy) or 1 (sell), got %d", field, code);
    }
}
