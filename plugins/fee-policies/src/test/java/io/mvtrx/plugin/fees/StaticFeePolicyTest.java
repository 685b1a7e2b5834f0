package io.mvtrx.plugin.fees;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.testkit.fees.FeePolicyContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticFeePolicyTest extends FeePolicyContractTest {

    private static final FeeContext CONTEXT = new FeeContext(2, BookDecimals.REFERENCE);

    @Override
    protected FeePolicyProvider provider() {
        return new StaticFeePolicyProvider();
    }

    @Override
    protected Settings settings() {
        return Settings.builder("FeePolicy").attribute("type", "static")
                .attribute("makerFee", "-0.00025").attribute("takerFee", "0.00075").build();
    }

    @Test
    void everyAgentPaysTheConfiguredRatesOnEveryBookAndRebatesAreNegative() {
        FeePolicy policy = provider().create(settings(), CONTEXT);
        policy.recordTrade(0, 1, 3, 4, 1_000_000_000_000L);
        assertThat(policy.makerRate(3, 0)).isEqualTo(-25_000);
        assertThat(policy.takerRate(-7, 1)).isEqualTo(75_000);
        assertThat(policy.volume(3, 0)).isZero();
    }

    @Test
    void absentRatesMeanNoFees() {
        FeePolicy policy = provider().create(Settings.empty("FeePolicy"), CONTEXT);
        assertThat(policy.makerRate(1, 0)).isZero();
        assertThat(policy.takerRate(1, 0)).isZero();
    }

    @Test
    void extraDecimalsOfARateAreTruncated() {
        FeePolicy policy = provider().create(
                Settings.builder("FeePolicy").attribute("takerFee", "0.000000019").build(), CONTEXT);
        assertThat(policy.takerRate(1, 0)).isEqualTo(1);
    }

    @Test
    void rejectsARateOfOneOrMoreNamingPathAttributeAndValue() {
        Settings bad = Settings.builder("FeePolicy").attribute("takerFee", "1").build();
        assertThatThrownBy(() -> provider().create(bad, CONTEXT))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/FeePolicy: attribute 'takerFee' must lie strictly within (-1, 1), got '1'");
    }
}
