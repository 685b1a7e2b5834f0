package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.testkit.process.PriceProcessContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundamentalPriceProviderTest extends PriceProcessContractTest {

    private final FundamentalPriceProvider provider = new FundamentalPriceProvider();

    @Override
    protected PriceProcess create(ProcessContext context) {
        return provider.create(ProductionSettings.element("FundamentalPrice"), context);
    }

    @Test
    void liveConfigurationPassesTheSchema() {
        assertThat(provider.parameters().check(ProductionSettings.element("FundamentalPrice"))).isEmpty();
    }

    @Test
    void schemaReportsAMissingRequiredAttributeWithItsPath() {
        Settings settings = Settings.builder("Processes").child(Settings.builder("FundamentalPrice")
                .attribute("updatePeriod", "30000000000").attribute("seedInterval", "30000000000")
                .attribute("mu", "0").attribute("lambda", "0.1").attribute("muJump", "0")
                .attribute("sigmaJump", "0.1")).build().child("FundamentalPrice").orElseThrow();

        assertThat(provider.parameters().check(settings))
                .containsExactly("/Processes/FundamentalPrice: missing required attribute 'sigma' (decimal)");
    }

    @Test
    void schemaReportsAMistypedAttribute() {
        Settings settings = ProductionSettings.fundamentalPrice().attribute("Hurst", "high").build();

        assertThat(provider.parameters().check(settings))
                .containsExactly("/FundamentalPrice: attribute 'Hurst' must be a decimal, got 'high'");
    }

    @Test
    void hurstAndEpsilonDefaultToPlainJumpDiffusion() {
        assertThat(provider.parameters().parameter("Hurst").orElseThrow().defaultValue()).isEqualTo("0.5");
        assertThat(provider.parameters().parameter("epsilon").orElseThrow().defaultValue()).isEqualTo("0");
        assertThat(provider.parameters().parameter("name").orElseThrow().defaultValue()).isEqualTo("fundamental");
    }

    @Test
    void rejectsAHurstExponentOutsideTheOpenUnitInterval() {
        Settings settings = ProductionSettings.fundamentalPrice().attribute("Hurst", "1").build();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/FundamentalPrice: Hurst must be within (0, 1), got 1.0");
    }

    @Test
    void rejectsANonPositiveUpdatePeriod() {
        Settings settings = ProductionSettings.fundamentalPrice().attribute("updatePeriod", "0").build();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/FundamentalPrice: attribute 'updatePeriod' must be > 0 ns, got '0'");
    }

    @Test
    void startsAtTheInitialValue() {
        assertThat(create(context(1)).advanceTo(0)).isEqualTo(300.0);
        assertThat(create(context(1)).advanceTo(29_999_999_999L)).isEqualTo(300.0);
    }

    @Test
    void twoProcessesOfOneBookWithOneSeedButDifferentNamesDiffer() {
        Settings other = ProductionSettings.fundamentalPrice().attribute("name", "fundamental2").build();
        PriceProcess first = create(context(1));
        PriceProcess second = provider.create(other, context(1));

        assertThat(first.advanceTo(30_000_000_000L)).isNotEqualTo(second.advanceTo(30_000_000_000L));
    }
}
