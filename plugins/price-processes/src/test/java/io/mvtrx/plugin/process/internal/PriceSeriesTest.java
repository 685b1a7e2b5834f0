package io.mvtrx.plugin.process.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mvtrx.api.settings.SettingsException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceSeriesTest {

    @TempDir
    Path directory;

    @Test
    void readsRowsAfterAnOptionalHeaderSkippingBlankAndCommentLines() throws IOException {
        PriceSeries series = PriceSeries.read(write("# recorded\nTimestamp_ns, Price\n\n0,300.5\n 1e9 , 301\n"),
                "/ExternalPrice");

        assertThat(series.size()).isEqualTo(2);
        assertThat(series.timestamp(0)).isZero();
        assertThat(series.price(0)).isEqualTo(300.5);
        assertThat(series.timestamp(1)).isEqualTo(1_000_000_000L);
        assertThat(series.price(1)).isEqualTo(301.0);
    }

    @Test
    void aCursorStepsToTheLastRowAtOrBeforeATime() throws IOException {
        PriceSeries.Cursor cursor = PriceSeries.read(write("10,1\n20,2\n20,3\n30,4\n"), "/X").cursor();

        assertThat(cursor.seek(9)).isEqualTo(-1);
        assertThat(cursor.seek(10)).isZero();
        assertThat(cursor.seek(29)).isEqualTo(2);
        assertThat(cursor.seek(1000)).isEqualTo(3);
    }

    @Test
    void reportsEachBadRowWithFileAndLine() throws IOException {
        assertBad("1,2,3\n", "line 1: expected 2 fields timestamp_ns,price, got 3 in '1,2,3'");
        assertBad("timestamp_ns,price\n-5,300\n", "line 2: timestamp must be >= 0 ns, got '-5'");
        assertBad("1.5,300\n", "line 1: timestamp must be an integer of ns, got '1.5'");
        assertBad("10,300\n5,300\n", "line 2: timestamp 5 ns is before the previous row's 10 ns");
        assertBad("10,0\n", "line 1: price must be finite and > 0, got '0'");
        assertBad("10,NaN\n", "line 1: price must be finite and > 0, got 'NaN'");
    }

    @Test
    void refusesAFileWithoutRows() throws IOException {
        Path file = write("timestamp_ns,price\n\n");

        assertThatThrownBy(() -> PriceSeries.read(file, "/ExternalPrice")).isInstanceOf(SettingsException.class)
                .hasMessage("/ExternalPrice: price file '%s' has no rows (expected timestamp_ns,price)", file);
    }

    private void assertBad(String content, String problem) throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> PriceSeries.read(file, "/ExternalPrice")).isInstanceOf(SettingsException.class)
                .hasMessage("/ExternalPrice: price file '%s' %s", file, problem);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "series", ".csv"), content);
    }
}
