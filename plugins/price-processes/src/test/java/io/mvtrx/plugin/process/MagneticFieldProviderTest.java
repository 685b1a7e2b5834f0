package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.testkit.process.PriceProcessContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagneticFieldProviderTest extends PriceProcessContractTest {

    private final MagneticFieldProvider provider = new MagneticFieldProvider();

    @Override
    protected PriceProcess create(ProcessContext context) {
        return provider.create(ProductionSettings.element("MagneticField"), context);
    }

    @Override
    protected int updates() {
        return 60;
    }

    @Test
    void liveConfigurationPassesTheSchemaAndExposesEverySpin() {
        PriceProcess field = create(context(1));

        assertThat(provider.parameters().check(ProductionSettings.element("MagneticField"))).isEmpty();
        assertThat(field.components()).isEqualTo(2 + 32 * 32);
        assertThat(field.updatePeriod()).isEqualTo(60_000_000_000L);
    }

    @Test
    void everyAttributeHasTheReferenceDefault() {
        PriceProcess field = provider.create(Settings.empty("MagneticField"), context(1));

        assertThat(provider.parameters().check(Settings.empty("MagneticField"))).isEmpty();
        assertThat(field.components()).isEqualTo(2 + 32 * 32);
        assertThat(field.updatePeriod()).isEqualTo(10_000_000_000L);
        assertThat(provider.parameters().parameter("alpha").orElseThrow().defaultValue()).isEqualTo("6.0");
        assertThat(provider.parameters().parameter("beta").orElseThrow().defaultValue()).isEqualTo("0.667");
        assertThat(provider.parameters().parameter("interactionCoef").orElseThrow().defaultValue()).isEqualTo("1.0");
    }

    @Test
    void schemaReportsAMistypedRowCount() {
        Settings settings = ProductionSettings.magneticField().attribute("numRows", "3.5").build();

        assertThat(provider.parameters().check(settings))
                .containsExactly("/MagneticField: attribute 'numRows' must be an integer, got '3.5'");
    }

    @Test
    void rejectsAnEmptyField() {
        Settings settings = ProductionSettings.magneticField().attribute("numRows", "0").build();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/MagneticField: attribute 'numRows' must be within 1..4096, got '0'");
    }
}
