package io.mvtrx.plugin.process.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import io.mvtrx.api.settings.SettingsException;

/**
 * A recorded price series read from a CSV file of {@code timestamp_ns,price} rows: simulation time in ns (>= 0,
 * non-decreasing) and a finite price > 0. An optional first line {@code timestamp_ns,price} is a header; blank lines
 * and lines starting with {@code #} are skipped. Read once, at creation; a bad row fails creation with the
 * element path, the file and the line number.
 *
 * <p>Lookups are step interpolation: the price at t is that of the last row with timestamp <= t (a later row wins
 * among equal timestamps). Immutable; {@link Cursor}s are not thread-safe.
 */
public final class PriceSeries {

    private static final String HEADER = "timestamp_ns,price";

    private final Path file;
    private final long[] timestamps;
    private final double[] prices;

    private PriceSeries(Path file, long[] timestamps, double[] prices) {
        this.file = file;
        this.timestamps = timestamps;
        this.prices = prices;
    }

    /**
     * Reads a series.
     *
     * @param file        the CSV file (relative paths resolve against the working directory)
     * @param elementPath configuration path of the element that names the file, for messages
     * @throws SettingsException if the file cannot be read, has no rows, or has a bad row
     */
    public static PriceSeries read(Path file, String elementPath) {
        long[] timestamps = new long[1024];
        double[] prices = new double[1024];
        int size = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (first && text.replace(" ", "").toLowerCase(Locale.ROOT).equals(HEADER)) {
                    first = false;
                    continue;
                }
                first = false;
                String[] fields = text.split(",", -1);
                if (fields.length != 2) {
                    throw bad(elementPath, file, lineNumber,
                            String.format("expected 2 fields timestamp_ns,price, got %d in '%s'", fields.length, text));
                }
                long timestamp = timestamp(fields[0].strip(), elementPath, file, lineNumber);
                double price = price(fields[1].strip(), elementPath, file, lineNumber);
                if (size > 0 && timestamp < timestamps[size - 1]) {
                    throw bad(elementPath, file, lineNumber, String.format(
                            "timestamp %d ns is before the previous row's %d ns", timestamp, timestamps[size - 1]));
                }
                if (size == timestamps.length) {
                    timestamps = Arrays.copyOf(timestamps, size * 2);
                    prices = Arrays.copyOf(prices, size * 2);
                }
                timestamps[size] = timestamp;
                prices[size] = price;
                size++;
            }
        } catch (IOException e) {
            throw new SettingsException("%s: cannot read price file '%s': %s", elementPath, file, e);
        }
        if (size == 0) {
            throw new SettingsException("%s: price file '%s' has no rows (expected timestamp_ns,price)",
                    elementPath, file);
        }
        return new PriceSeries(file, Arrays.copyOf(timestamps, size), Arrays.copyOf(prices, size));
    }

    private static long timestamp(String text, String elementPath, Path file, int line) {
        try {
            long timestamp = new BigDecimal(text).longValueExact();
            if (timestamp < 0) {
                throw bad(elementPath, file, line, String.format("timestamp must be >= 0 ns, got '%s'", text));
            }
            return timestamp;
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(elementPath, file, line, String.format("timestamp must be an integer of ns, got '%s'", text));
        }
    }

    private static double price(String text, String elementPath, Path file, int line) {
        double price;
        try {
            price = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw bad(elementPath, file, line, String.format("price must be a number, got '%s'", text));
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw bad(elementPath, file, line, String.format("price must be finite and > 0, got '%s'", text));
        }
        return price;
    }

    private static SettingsException bad(String elementPath, Path file, int line, String reason) {
        return new SettingsException("%s: price file '%s' line %d: %s", elementPath, file, line, reason);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Number of rows. */
    public int size() {
        return timestamps.length;
    }

    /** Timestamp of row i, ns. */
    public long timestamp(int row) {
        return timestamps[row];
    }

    /** Price of row i. */
    public double price(int row) {
        return prices[row];
    }

    /** A cursor positioned before the first row. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Walks the series forward in time; amortised O(1) per row passed. */
    public final class Cursor {

        private int row = -1;

        private Cursor() {
        }

        /**
         * Moves to the last row with timestamp <= {@code time} (time must not decrease between calls).
         *
         * @return that row's index, or -1 while {@code time} is before the first row
         */
        public int seek(long time) {
            while (row + 1 < timestamps.length && timestamps[row + 1] <= time) {
                row++;
            }
            return row;
        }

        /** The current row, or -1 before the first. */
        /**
         * Puts the cursor back on a saved row.
         *
         * @throws IllegalArgumentException if the series has no such row
         */
        public void restore(int savedRow) {
            if (savedRow < -1 || savedRow >= timestamps.length) {
                throw new IllegalArgumentException(String.format("price file '%s' has rows 0..%d, the saved "
                        + "cursor is at %d", file, timestamps.length - 1, savedRow));
            }
            row = savedRow;
        }

        public int row() {
            return row;
        }
    }
}
