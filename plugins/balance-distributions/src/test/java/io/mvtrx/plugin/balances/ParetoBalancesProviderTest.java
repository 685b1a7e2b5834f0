package io.mvtrx.plugin.balances;

import java.util.Arrays;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.StartingBalance;
import io.mvtrx.testkit.balances.BalanceDistributionContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ParetoBalancesProviderTest extends BalanceDistributionContractTest {

    /** The exchange's miner balances in the live configuration (seed left to the context for the contract). */
    private static final Settings MINERS = Settings.builder("Balances").attribute("type", "pareto")
            .attribute("scale", "1.0").attribute("shape", "2.0").attribute("wealth", "50000.0")
            .attribute("price", "300.0").build();

    private final ParetoBalancesProvider provider = new ParetoBalancesProvider();

    @Override
    protected BalanceDistribution create(BalanceContext context) {
        return provider.create(MINERS, context);
    }

    @Test
    void liveElementPassesTheSchemaAndAMissingWealthIsReportedWithItsPath() {
        Settings live = Settings.builder("Balances").attribute("type", "pareto").attribute("scale", "1.0")
                .attribute("shape", "2.0").attribute("seed", "1337").attribute("wealth", "50000.0")
                .attribute("price", "300.0").build();
        Settings noWealth = Settings.builder("MultiBookExchangeAgent").child(Settings.builder("Balances")
                .attribute("type", "pareto").attribute("scale", "1").attribute("shape", "2")).build()
                .child("Balances").orElseThrow();

        assertThat(provider.parameters().check(live)).isEmpty();
        assertThat(provider.parameters().check(noWealth)).containsExactly(
                "/MultiBookExchangeAgent/Balances: missing required attribute 'wealth' (decimal)");
    }

    @Test
    void drawIsPinnedForSeed1337() {
        BalanceDistribution distribution = provider.create(MINERS, context(1337));

        assertThat(distribution.draw(0, 0, 0)).isEqualTo(new StartingBalance(559_631L, 332_110_442_479_482L));
    }

    @Test
    void baseValueAndQuoteAddUpToTheWealthWithinTruncation() {
        BalanceDistribution distribution = create(context(5));
        for (int agent = 0; agent < 2000; agent++) {
            StartingBalance balance = distribution.draw(agent, agent % 16, 0);
            double total = balance.base() / 1e4 * 300.0 + balance.quote() / 1e10;

            assertThat(total).as("agent %d", agent).isBetween(50_000.0 - 300.0e-4 - 1e-10 - 1e-7, 50_000.0 + 1e-7);
            assertThat(balance.quote() / 1e10).isGreaterThanOrEqualTo(balance.base() / 1e4 * 300.0 - 1e-6);
        }
    }

    /**
     * r = (1 − U)^(−1/2): the quote share r/(1+r) has median √2/(1+√2) = 0.5858 (the reference's "58.6 %") and
     * mean 1 − 2(ln 2 − ½) = 0.6137.
     */
    @Test
    void quoteSharesFollowTheParetoSplit() {
        BalanceDistribution distribution = create(context(11));
        int n = 20_000;
        double[] shares = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            StartingBalance balance = distribution.draw(i, 0, 0);
            shares[i] = balance.quote() / 1e10 / 50_000.0;
            sum += shares[i];
        }
        Arrays.sort(shares);

        // Median: standard error 0.5/√n in U times dshare/dU = 0.243 at the median → 0.00086; 4σ = 0.0035.
        assertThat(shares[n / 2]).isCloseTo(Math.sqrt(2) / (1 + Math.sqrt(2)), within(0.0035));
        // Mean: the share lies in [0.5, 1), standard deviation ≤ 0.25 → standard error ≤ 0.0018; 4σ = 0.0071.
        assertThat(sum / n).isCloseTo(1 - 2 * (Math.log(2) - 0.5), within(0.0071));
        assertThat(shares[0]).isGreaterThanOrEqualTo(0.5 - 1e-9);
    }

    @Test
    void theSeedAttributeWinsOverTheContextSeed() {
        Settings seeded = Settings.builder("Balances").attribute("scale", "1.0").attribute("shape", "2.0")
                .attribute("wealth", "50000.0").attribute("seed", "1337").build();

        assertThat(provider.create(seeded, context(1)).draw(3, 4, 0))
                .isEqualTo(provider.create(seeded, context(2)).draw(3, 4, 0))
                .isEqualTo(provider.create(MINERS, context(1337)).draw(3, 4, 0));
    }

    @Test
    void thePriceDefaultsToTheExchangeInitialPrice() {
        Settings unpriced = Settings.builder("Balances").attribute("scale", "1.0").attribute("shape", "2.0")
                .attribute("wealth", "50000.0").build();

        assertThat(provider.create(unpriced, context(8)).draw(1, 2, 3))
                .isEqualTo(provider.create(MINERS, context(8)).draw(1, 2, 3));
    }

    @Test
    void rejectsANonPositiveShape() {
        Settings settings = Settings.builder("Balances").attribute("scale", "1.0").attribute("shape", "0")
                .attribute("wealth", "50000.0").build();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/Balances: shape must be finite and > 0, got 0.0");
    }

    @Test
    void rejectsAWealthTooLargeForTheQuoteDecimals() {
        Settings settings = Settings.builder("Balances").attribute("scale", "1.0").attribute("shape", "2")
                .attribute("wealth", "1e9").build();

        assertThatThrownBy(() -> provider.create(settings, context(1))).isInstanceOf(SettingsException.class)
                .hasMessage("/Balances: wealth up to 1.0E9 does not fit scaled balances at base decimals 4"
                        + " and quote decimals 10");
    }
}
