package io.mvtrx.runtime.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.mvtrx.runtime.parquet.readback.ParquetReadBack;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the values, parquet-java reads back exactly what was delta-encoded. */
class DeltaEncodingProperties {

    private static final ParquetSchema SCHEMA = ParquetSchema.of("values",
            Column.of("l", ColumnType.INT64), Column.of("i", ColumnType.INT32));

    @Property(tries = 40)
    void anyLongsAndIntsRoundTrip(@ForAll @Size(max = 700) long[] longs, @ForAll @Size(max = 700) int[] ints)
            throws IOException {
        int n = Math.min(longs.length, ints.length);
        Path file = Files.createTempFile("delta", ".parquet");
        try {
            try (ParquetFileWriter writer = ParquetFileWriter.create(file, SCHEMA,
                    WriterOptions.defaults().withPageRows(257))) {
                RowGroupBuffer rows = new RowGroupBuffer(SCHEMA, 1);
                for (int r = 0; r < n; r++) {
                    rows.putLong(0, longs[r]);
                    rows.putInt(1, ints[r]);
                    rows.endRow();
                }
                writer.write(rows);
            }
            ParquetReadBack back = ParquetReadBack.read(file);
            assertThat(back.longs("l")).containsExactly(Arrays.copyOf(longs, n));
            assertThat(back.ints("i")).containsExactly(Arrays.copyOf(ints, n));
        } finally {
            Files.delete(file);
        }
    }
}
