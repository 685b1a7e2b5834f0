package io.mvtrx.plugin.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.testkit.ProviderDeclarations;

class PnlProviderTest {

    @Test
    void sumsTheWindowAndTreatsZeroAsInactive() {
        var pnl = new PnlProvider().create(Settings.empty("pnl"));
        assertThat(pnl.evaluate(new RealizedSeries(new long[] {1, 2, 3}, new double[] {10.5, -2.25, 0})))
                .hasValue(8.25);
        assertThat(pnl.evaluate(new RealizedSeries(new long[] {1, 2}, new double[] {3, -3}))).isEmpty();
    }

    @Test
    void moduleInfoAndServiceFilesAgree() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }
}
