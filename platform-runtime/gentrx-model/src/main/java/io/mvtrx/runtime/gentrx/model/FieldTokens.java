package io.mvtrx.runtime.gentrx.model;

import java.util.Objects;

/**
 * The five bin indices of {@code rows} order rows, one array per field, row-major over {@code [batch, length]}.
 * Arrays are not copied.
 */
public record FieldTokens(int[] orderType, int[] price, int[] volInt, int[] volDec, int[] interval) {

    public FieldTokens {
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(volInt, "volInt");
        Objects.requireNonNull(volDec, "volDec");
        Objects.requireNonNull(interval, "interval");
        int rows = orderType.length;
        if (price.length != rows || volInt.length != rows || volDec.length != rows || interval.length != rows) {
            throw new IllegalArgumentException("field tokens: the five fields hold different row counts ("
                    + orderType.length + ", " + price.length + ", " + volInt.length + ", " + volDec.length + ", "
                    + interval.length + ")");
        }
    }

    public int rows() {
        return orderType.length;
    }

    public int[] of(Field field) {
        return switch (field) {
            case ORDER_TYPE -> orderType;
            case PRICE -> price;
            case VOL_INT -> volInt;
            case VOL_DEC -> volDec;
            case INTERVAL -> interval;
        };
    }

    /** Refuses an index outside a field's vocabulary, naming the field and the row. */
    void checkRange(ModelConfig config, String what) {
        for (Field field : Field.values()) {
            int[] values = of(field);
            int classes = config.classes(field);
            for (int row = 0; row < values.length; row++) {
                if (values[row] < 0 || values[row] >= classes) {
                    throw new IllegalArgumentException(what + " " + field.referenceName() + " at row " + row + " is "
                            + values[row] + ", outside 0.." + (classes - 1));
                }
            }
        }
    }
}
