package io.mvtrx.runtime.parquet.readback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A Parquet file as parquet-java (Apache's reference implementation, an independent reader) sees it: footer,
 * schema, per-chunk statistics, and every value, read record by record through its record assembly. Test code
 * only: parquet-java needs Hadoop's classes on the class path.
 */
public final class ParquetReadBack {

    private final ParquetMetadata footer;
    private final MessageType schema;
    private final Map<String, List<Object>> values = new LinkedHashMap<>();
    private final Map<String, Object> arrays = new LinkedHashMap<>();
    private long rows;

    private ParquetReadBack(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            footer = reader.getFooter();
            schema = footer.getFileMetaData().getSchema();
            for (String column : columnNames()) {
                values.put(column, new ArrayList<>());
            }
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    for (int c = 0; c < schema.getFieldCount(); c++) {
                        values.get(schema.getFieldName(c)).add(value(group, c));
                    }
                    rows++;
                }
            }
        }
    }

    /** Reads {@code file} completely. */
    public static ParquetReadBack read(Path file) throws IOException {
        return new ParquetReadBack(file);
    }

    private Object value(Group group, int c) {
        PrimitiveType type = schema.getType(c).asPrimitiveType();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> group.getInteger(c, 0);
            case INT64 -> group.getLong(c, 0);
            case FLOAT -> group.getFloat(c, 0);
            case DOUBLE -> group.getDouble(c, 0);
            default -> throw new IllegalStateException("unexpected type " + type);
        };
    }

    /** Rows read. */
    public long rows() {
        return rows;
    }

    /** Rows the footer declares. */
    public long declaredRows() {
        long total = 0;
        for (BlockMetaData block : footer.getBlocks()) {
            total += block.getRowCount();
        }
        return total;
    }

    /** Column names in file order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < schema.getFieldCount(); c++) {
            names.add(schema.getFieldName(c));
        }
        return names;
    }

    /** The schema as parquet-java prints it, e.g. {@code message l3 { required int64 time; ... }}. */
    public String schemaText() {
        return schema.toString();
    }

    /** The footer's key-value metadata. */
    public Map<String, String> metadata() {
        return footer.getFileMetaData().getKeyValueMetaData();
    }

    /** The footer's {@code created_by}. */
    public String createdBy() {
        return footer.getFileMetaData().getCreatedBy();
    }

    /** Number of row groups. */
    public int rowGroups() {
        return footer.getBlocks().size();
    }

    /** Rows of row group {@code index}. */
    public long rowGroupRows(int index) {
        return footer.getBlocks().get(index).getRowCount();
    }

    /** Every value of an INT64 column (the same array on every call: do not change it). */
    public long[] longs(String column) {
        return (long[]) arrays.computeIfAbsent(require(column),
                c -> values.get(c).stream().mapToLong(v -> (Long) v).toArray());
    }

    /** Every value of an INT32 column (the same array on every call: do not change it). */
    public int[] ints(String column) {
        return (int[]) arrays.computeIfAbsent(require(column),
                c -> values.get(c).stream().mapToInt(v -> (Integer) v).toArray());
    }

    /** Every value of a FLOAT column (the same array on every call: do not change it). */
    public float[] floats(String column) {
        return (float[]) arrays.computeIfAbsent(require(column), c -> {
            List<Object> list = values.get(c);
            float[] out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Float) list.get(i);
            }
            return out;
        });
    }

    /** Every value of a DOUBLE column (the same array on every call: do not change it). */
    public double[] doubles(String column) {
        return (double[]) arrays.computeIfAbsent(require(column),
                c -> values.get(c).stream().mapToDouble(v -> (Double) v).toArray());
    }

    /** The footer statistics of a column chunk. */
    public Statistics<?> statistics(int rowGroup, String column) {
        return chunk(rowGroup, column).getStatistics();
    }

    /** The encodings a column chunk declares, by name. */
    public Set<String> encodings(int rowGroup, String column) {
        Set<String> names = new TreeSet<>();
        for (Encoding encoding : chunk(rowGroup, column).getEncodings()) {
            names.add(encoding.name());
        }
        return names;
    }

    /** The codec of a column chunk, by name. */
    public String codec(int rowGroup, String column) {
        return chunk(rowGroup, column).getCodec().name();
    }

    private ColumnChunkMetaData chunk(int rowGroup, String column) {
        for (ColumnChunkMetaData chunk : footer.getBlocks().get(rowGroup).getColumns()) {
            if (chunk.getPath().toDotString().equals(column)) {
                return chunk;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    private String require(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + "; columns are " + values.keySet());
        }
        return column;
    }
}
