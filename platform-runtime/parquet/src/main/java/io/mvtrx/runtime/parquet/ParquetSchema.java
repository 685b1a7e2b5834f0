package io.mvtrx.runtime.parquet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A flat schema: a message of required columns, in file order.
 *
 * @param name    the message name (the root of the Parquet schema)
 * @param columns at least one, names unique
 */
public record ParquetSchema(String name, List<Column> columns) {

    public ParquetSchema {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a schema needs a name");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("schema " + name + " has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException(String.format("schema %s names column %s twice", name,
                        column.name()));
            }
        }
    }

    /** A schema of {@code columns}, in that order. */
    public static ParquetSchema of(String name, Column... columns) {
        return new ParquetSchema(name, List.of(columns));
    }

    /** Number of columns. */
    public int size() {
        return columns.size();
    }

    /** Column {@code index}. */
    public Column column(int index) {
        return columns.get(index);
    }

    /**
     * The position of the column named {@code column}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public int indexOf(String column) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.format("schema %s has no column %s", name, column));
    }
}
