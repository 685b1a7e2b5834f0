package io.mvtrx.api.event;

/**
 * Why the exchange refused an instruction, with the reference's names and stable numeric codes grouped by the
 * stage that rejects: intake -1xxx, risk -2xxx, matching -3xxx, accounts -4xxx. An invalid instruction rejects only
 * itself.
 */
public enum RejectReason {
    /** The book id does not exist. */
    UNKNOWN_BOOK(-1001),
    /** Leverage below 0 or above the exchange's maximum. */
    INVALID_LEVERAGE(-1002),
    /** Volume zero or negative (after truncation to the book's decimals). */
    INVALID_VOLUME(-1003),
    /** Price zero or negative (after truncation). */
    INVALID_PRICE(-1004),
    /** The instruction's fields contradict each other (e.g. GTT without expiry). */
    INVALID_INSTRUCTION(-1005),
    /** Reserved by the reference: price off the tick grid (we truncate instead). */
    PRICE_INCREMENT_VIOLATED(-1006),
    /** Reserved by the reference: volume off the lot grid (we truncate instead). */
    VOLUME_INCREMENT_VIOLATED(-1007),
    /**
     * The validator accepts only so many instructions per book from one response; this one came after the limit
     * (reference {@code --scoring.max_instructions_per_book}, 5).
     */
    INSTRUCTION_LIMIT(-1008),
    /**
     * The agent's traded volume on this book over the validator's assessment period (24 h) reached its cap
     * (capital turnover cap x miner wealth); only cancellations pass until it falls below.
     */
    VOLUME_CAP(-1009),
    /** The agent already has the maximum number of open orders on the book. */
    EXCEEDING_MAX_ORDERS(-2001),
    /** The order is below the book's minimum size. */
    MINIMUM_ORDER_SIZE_VIOLATION(-2002),
    /** Not enough free quote to reserve. */
    INSUFFICIENT_QUOTE(-2003),
    /** Not enough free base to reserve. */
    INSUFFICIENT_BASE(-2004),
    /** The loan would exceed the exchange's maximum, or the collateral does not cover it. */
    EXCEEDING_LOAN(-2005),
    /** A leveraged order on the side opposite to an open leveraged position. */
    DUAL_POSITION(-2006),
    /** IOC that cannot fill at all, FOK that cannot fill completely, or post-only that would take. */
    CONTRACT_VIOLATION(-3001),
    /** A market order against an empty opposite side. */
    EMPTY_BOOK(-3002),
    /** A cancel or close for an order that is not open (unknown, filled, or already cancelled). */
    UNKNOWN_ORDER(-3003),
    /** A cancel or close for another agent's order. */
    NOT_ORDER_OWNER(-3004),
    /** A close for an order that has no open loan. */
    NO_LOAN(-3005),
    /** The agent has no account on this exchange. */
    NONEXISTENT_ACCOUNT(-4001);

    private final int code;

    RejectReason(int code) {
        this.code = code;
    }

    /** Stable numeric code. */
    public int code() {
        return code;
    }
}
