package io.mvtrx.plugin.balances;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.StartingBalance;
import io.mvtrx.testkit.balances.BalanceDistributionContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticBalancesProviderTest extends BalanceDistributionContractTest {

    private final StaticBalancesProvider provider = new StaticBalancesProvider();

    @Override
    protected BalanceDistribution create(BalanceContext context) {
        return provider.create(balances("100.0", "30000.0"), context);
    }

    @Override
    protected boolean randomized() {
        return false;
    }

    @Test
    void givesTheTotalsAtTheBaseAndQuoteDecimals() {
        StartingBalance balance = create(context(1)).draw(-113, 5, 2);

        assertThat(balance).isEqualTo(new StartingBalance(1_000_000L, 300_000_000_000_000L));
    }

    @Test
    void truncatesTowardZero() {
        BalanceDistribution distribution = provider.create(balances("1.99999", "0.123456789019"), context(1));

        assertThat(distribution.draw(0, 0, 0)).isEqualTo(new StartingBalance(19_999L, 1_234_567_890L));
    }

    @Test
    void ignoresLeverageLoanAndSeedAttributesOfTheChildren() {
        Settings settings = Settings.builder("Balances")
                .child(Settings.builder("Base").attribute("total", "500").attribute("maxLeverage", "4")
                        .attribute("maxLoan", "10000").attribute("seed", "3"))
                .child(Settings.builder("Quote").attribute("total", "150000.0").attribute("maxLeverage", "4"))
                .build();

        assertThat(provider.create(settings, context(1)).draw(1, 1, 1))
                .isEqualTo(new StartingBalance(5_000_000L, 1_500_000_000_000_000L));
    }

    @Test
    void usesTheExchangeDecimals() {
        BalanceContext context = new BalanceContext(BookDecimals.of(2, 3, 2, 6), 1, 300.0);

        assertThat(provider.create(balances("100.129", "30000.1234567"), context).draw(0, 0, 0))
                .isEqualTo(new StartingBalance(10_012L, 30_000_123_456L));
    }

    @Test
    void aMissingChildFailsCreationNamingThePath() {
        Settings settings = Settings.builder("Agents").child(Settings.builder("Balances")
                .child(Settings.builder("Base").attribute("total", "100"))).build().child("Balances").orElseThrow();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/Agents/Balances: missing child element <Quote total=\"...\"/>"
                        + " (static balances need <Base> and <Quote>)");
    }

    @Test
    void aNegativeOrMissingTotalFailsCreationNamingThePath() {
        assertThatThrownBy(() -> provider.create(balances("-1", "10"), context(1)))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/Balances/Base: attribute 'total' must be >= 0, got '-1'");
        Settings noTotal = Settings.builder("Balances").child(Settings.builder("Base"))
                .child(Settings.builder("Quote").attribute("total", "1")).build();
        assertThatThrownBy(() -> provider.create(noTotal, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/Balances/Base: missing required attribute 'total'");
    }

    @Test
    void aTotalTooLargeForItsDecimalsFailsCreation() {
        assertThatThrownBy(() -> provider.create(balances("1", "1e9"), context(1)))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/Balances/Quote: attribute 'total' 1e9 does not fit a balance at 10 decimals");
    }

    private static Settings balances(String base, String quote) {
        return Settings.builder("Balances")
                .child(Settings.builder("Base").attribute("total", base))
                .child(Settings.builder("Quote").attribute("total", quote))
                .build();
    }
}
