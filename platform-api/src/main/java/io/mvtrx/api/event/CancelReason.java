package io.mvtrx.api.event;

/** Why volume left the book without trading. */
public enum CancelReason {
    /** The owner asked. */
    REQUESTED,
    /** A GTT order reached its expiry. */
    EXPIRED,
    /** Self-trade prevention removed it. */
    SELF_TRADE,
    /** An IOC or market order's unfilled remainder (including a market order stopped by its slippage bound). */
    UNFILLED,
    /** The account was reset. */
    RESET
}
