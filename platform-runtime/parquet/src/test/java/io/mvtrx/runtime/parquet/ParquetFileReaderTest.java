package io.mvtrx.runtime.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetFileReaderTest {

    private static final ParquetSchema SCHEMA = ParquetSchema.of("all",
            Column.of("ts", ColumnType.TIMESTAMP_NANOS),
            Column.of("kind", ColumnType.INT8),
            Column.of("small", ColumnType.INT16),
            Column.of("count", ColumnType.INT32),
            Column.of("price", ColumnType.INT64),
            Column.of("fraction", ColumnType.FLOAT),
            Column.of("volume", ColumnType.DOUBLE));

    @TempDir
    Path dir;

    private record Data(long[] ts, int[] kind, int[] small, int[] count, long[] price, float[] fraction,
                        double[] volume) {
    }

    /** Sorted timestamps, clustered and extreme integers, floats with zeros and negatives. */
    private static Data data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Data d = new Data(new long[n], new int[n], new int[n], new int[n], new long[n], new float[n], new double[n]);
        long t = 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += random.nextLong(0, 5_000_000_000L);
            d.ts[i] = t;
            d.kind[i] = random.nextInt(-128, 128);
            d.small[i] = random.nextInt(-32768, 32768);
            d.count[i] = i % 97 == 0 ? (i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE) : random.nextInt();
            d.price[i] = i % 89 == 0 ? (i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong(-1000, 1000);
            d.fraction[i] = i % 5 == 0 ? 0f : (float) random.nextDouble(-1, 1);
            d.volume[i] = i % 7 == 0 ? 0.0 : random.nextDouble(0, 1e6);
        }
        return d;
    }

    private static void write(Path file, Data d, WriterOptions options, int rowGroup) throws IOException {
        int n = d.ts.length;
        try (ParquetFileWriter writer = ParquetFileWriter.create(file, SCHEMA, options)) {
            writer.metadata("book", "3");
            RowGroupBuffer rows = new RowGroupBuffer(SCHEMA, rowGroup);
            for (int i = 0; i < n; i++) {
                rows.putLong(0, d.ts[i]);
                rows.putInt(1, d.kind[i]);
                rows.putInt(2, d.small[i]);
                rows.putInt(3, d.count[i]);
                rows.putLong(4, d.price[i]);
                rows.putFloat(5, d.fraction[i]);
                rows.putDouble(6, d.volume[i]);
                rows.endRow();
                if (rows.rows() == rowGroup || i == n - 1) {
                    writer.write(rows);
                    rows.clear();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows, {1}, pages of {2}, delta {3}, groups of {4}")
    @CsvSource({
        "1, NONE, 65536, true, 10",
        "1000, NONE, 65536, true, 1000",
        "1000, GZIP, 65536, true, 1000",
        "1000, NONE, 100, false, 300",
        "2049, GZIP, 129, true, 700",
        "0, NONE, 65536, true, 1"})
    void readsBackEveryValueTheWriterWrote(int n, Compression codec, int pageRows, boolean delta, int group)
            throws IOException {
        Data d = data(n, 42 + n);
        Path file = dir.resolve("t.parquet");
        write(file, d, new WriterOptions(codec, pageRows, delta), group);

        ParquetTable table = ParquetFileReader.read(file);

        assertThat(table.rows()).isEqualTo(n);
        assertThat(table.schema()).isEqualTo(SCHEMA);
        assertThat(table.metadata()).containsEntry("book", "3");
        assertThat(table.longs("ts")).containsExactly(d.ts);
        assertThat(table.ints("kind")).containsExactly(d.kind);
        assertThat(table.ints("small")).containsExactly(d.small);
        assertThat(table.ints("count")).containsExactly(d.count);
        assertThat(table.longs("price")).containsExactly(d.price);
        assertThat(table.floats("fraction")).containsExactly(d.fraction);
        assertThat(table.doubles("volume")).containsExactly(d.volume);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UNCOMPRESSED", "GZIP"})
    void readsWhatParquetJavaWrites(CompressionCodecName codec) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int64 ts (TIMESTAMP(NANOS,false));"
                + " required int32 kind (INTEGER(8,true)); required int32 count; required int64 price;"
                + " required float fraction; required double volume; }");
        Path file = dir.resolve("java-" + codec + ".parquet");
        int n = 3000;
        Data d = data(n, 7);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withDictionaryEncoding(false).withWriterVersion(WriterVersion.PARQUET_1_0)
                .withCompressionCodec(codec).withPageSize(4096).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int i = 0; i < n; i++) {
                writer.write(groups.newGroup().append("ts", d.ts[i]).append("kind", d.kind[i])
                        .append("count", d.count[i]).append("price", d.price[i]).append("fraction", d.fraction[i])
                        .append("volume", d.volume[i]));
            }
        }

        ParquetTable table = ParquetFileReader.read(file);

        assertThat(table.rows()).isEqualTo(n);
        assertThat(table.schema().column(0).type()).isEqualTo(ColumnType.TIMESTAMP_NANOS);
        assertThat(table.schema().column(1).type()).isEqualTo(ColumnType.INT8);
        assertThat(table.longs("ts")).containsExactly(d.ts);
        assertThat(table.ints("kind")).containsExactly(d.kind);
        assertThat(table.ints("count")).containsExactly(d.count);
        assertThat(table.longs("price")).containsExactly(d.price);
        assertThat(table.floats("fraction")).containsExactly(d.fraction);
        assertThat(table.doubles("volume")).containsExactly(d.volume);
    }

    @Test
    void refusesDictionaryPagesNamingTheColumn() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int64 price; }");
        Path file = dir.resolve("dict.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withDictionaryEncoding(true).withWriterVersion(WriterVersion.PARQUET_1_0).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int i = 0; i < 100; i++) {
                writer.write(groups.newGroup().append("price", (long) (i % 3)));
            }
        }

        assertThatThrownBy(() -> ParquetFileReader.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("column price has a dictionary page");
    }

    @Test
    void refusesOptionalColumns() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message m { optional int64 price; }");
        Path file = dir.resolve("optional.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withDictionaryEncoding(false).build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("price", 1L));
        }

        assertThatThrownBy(() -> ParquetFileReader.read(file)).hasMessageContaining("column price is not REQUIRED");
    }

    @Test
    void refusesTruncatedFilesNamingThem() throws IOException {
        Path file = dir.resolve("t.parquet");
        write(file, data(100, 1), WriterOptions.defaults(), 100);
        byte[] bytes = Files.readAllBytes(file);

        assertThatThrownBy(() -> ParquetFileReader.read(Arrays.copyOf(bytes, bytes.length - 1), "cut.parquet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut.parquet: not a readable Parquet file: no PAR1 magic at both ends");
        byte[] damagedFooter = bytes.clone();
        int footerLength = damagedFooter.length - 8;
        damagedFooter[footerLength] = (byte) 0xff;
        damagedFooter[footerLength + 1] = (byte) 0xff;
        damagedFooter[footerLength + 2] = (byte) 0xff;
        damagedFooter[footerLength + 3] = (byte) 0x7f;
        assertThatThrownBy(() -> ParquetFileReader.read(damagedFooter, "bad.parquet"))
                .hasMessageStartingWith("bad.parquet: not a readable Parquet file: footer length");
    }
}
