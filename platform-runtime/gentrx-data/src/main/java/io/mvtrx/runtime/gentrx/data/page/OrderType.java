package io.mvtrx.runtime.gentrx.data.page;

/** The kind of a training row; {@link #code()} is the {@code order_type} column and the model's token. */
public enum OrderType {
    BID(0),
    ASK(1),
    CANCEL(2),
    EXEC_BUY(3),
    EXEC_SELL(4);

    private static final OrderType[] BY_CODE = values();

    private final int code;

    OrderType(int code) {
        this.code = code;
    }

    /** The column value, 0 to 4. */
    public int code() {
        return code;
    }

    /**
     * The type of a column value.
     *
     * @throws IllegalArgumentException for a value outside 0..4
     */
    public static OrderType ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException(String.format("order_type must be 0 to 4, got %d", code));
        }
        return BY_CODE[code];
    }
}
