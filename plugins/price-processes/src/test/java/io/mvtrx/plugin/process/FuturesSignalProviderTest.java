package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.testkit.process.PriceProcessContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FuturesSignalProviderTest extends PriceProcessContractTest {

    private final FuturesSignalProvider provider = new FuturesSignalProvider();

    /** The contract runs on the offline stand-in, the only random source. */
    @Override
    protected PriceProcess create(ProcessContext context) {
        return provider.create(ProductionSettings.futuresSignal().attribute("sigma", "0.05").build(), context);
    }

    @Test
    void liveConfigurationIsSilentOffline() {
        PriceProcess signal = provider.create(ProductionSettings.element("FuturesSignal"), context(1));

        assertThat(provider.parameters().check(ProductionSettings.element("FuturesSignal"))).isEmpty();
        assertThat(signal.advanceTo(86_400_000_000_000L)).isEqualTo(300.0);
        assertThat(signal.value(1)).isZero();
        assertThat(signal.value(3)).isZero();
    }

    @Test
    void schemaReportsAMissingUpdatePeriodWithItsPath() {
        Settings settings = Settings.builder("Processes")
                .child(Settings.builder("FuturesSignal").attribute("name", "external")).build()
                .child("FuturesSignal").orElseThrow();

        assertThat(provider.parameters().check(settings))
                .containsExactly("/Processes/FuturesSignal: missing required attribute 'updatePeriod' (integer)");
    }

    @Test
    void refusesBothAFileAndAStandIn() {
        Settings settings = ProductionSettings.futuresSignal().attribute("file", "prices.csv")
                .attribute("sigma", "0.1").build();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/FuturesSignal: give either 'file' or a non-zero 'sigma', not both (sigma '0.1')");
    }
}
