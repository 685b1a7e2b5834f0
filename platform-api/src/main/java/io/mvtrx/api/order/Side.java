package io.mvtrx.api.order;

/** Order direction. Wire codes follow the reference: BUY = 0, SELL = 1. */
public enum Side {
    BUY,
    SELL;

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** Reference wire code. */
    public int code() {
        return ordinal();
    }

    /** Side for a reference wire code. */
    public static Side ofCode(int code) {
        return switch (code) {
            case 0 -> BUY;
            case 1 -> SELL;
            default -> throw new IllegalArgumentException("side code must be 0 (BUY) or 1 (SELL), got " + code);
        };
    }
}
