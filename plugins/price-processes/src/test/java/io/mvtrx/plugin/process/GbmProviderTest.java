package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.testkit.process.PriceProcessContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GbmProviderTest extends PriceProcessContractTest {

    private static final Settings GBM = Settings.builder("GBM").attribute("mu", "0.05").attribute("sigma", "0.2")
            .attribute("updatePeriod", "1000000000").build();

    private final GbmProvider provider = new GbmProvider();

    @Override
    protected PriceProcess create(ProcessContext context) {
        return provider.create(GBM, context);
    }

    @Test
    void aScalarProcessTakesNoInput() {
        PriceProcess gbm = create(context(1));

        assertThatThrownBy(() -> gbm.set(0, 1.0)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("GeometricBrownianMotion takes no input (component 0)");
    }

    @Test
    void schemaReportsAMissingRequiredAttributeWithItsPath() {
        Settings settings = Settings.builder("Processes")
                .child(Settings.builder("GBM").attribute("mu", "0").attribute("updatePeriod", "1000")).build()
                .child("GBM").orElseThrow();

        assertThat(provider.parameters().check(settings))
                .containsExactly("/Processes/GBM: missing required attribute 'sigma' (decimal)");
        assertThat(provider.parameters().check(GBM)).isEmpty();
    }
}
