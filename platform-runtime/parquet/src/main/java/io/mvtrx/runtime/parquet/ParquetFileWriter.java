package io.mvtrx.runtime.parquet;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.parquet.internal.ByteSink;
import io.mvtrx.runtime.parquet.internal.ColumnChunkInfo;
import io.mvtrx.runtime.parquet.internal.DeltaBinaryPacked;
import io.mvtrx.runtime.parquet.internal.Gzip;
import io.mvtrx.runtime.parquet.internal.RowGroupInfo;
import io.mvtrx.runtime.parquet.internal.Thrift;

/**
 * Writes one Parquet file: {@code PAR1}, then one row group per {@link #write} (each column chunk cut into
 * version-1 data pages of {@link WriterOptions#pageRows} values), then at {@link #close} the {@code FileMetaData}
 * footer (schema, row groups with per-chunk min/max statistics and null count 0, key-value metadata, type-defined
 * column orders), its length and {@code PAR1}. Every column is REQUIRED, so pages carry no levels.
 *
 * {@snippet :
 * ParquetSchema schema = ParquetSchema.of("trades", Column.of("time", ColumnType.INT64),
 *         Column.of("price", ColumnType.INT64));
 * try (ParquetFileWriter writer = ParquetFileWriter.create(file, schema, WriterOptions.defaults())) {
 *     writer.metadata("priceDecimals", "2");
 *     RowGroupBuffer rows = new RowGroupBuffer(schema, 1024);
 *     rows.putLong(0, 1_000);
 *     rows.putLong(1, 30_000);
 *     rows.endRow();
 *     writer.write(rows);
 * }
 * }
 *
 * <p>The bytes depend only on the schema, options, rows and metadata (no clock, no host): equal input gives equal
 * files. A file without row groups is valid and has no rows. Not thread-safe; a writer serves one thread at a time.
 *
 * <p>A file being written can be continued by another process: {@link #progress} (after {@link #flush}) describes
 * the row groups on disk so far; {@link #resume} cuts the file back to them and goes on appending, so the finished
 * file is byte for byte the one an uninterrupted writer would have made with the same calls.
 */
public final class ParquetFileWriter implements AutoCloseable {

    /** The {@code created_by} string, in the {@code <application> version <version> (build <id>)} form. */
    public static final String CREATED_BY = "mvtrx version 0.1.0 (build mvtrx-parquet)";

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final int PROGRESS_FORMAT = 1;
    private static final int CONVERTED_INT_8 = 15;
    private static final int CONVERTED_INT_16 = 16;

    private final OutputStream out;
    private final String name;
    private final ParquetSchema schema;
    private final WriterOptions options;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<RowGroupInfo> rowGroups = new ArrayList<>();
    private final ByteSink page = new ByteSink(1 << 16);
    private final ByteSink compressed = new ByteSink(1 << 16);
    private final ByteSink header = new ByteSink(64);
    private final DeltaBinaryPacked delta = new DeltaBinaryPacked();
    private final Gzip gzip;
    private long position;
    private long rows;
    private boolean closed;

    /**
     * Starts a file on {@code out} (closed by {@link #close}).
     *
     * @param name what to call the destination in error messages (a path, an object key)
     */
    public ParquetFileWriter(OutputStream out, String name, ParquetSchema schema, WriterOptions options)
            throws IOException {
        this.out = out;
        this.name = name;
        this.schema = schema;
        this.options = options;
        this.gzip = options.compression() == Compression.GZIP ? new Gzip() : null;
        out.write(MAGIC);
        position = MAGIC.length;
    }

    /** A writer continuing at {@code position} with the row groups and metadata a {@link #progress} recorded. */
    private ParquetFileWriter(OutputStream out, String name, ParquetSchema schema, WriterOptions options,
                              Progress progress) {
        this.out = out;
        this.name = name;
        this.schema = schema;
        this.options = options;
        this.gzip = options.compression() == Compression.GZIP ? new Gzip() : null;
        this.position = progress.position;
        this.rows = progress.rows;
        this.rowGroups.addAll(progress.rowGroups);
        this.metadata.putAll(progress.metadata);
    }

    /** Creates (or replaces) {@code file} and starts writing it; parent folders must exist. */
    public static ParquetFileWriter create(Path file, ParquetSchema schema, WriterOptions options)
            throws IOException {
        OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            return new ParquetFileWriter(stream, file.toString(), schema, options);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** The schema every row group follows. */
    public ParquetSchema schema() {
        return schema;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Row groups written so far. */
    public int rowGroups() {
        return rowGroups.size();
    }

    /** Bytes written so far (the footer counts once closed). */
    public long bytes() {
        return position;
    }

    /** The footer metadata's value of {@code key} so far, or null. */
    public String metadata(String key) {
        return metadata.get(key);
    }

    /** Sets a key-value pair of the footer's metadata (written at {@link #close}); a later value replaces it. */
    public void metadata(String key, String value) {
        checkOpen();
        metadata.put(key, value);
    }

    /**
     * Writes {@code buffer}'s rows as one row group; nothing for an empty buffer. The buffer is left as it is.
     *
     * @throws IllegalArgumentException if the buffer follows another schema, or a value does not fit its column's
     *                                  type (an INT8 or INT16 column out of range), naming the column
     * @throws IllegalStateException    if a column has not one value per row
     */
    public void write(RowGroupBuffer buffer) throws IOException {
        checkOpen();
        if (!buffer.schema().equals(schema)) {
            throw new IllegalArgumentException(String.format("%s: rows of schema %s cannot go into a file of schema %s",
                    name, buffer.schema().name(), schema.name()));
        }
        buffer.checkComplete();
        int n = buffer.rows();
        if (n == 0) {
            return;
        }
        List<ColumnChunkInfo> chunks = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            chunks.add(writeChunk(buffer, c, n));
        }
        rowGroups.add(new RowGroupInfo(chunks, n));
        rows += n;
    }

    private ColumnChunkInfo writeChunk(RowGroupBuffer buffer, int c, int n) throws IOException {
        Column column = schema.column(c);
        ColumnType type = column.type();
        boolean useDelta = options.deltaIntegers() && type.integral();
        int encoding = useDelta ? Thrift.DELTA_BINARY_PACKED : Thrift.PLAIN;
        byte[][] minMax = statistics(buffer, c, n);
        long start = position;
        long uncompressed = 0;
        long stored = 0;
        for (int from = 0; from < n; from += options.pageRows()) {
            int count = Math.min(options.pageRows(), n - from);
            page.reset();
            encode(buffer, c, type, useDelta, from, count);
            ByteSink body = page;
            if (gzip != null) {
                gzip.compress(page.array(), page.size(), compressed);
                body = compressed;
            }
            header.reset();
            Thrift.pageHeader(header, page.size(), body.size(), count, encoding);
            header.writeTo(out);
            body.writeTo(out);
            position += header.size() + body.size();
            uncompressed += header.size() + page.size();
            stored += header.size() + body.size();
        }
        return new ColumnChunkInfo(type.physical().code(), encoding, options.compression().code(), n, uncompressed,
                stored, start, minMax[0], minMax[1]);
    }

    private void encode(RowGroupBuffer buffer, int c, ColumnType type, boolean useDelta, int from, int count) {
        switch (type.physical()) {
            case INT32 -> {
                int[] values = buffer.ints(c);
                if (useDelta) {
                    delta.encodeInts(values, from, count, page);
                } else {
                    for (int i = from; i < from + count; i++) {
                        page.writeIntLE(values[i]);
                    }
                }
            }
            case INT64 -> {
                long[] values = buffer.longs(c);
                if (useDelta) {
                    delta.encodeLongs(values, from, count, page);
                } else {
                    for (int i = from; i < from + count; i++) {
                        page.writeLongLE(values[i]);
                    }
                }
            }
            case FLOAT -> {
                float[] values = buffer.floats(c);
                for (int i = from; i < from + count; i++) {
                    page.writeIntLE(Float.floatToRawIntBits(values[i]));
                }
            }
            case DOUBLE -> {
                double[] values = buffer.doubles(c);
                for (int i = from; i < from + count; i++) {
                    page.writeLongLE(Double.doubleToRawLongBits(values[i]));
                }
            }
        }
    }

    /** {min, max} PLAIN encoded; both null for floating-point chunks holding only NaN. */
    private byte[][] statistics(RowGroupBuffer buffer, int c, int n) {
        ColumnType type = schema.column(c).type();
        ByteSink bytes = new ByteSink(16);
        switch (type.physical()) {
            case INT32 -> {
                int[] values = buffer.ints(c);
                int min = values[0];
                int max = values[0];
                for (int i = 1; i < n; i++) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
                int limit = type == ColumnType.INT8 ? Byte.MAX_VALUE
                        : type == ColumnType.INT16 ? Short.MAX_VALUE : Integer.MAX_VALUE;
                if (max > limit || min < -limit - 1) {
                    throw new IllegalArgumentException(String.format("%s: column %s is %s; it got %d",
                            name, schema.column(c).name(), type, max > limit ? max : min));
                }
                bytes.writeIntLE(min);
                bytes.writeIntLE(max);
                return split(bytes, 4);
            }
            case INT64 -> {
                long[] values = buffer.longs(c);
                long min = values[0];
                long max = values[0];
                for (int i = 1; i < n; i++) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
                bytes.writeLongLE(min);
                bytes.writeLongLE(max);
                return split(bytes, 8);
            }
            case FLOAT -> {
                float[] values = buffer.floats(c);
                float min = Float.NaN;
                float max = Float.NaN;
                for (int i = 0; i < n; i++) {
                    float v = values[i];
                    if (!Float.isNaN(v)) {
                        min = Float.isNaN(min) || v < min ? v : min;
                        max = Float.isNaN(max) || v > max ? v : max;
                    }
                }
                if (Float.isNaN(min)) {
                    return new byte[2][];
                }
                // parquet-format: a zero minimum is written as -0.0, a zero maximum as +0.0.
                bytes.writeIntLE(Float.floatToRawIntBits(min == 0 ? -0.0f : min));
                bytes.writeIntLE(Float.floatToRawIntBits(max == 0 ? 0.0f : max));
                return split(bytes, 4);
            }
            case DOUBLE -> {
                double[] values = buffer.doubles(c);
                double min = Double.NaN;
                double max = Double.NaN;
                for (int i = 0; i < n; i++) {
                    double v = values[i];
                    if (!Double.isNaN(v)) {
                        min = Double.isNaN(min) || v < min ? v : min;
                        max = Double.isNaN(max) || v > max ? v : max;
                    }
                }
                if (Double.isNaN(min)) {
                    return new byte[2][];
                }
                bytes.writeLongLE(Double.doubleToRawLongBits(min == 0 ? -0.0 : min));
                bytes.writeLongLE(Double.doubleToRawLongBits(max == 0 ? 0.0 : max));
                return split(bytes, 8);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static byte[][] split(ByteSink bytes, int width) {
        byte[] all = bytes.array();
        byte[] min = new byte[width];
        byte[] max = new byte[width];
        System.arraycopy(all, 0, min, 0, width);
        System.arraycopy(all, width, max, 0, width);
        return new byte[][] {min, max};
    }

    /** Pushes the bytes written so far to the destination (the OS, for a file); {@link #progress} counts them. */
    public void flush() throws IOException {
        checkOpen();
        out.flush();
    }

    /**
     * What {@link #resume} needs to continue this file: its length so far, row groups and metadata, as bytes
     * (a format of this class, versioned). Call {@link #flush} first so the file holds those bytes.
     */
    public byte[] progress() {
        checkOpen();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 64 * schema.size() * (rowGroups.size() + 1));
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeInt(PROGRESS_FORMAT);
            data.writeInt(schema.size());
            data.writeLong(position);
            data.writeLong(rows);
            data.writeInt(metadata.size());
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                data.writeUTF(entry.getKey());
                data.writeUTF(entry.getValue());
            }
            data.writeInt(rowGroups.size());
            for (RowGroupInfo group : rowGroups) {
                data.writeLong(group.rows());
                for (ColumnChunkInfo c : group.columns()) {
                    data.writeInt(c.physicalType());
                    data.writeInt(c.encoding());
                    data.writeInt(c.codec());
                    data.writeLong(c.values());
                    data.writeLong(c.uncompressedBytes());
                    data.writeLong(c.compressedBytes());
                    data.writeLong(c.firstPageOffset());
                    writeBytes(data, c.min());
                    writeBytes(data, c.max());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Continues {@code file} where {@code progress} (from {@link #progress} of a writer of the same schema) left
     * it: the file is cut back to that length, whatever was written after, and the next {@link #write} appends.
     *
     * @throws IOException              if the file is missing, shorter than recorded or does not start with
     *                                  {@code PAR1}, naming it
     * @throws IllegalArgumentException if {@code progress} is damaged or of another schema
     */
    public static ParquetFileWriter resume(Path file, byte[] progress, ParquetSchema schema, WriterOptions options)
            throws IOException {
        Progress saved = Progress.parse(progress, schema, file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException(String.format("cannot continue the Parquet file %s: %s", file, e.getMessage()), e);
        }
        try {
            ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
            while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
                // read the leading magic
            }
            long size = channel.size();
            if (size < saved.position || !Arrays.equals(magic.array(), MAGIC)) {
                throw new IOException(String.format("cannot continue the Parquet file %s: %s", file,
                        size < saved.position ? String.format("it has %d bytes, the checkpoint needs its first %d",
                                size, saved.position) : "it does not start with PAR1"));
            }
            channel.truncate(saved.position);
            channel.position(saved.position);
            OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            return new ParquetFileWriter(stream, file.toString(), schema, options, saved);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void writeBytes(DataOutputStream data, byte[] value) throws IOException {
        data.writeInt(value == null ? -1 : value.length);
        if (value != null) {
            data.write(value);
        }
    }

    /** A {@link #progress} read back. */
    private record Progress(long position, long rows, Map<String, String> metadata, List<RowGroupInfo> rowGroups) {

        static Progress parse(byte[] bytes, ParquetSchema schema, Path file) {
            try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int format = data.readInt();
                check(format == PROGRESS_FORMAT, file, "progress format %d, this writer reads %d", format,
                        PROGRESS_FORMAT);
                int columns = data.readInt();
                check(columns == schema.size(), file, "%d columns recorded, the schema %s has %d", columns,
                        schema.name(), schema.size());
                long position = data.readLong();
                long rows = data.readLong();
                check(position >= MAGIC.length && rows >= 0, file, "position %d, rows %d", position, rows);
                Map<String, String> metadata = new LinkedHashMap<>();
                for (int n = data.readInt(); n > 0; n--) {
                    metadata.put(data.readUTF(), data.readUTF());
                }
                int groups = data.readInt();
                check(groups >= 0, file, "%d row groups", groups);
                List<RowGroupInfo> rowGroups = new ArrayList<>(groups);
                long counted = 0;
                for (int g = 0; g < groups; g++) {
                    long groupRows = data.readLong();
                    List<ColumnChunkInfo> chunks = new ArrayList<>(columns);
                    for (int c = 0; c < columns; c++) {
                        ColumnChunkInfo chunk = new ColumnChunkInfo(data.readInt(), data.readInt(), data.readInt(),
                                data.readLong(), data.readLong(), data.readLong(), data.readLong(), readBytes(data),
                                readBytes(data));
                        check(chunk.firstPageOffset() >= MAGIC.length
                                && chunk.firstPageOffset() + chunk.compressedBytes() <= position, file,
                                "row group %d column %d lies outside the first %d bytes", g, c, position);
                        chunks.add(chunk);
                    }
                    rowGroups.add(new RowGroupInfo(chunks, groupRows));
                    counted += groupRows;
                }
                check(counted == rows, file, "row groups hold %d rows, %d recorded", counted, rows);
                check(data.available() == 0, file, "%d bytes left over", data.available());
                return new Progress(position, rows, metadata, rowGroups);
            } catch (IOException e) {
                throw new IllegalArgumentException(String.format("cannot continue the Parquet file %s: its "
                        + "recorded progress is cut short", file), e);
            }
        }

        private static byte[] readBytes(DataInputStream data) throws IOException {
            int length = data.readInt();
            if (length < 0) {
                return null;
            }
            if (length > data.available()) {
                throw new IOException("truncated");
            }
            return data.readNBytes(length);
        }

        private static void check(boolean ok, Path file, String format, Object... args) {
            if (!ok) {
                throw new IllegalArgumentException(String.format("cannot continue the Parquet file %s: its recorded "
                        + "progress is damaged (%s)", file, String.format(format, args)));
            }
        }
    }

    /** Writes the footer and closes the destination. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream stream = out) {
            List<Thrift.SchemaColumn> columns = new ArrayList<>(schema.size());
            for (Column column : schema.columns()) {
                columns.add(schemaColumn(column));
            }
            ByteSink footer = new ByteSink(1024 + 512 * rowGroups.size());
            Thrift.fileMetaData(footer, schema.name(), columns, rowGroups, metadata, CREATED_BY);
            footer.writeTo(stream);
            ByteSink tail = new ByteSink(8);
            tail.writeIntLE(footer.size());
            tail.writeBytes(MAGIC, 0, MAGIC.length);
            tail.writeTo(stream);
            position += footer.size() + tail.size();
        } finally {
            if (gzip != null) {
                gzip.close();
            }
        }
    }

    private static Thrift.SchemaColumn schemaColumn(Column column) {
        int physical = column.type().physical().code();
        return switch (column.type()) {
            case INT8 -> new Thrift.SchemaColumn(column.name(), physical, CONVERTED_INT_8, Thrift.integer(8));
            case INT16 -> new Thrift.SchemaColumn(column.name(), physical, CONVERTED_INT_16, Thrift.integer(16));
            case TIMESTAMP_NANOS -> new Thrift.SchemaColumn(column.name(), physical, -1, Thrift.timestampNanos());
            case INT32, INT64, FLOAT, DOUBLE -> new Thrift.SchemaColumn(column.name(), physical, -1, null);
        };
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
    }
}
