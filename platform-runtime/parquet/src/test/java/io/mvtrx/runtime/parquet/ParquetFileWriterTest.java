package io.mvtrx.runtime.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.runtime.parquet.readback.ParquetReadBack;

import org.apache.parquet.column.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ParquetFileWriterTest {

    private static final ParquetSchema ALL_TYPES = ParquetSchema.of("all_types",
            Column.of("time", ColumnType.TIMESTAMP_NANOS),
            Column.of("tiny", ColumnType.INT8),
            Column.of("small", ColumnType.INT16),
            Column.of("id", ColumnType.INT32),
            Column.of("price", ColumnType.INT64),
            Column.of("fraction", ColumnType.FLOAT),
            Column.of("ratio", ColumnType.DOUBLE));

    @TempDir
    Path dir;

    /** 1 000 rows with extremes in every column: row i of the expected values. */
    private static final int ROWS = 1_000;

    private static long time(int i) {
        return 1_000_000_000L * i + (i % 7);
    }

    private static int tiny(int i) {
        return i == 3 ? -128 : i == 4 ? 127 : i % 13 - 6;
    }

    private static int small(int i) {
        return i == 5 ? Short.MIN_VALUE : i == 6 ? Short.MAX_VALUE : i * 31 % 2000 - 1000;
    }

    private static int id(int i) {
        return i == 7 ? Integer.MIN_VALUE : i == 8 ? Integer.MAX_VALUE : -i;
    }

    private static long price(int i) {
        return i == 9 ? Long.MIN_VALUE : i == 10 ? Long.MAX_VALUE : 3_000_000L + (i * 7919L % 101) - 50;
    }

    private static float fraction(int i) {
        return i / 1000f - 0.25f;
    }

    private static double ratio(int i) {
        return Math.sin(i) * 1e6;
    }

    private static void fill(RowGroupBuffer rows, int from, int to) {
        for (int i = from; i < to; i++) {
            rows.putLong(0, time(i));
            rows.putInt(1, tiny(i));
            rows.putInt(2, small(i));
            rows.putInt(3, id(i));
            rows.putLong(4, price(i));
            rows.putFloat(5, fraction(i));
            rows.putDouble(6, ratio(i));
            rows.endRow();
        }
    }

    @ParameterizedTest(name = "{0}, delta {1}")
    @CsvSource({"NONE, true", "NONE, false", "GZIP, true", "GZIP, false"})
    void parquetJavaReadsEveryValueBackInTwoRowGroupsOfSeveralPages(Compression compression, boolean delta)
            throws IOException {
        Path file = dir.resolve("all.parquet");
        WriterOptions options = new WriterOptions(compression, 150, delta);
        try (ParquetFileWriter writer = ParquetFileWriter.create(file, ALL_TYPES, options)) {
            writer.metadata("mvtrx.kind", "test");
            writer.metadata("mvtrx.priceDecimals", "2");
            RowGroupBuffer rows = new RowGroupBuffer(ALL_TYPES, 16);
            fill(rows, 0, 600);
            writer.write(rows);
            rows.clear();
            fill(rows, 600, ROWS);
            writer.write(rows);
            assertThat(writer.rows()).isEqualTo(ROWS);
            assertThat(writer.rowGroups()).isEqualTo(2);
        }

        ParquetReadBack back = ParquetReadBack.read(file);
        assertThat(back.rows()).isEqualTo(ROWS);
        assertThat(back.declaredRows()).isEqualTo(ROWS);
        assertThat(back.rowGroups()).isEqualTo(2);
        assertThat(back.rowGroupRows(0)).isEqualTo(600);
        assertThat(back.rowGroupRows(1)).isEqualTo(400);
        assertThat(back.columnNames()).containsExactly("time", "tiny", "small", "id", "price", "fraction", "ratio");
        assertThat(back.metadata()).containsOnly(entry("mvtrx.kind", "test"), entry("mvtrx.priceDecimals", "2"));
        assertThat(back.createdBy()).isEqualTo(ParquetFileWriter.CREATED_BY);
        assertThat(back.schemaText())
                .contains("required int64 time (TIMESTAMP(NANOS,false))")
                .contains("required int32 tiny (INTEGER(8,true))")
                .contains("required int32 small (INTEGER(16,true))")
                .contains("required int32 id;")
                .contains("required int64 price;")
                .contains("required float fraction columnorder(TYPE_DEFINED_ORDER);")
                .contains("required double ratio columnorder(TYPE_DEFINED_ORDER);");

        for (int i = 0; i < ROWS; i++) {
            int row = i;
            assertThat(back.longs("time")[i]).as("time %d", row).isEqualTo(time(i));
            assertThat(back.ints("tiny")[i]).as("tiny %d", row).isEqualTo(tiny(i));
            assertThat(back.ints("small")[i]).as("small %d", row).isEqualTo(small(i));
            assertThat(back.ints("id")[i]).as("id %d", row).isEqualTo(id(i));
            assertThat(back.longs("price")[i]).as("price %d", row).isEqualTo(price(i));
            assertThat(back.floats("fraction")[i]).as("fraction %d", row).isEqualTo(fraction(i));
            assertThat(back.doubles("ratio")[i]).as("ratio %d", row).isEqualTo(ratio(i));
        }

        String integerEncoding = delta ? "DELTA_BINARY_PACKED" : "PLAIN";
        assertThat(back.encodings(0, "price")).containsExactlyInAnyOrder(integerEncoding, "RLE");
        assertThat(back.encodings(1, "tiny")).containsExactlyInAnyOrder(integerEncoding, "RLE");
        assertThat(back.encodings(0, "ratio")).containsExactlyInAnyOrder("PLAIN", "RLE");
        assertThat(back.codec(0, "time")).isEqualTo(compression == Compression.GZIP ? "GZIP" : "UNCOMPRESSED");

        // Row group 0 holds rows 0..599, which include every extreme.
        assertStats(back.statistics(0, "time"), 0L, time(599));
        assertStats(back.statistics(0, "tiny"), -128, 127);
        assertStats(back.statistics(0, "small"), (int) Short.MIN_VALUE, (int) Short.MAX_VALUE);
        assertStats(back.statistics(0, "id"), Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertStats(back.statistics(0, "price"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertStats(back.statistics(0, "fraction"), -0.25f, fraction(599));
        // Row group 1 holds rows 600..999.
        assertStats(back.statistics(1, "time"), time(600), time(999));
        assertStats(back.statistics(1, "id"), -999, -600);
        assertStats(back.statistics(1, "fraction"), fraction(600), fraction(999));
        double[] ratios = new double[400];
        for (int i = 600; i < ROWS; i++) {
            ratios[i - 600] = ratio(i);
        }
        assertStats(back.statistics(1, "ratio"), Arrays.stream(ratios).min().orElseThrow(),
                Arrays.stream(ratios).max().orElseThrow());
    }

    private static void assertStats(Statistics<?> statistics, Object min, Object max) {
        assertThat(statistics.hasNonNullValue()).isTrue();
        assertThat(statistics.getNumNulls()).isZero();
        assertThat(statistics.genericGetMin()).isEqualTo(min);
        assertThat(statistics.genericGetMax()).isEqualTo(max);
    }

    /** The GenTRX training row (gentrx.md §3.3): 29 columns, int8/int32/int64/float32/float64 and timestamp[ns]. */
    @Test
    void theGentrxTrainingRowFitsTheWriter() throws IOException {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("timestamp", ColumnType.TIMESTAMP_NANOS), Column.of("order_type", ColumnType.INT8),
                Column.of("rel_price", ColumnType.INT64), Column.of("volume_int", ColumnType.INT32),
                Column.of("volume_dec", ColumnType.FLOAT), Column.of("interval_ns", ColumnType.INT64),
                Column.of("mid_price", ColumnType.INT64), Column.of("time_of_day_s", ColumnType.INT32),
                Column.of("mid_price_delta", ColumnType.INT64)));
        for (String side : new String[] {"ask", "bid"}) {
            for (int level = 1; level <= 10; level++) {
                columns.add(Column.of("lob_" + side + "_vol_" + level, ColumnType.DOUBLE));
            }
        }
        ParquetSchema schema = new ParquetSchema("gentrx_page", columns);
        Path file = dir.resolve("page.parquet");
        try (ParquetFileWriter writer = ParquetFileWriter.create(file, schema, WriterOptions.defaults())) {
            RowGroupBuffer rows = new RowGroupBuffer(schema, 128);
            for (int r = 0; r < 300; r++) {
                rows.putLong(0, 1_000_000_000L * r);
                rows.putInt(1, r % 5);
                rows.putLong(2, r % 7 - 3);
                rows.putInt(3, r);
                rows.putFloat(4, (r % 10) / 10f);
                rows.putLong(5, r == 0 ? 0 : 1_000_000_000L);
                rows.putLong(6, 30_000 + r);
                rows.putInt(7, r % 86_400);
                rows.putLong(8, r);
                for (int c = 9; c < 29; c++) {
                    rows.putDouble(c, c * 0.5 + r);
                }
                rows.endRow();
            }
            writer.write(rows);
        }
        ParquetReadBack back = ParquetReadBack.read(file);
        assertThat(back.columnNames()).hasSize(29).startsWith("timestamp", "order_type", "rel_price")
                .endsWith("lob_bid_vol_10");
        assertThat(back.schemaText()).contains("required int64 timestamp (TIMESTAMP(NANOS,false))",
                "required int32 order_type (INTEGER(8,true))", "required float volume_dec");
        assertThat(back.rows()).isEqualTo(300);
        assertThat(back.longs("timestamp")[299]).isEqualTo(299_000_000_000L);
        assertThat(back.floats("volume_dec")[13]).isEqualTo(0.3f);
        assertThat(back.doubles("lob_bid_vol_10")[299]).isEqualTo(28 * 0.5 + 299);
        assertStats(back.statistics(0, "order_type"), 0, 4);
    }

    @Test
    void aFileWithoutRowGroupsHasTheSchemaAndNoRows() throws IOException {
        Path file = dir.resolve("empty.parquet");
        try (ParquetFileWriter writer = ParquetFileWriter.create(file, ALL_TYPES, WriterOptions.defaults())) {
            writer.write(new RowGroupBuffer(ALL_TYPES, 4));
        }
        ParquetReadBack back = ParquetReadBack.read(file);
        assertThat(back.rows()).isZero();
        assertThat(back.rowGroups()).isZero();
        assertThat(back.columnNames()).hasSize(7);
    }

    @Test
    void zeroBoundsAreSignedZerosAndNaNIsLeftOutOfStatistics() throws IOException {
        ParquetSchema schema = ParquetSchema.of("floats", Column.of("f", ColumnType.FLOAT),
                Column.of("d", ColumnType.DOUBLE));
        Path file = dir.resolve("floats.parquet");
        try (ParquetFileWriter writer = ParquetFileWriter.create(file, schema, WriterOptions.defaults())) {
            RowGroupBuffer rows = new RowGroupBuffer(schema, 2);
            float[] fs = {0.0f, Float.NaN, 2.5f};
            double[] ds = {-3.5, Double.NaN, -0.0};
            for (int i = 0; i < 3; i++) {
                rows.putFloat(0, fs[i]);
                rows.putDouble(1, ds[i]);
                rows.endRow();
            }
            writer.write(rows);
        }
        ParquetReadBack back = ParquetReadBack.read(file);
        assertThat(back.floats("f")).containsExactly(0.0f, Float.NaN, 2.5f);
        assertThat(back.doubles("d")).containsExactly(-3.5, Double.NaN, -0.0);
        assertThat(Float.floatToRawIntBits((Float) back.statistics(0, "f").genericGetMin()))
                .isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(back.statistics(0, "f").genericGetMax()).isEqualTo(2.5f);
        assertThat(back.statistics(0, "d").genericGetMin()).isEqualTo(-3.5);
        assertThat(Double.doubleToRawLongBits((Double) back.statistics(0, "d").genericGetMax()))
                .isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void equalRowsGiveEqualBytes() throws IOException {
        assertThat(bytesOf(WriterOptions.defaults())).isEqualTo(bytesOf(WriterOptions.defaults()));
        assertThat(bytesOf(WriterOptions.defaults().withCompression(Compression.GZIP)))
                .isEqualTo(bytesOf(WriterOptions.defaults().withCompression(Compression.GZIP)));
    }

    private static byte[] bytesOf(WriterOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParquetFileWriter writer = new ParquetFileWriter(out, "memory", ALL_TYPES, options)) {
            writer.metadata("k", "v");
            RowGroupBuffer rows = new RowGroupBuffer(ALL_TYPES, 64);
            fill(rows, 0, ROWS);
            writer.write(rows);
        }
        return out.toByteArray();
    }

    @Test
    void deltaEncodingIsSmallerThanPlainForSortedTimes() throws IOException {
        ParquetSchema schema = ParquetSchema.of("times", Column.of("time", ColumnType.INT64));
        long plain = sizeOfTimes(schema, false);
        long delta = sizeOfTimes(schema, true);
        // 10 000 times one to eight ns apart: PLAIN stores 8 bytes each, delta about 4 bits each.
        assertThat(plain).isGreaterThan(80_000);
        assertThat(delta).isLessThan(8_000);
    }

    private long sizeOfTimes(ParquetSchema schema, boolean delta) throws IOException {
        Path file = dir.resolve("times-" + delta + ".parquet");
        try (ParquetFileWriter writer = ParquetFileWriter.create(file, schema,
                WriterOptions.defaults().withDeltaIntegers(delta))) {
            RowGroupBuffer rows = new RowGroupBuffer(schema, 16);
            long t = 0;
            for (int i = 0; i < 10_000; i++) {
                t += 1 + i % 8;
                rows.putLong(0, t);
                rows.endRow();
            }
            writer.write(rows);
        }
        assertThat(ParquetReadBack.read(file).longs("time")).hasSize(10_000).endsWith(t(10_000));
        return Files.size(file);
    }

    private static long t(int n) {
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += 1 + i % 8;
        }
        return t;
    }

    @Test
    void anInt8ValueOutOfRangeIsRefusedNamingTheColumn() throws IOException {
        ParquetSchema schema = ParquetSchema.of("s", Column.of("side", ColumnType.INT8));
        try (ParquetFileWriter writer = new ParquetFileWriter(new ByteArrayOutputStream(), "memory", schema,
                WriterOptions.defaults())) {
            RowGroupBuffer rows = new RowGroupBuffer(schema, 1);
            rows.putInt(0, 128);
            rows.endRow();
            assertThatThrownBy(() -> writer.write(rows)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("memory: column side is INT8; it got 128");
        }
    }

    @Test
    void aRowMissingAValueIsRefusedNamingTheColumn() throws IOException {
        try (ParquetFileWriter writer = new ParquetFileWriter(new ByteArrayOutputStream(), "memory", ALL_TYPES,
                WriterOptions.defaults())) {
            RowGroupBuffer rows = new RowGroupBuffer(ALL_TYPES, 1);
            fill(rows, 0, 1);
            rows.putLong(0, 5);
            rows.endRow();
            assertThatThrownBy(() -> writer.write(rows)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("schema all_types: column tiny has 1 values for 2 rows");
        }
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAtOnce() {
        RowGroupBuffer rows = new RowGroupBuffer(ALL_TYPES, 1);
        assertThatThrownBy(() -> rows.putLong(1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema all_types: column tiny is INT8; putLong does not fit it");
    }

    @Test
    void rowsOfAnotherSchemaAreRefused() throws IOException {
        ParquetSchema other = ParquetSchema.of("other", Column.of("x", ColumnType.INT64));
        try (ParquetFileWriter writer = new ParquetFileWriter(new ByteArrayOutputStream(), "memory", ALL_TYPES,
                WriterOptions.defaults())) {
            assertThatThrownBy(() -> writer.write(new RowGroupBuffer(other, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("memory: rows of schema other cannot go into a file of schema all_types");
        }
    }

    @Test
    void schemasRefuseDuplicateAndMalformedNames() {
        assertThatThrownBy(() -> ParquetSchema.of("s", Column.of("a", ColumnType.INT32),
                Column.of("a", ColumnType.INT64))).hasMessage("schema s names column a twice");
        assertThatThrownBy(() -> Column.of("1a", ColumnType.INT32))
                .hasMessage("column name must be letters, digits and underscores, not starting with a digit; "
                        + "got '1a'");
    }

    /**
     * A writer abandoned after more row groups (and garbage) than its saved progress, resumed from that progress,
     * finishes the same bytes as a writer never interrupted; parquet-java reads every row.
     */
    @Test
    void aResumedFileIsByteForByteTheUninterruptedOne() throws IOException {
        WriterOptions options = WriterOptions.defaults();
        Path whole = dir.resolve("whole.parquet");
        try (ParquetFileWriter writer = ParquetFileWriter.create(whole, ALL_TYPES, options)) {
            writer.metadata("mvtrx.kind", "test");
            writeRowGroups(writer, 0, 4);
        }

        Path file = dir.resolve("resumed.parquet");
        byte[] progress;
        ParquetFileWriter abandoned = ParquetFileWriter.create(file, ALL_TYPES, options);
        abandoned.metadata("mvtrx.kind", "test");
        writeRowGroups(abandoned, 0, 2);
        abandoned.flush();
        progress = abandoned.progress();
        writeRowGroups(abandoned, 2, 3);
        abandoned.flush();
        // the abandoned writer is never closed: the file ends after a third row group, without a footer
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(Files.size(file)).isGreaterThan(progress.length);

        try (ParquetFileWriter resumed = ParquetFileWriter.resume(file, progress, ALL_TYPES, options)) {
            assertThat(resumed.rowGroups()).isEqualTo(2);
            assertThat(resumed.rows()).isEqualTo(2 * 250);
            writeRowGroups(resumed, 2, 4);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(whole));
        ParquetReadBack back = ParquetReadBack.read(file);
        assertThat(back.rows()).isEqualTo(ROWS);
        assertThat(back.declaredRows()).isEqualTo(ROWS);
    }

    @Test
    void resumeRefusesAShortFileAndDamagedProgressNamingTheFile() throws IOException {
        Path file = dir.resolve("short.parquet");
        ParquetFileWriter writer = ParquetFileWriter.create(file, ALL_TYPES, WriterOptions.defaults());
        writeRowGroups(writer, 0, 2);
        writer.flush();
        byte[] progress = writer.progress();
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 100));
        assertThatThrownBy(() -> ParquetFileWriter.resume(file, progress, ALL_TYPES, WriterOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot continue the Parquet file " + file)
                .hasMessageContaining("it has 100 bytes, the checkpoint needs its first");
        byte[] cut = Arrays.copyOf(progress, progress.length - 5);
        assertThatThrownBy(() -> ParquetFileWriter.resume(file, cut, ALL_TYPES, WriterOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("cut short");
        ParquetSchema other = ParquetSchema.of("other", Column.of("time", ColumnType.TIMESTAMP_NANOS));
        assertThatThrownBy(() -> ParquetFileWriter.resume(file, progress, other, WriterOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 columns recorded, the schema other has 1");
        assertThatThrownBy(() -> ParquetFileWriter.resume(dir.resolve("missing.parquet"), progress, ALL_TYPES,
                WriterOptions.defaults())).isInstanceOf(IOException.class).hasMessageContaining("missing.parquet");
    }

    /** Row groups {@code from..to-1} of 250 rows each. */
    private static void writeRowGroups(ParquetFileWriter writer, int from, int to) throws IOException {
        for (int g = from; g < to; g++) {
            RowGroupBuffer rows = new RowGroupBuffer(ALL_TYPES, 256);
            fill(rows, g * 250, (g + 1) * 250);
            writer.write(rows);
        }
    }
}
