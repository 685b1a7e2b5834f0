package io.mvtrx.runtime.parquet;

import java.util.regex.Pattern;

/**
 * One required (never null) column of a flat schema.
 *
 * @param name letters, digits and underscores, starting with a letter or underscore
 * @param type what it holds
 */
public record Column(String name, ColumnType type) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Column {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(String.format(
                    "column name must be letters, digits and underscores, not starting with a digit; got '%s'",
                    name));
        }
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " has no type");
        }
    }

    /** A column named {@code name} of type {@code type}. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }
}
