package io.mvtrx.plugin.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.testkit.process.PriceProcessContractTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalPriceProviderTest extends PriceProcessContractTest {

    @TempDir
    Path directory;

    private final ExternalPriceProvider provider = new ExternalPriceProvider();

    @Override
    protected PriceProcess create(ProcessContext context) {
        StringBuilder csv = new StringBuilder("timestamp_ns,price\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i * 2_500_000_000L + 1).append(',').append(300 + (i % 7) * 0.5).append('\n');
        }
        return provider.create(settings(write("feed.csv", csv.toString()), "1000000000"), context);
    }

    @Override
    protected boolean stochastic() {
        return false;
    }

    @Test
    void followsTheLastRowAtOrBeforeEachUpdateTime() {
        Path file = write("steps.csv", "timestamp_ns,price\n1500000000,301.5\n3000000000,302.25\n3000000000,303\n");
        PriceProcess feed = provider.create(settings(file, "1000000000"), context(1));

        assertThat(feed.advanceTo(1_000_000_000L)).isEqualTo(300.0);
        assertThat(feed.advanceTo(1_999_999_999L)).isEqualTo(300.0);
        assertThat(feed.advanceTo(2_000_000_000L)).isEqualTo(301.5);
        assertThat(feed.value(1)).isEqualTo(1.0);
        assertThat(feed.advanceTo(3_000_000_000L)).isEqualTo(303.0);
        assertThat(feed.value(1)).isEqualTo(3.0);
        assertThat(feed.advanceTo(90_000_000_000L)).isEqualTo(303.0);
    }

    @Test
    void aBadRowFailsCreationNamingTheFileAndLine() {
        Path file = write("bad.csv", "timestamp_ns,price\n1000,300\n\n2000,abc\n");

        assertThatThrownBy(() -> provider.create(settings(file, "1000"), context(1)))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/ExternalPrice: price file '%s' line 4: price must be a number, got 'abc'", file);
    }

    @Test
    void aMissingFileFailsCreationNamingIt() {
        Path file = directory.resolve("absent.csv");

        assertThatThrownBy(() -> provider.create(settings(file, "1000"), context(1)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("/ExternalPrice: cannot read price file '" + file + "'");
    }

    @Test
    void schemaRequiresTheFile() {
        Settings settings = Settings.builder("ExternalPrice").attribute("updatePeriod", "1000").build();

        assertThat(provider.parameters().check(settings))
                .containsExactly("/ExternalPrice: missing required attribute 'file' (string)");
    }

    private Settings settings(Path file, String updatePeriod) {
        return Settings.builder("ExternalPrice").attribute("file", file.toString())
                .attribute("updatePeriod", updatePeriod).build();
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
