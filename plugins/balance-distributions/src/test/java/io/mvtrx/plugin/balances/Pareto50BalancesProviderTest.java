package io.mvtrx.plugin.balances;

import java.util.Arrays;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.StartingBalance;
import io.mvtrx.testkit.balances.BalanceDistributionContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Pareto50BalancesProviderTest extends BalanceDistributionContractTest {

    /** The noise traders' balances in the live configuration, seed left to the context. */
    private static final Settings NOISE = Settings.builder("Balances").attribute("type", "pareto-50")
            .attribute("scale", "0.8").attribute("shape", "1.16").attribute("wealth", "10000.0")
            .attribute("cap", "500000.0").attribute("price", "300.0").build();

    private final Pareto50BalancesProvider provider = new Pareto50BalancesProvider();

    @Override
    protected BalanceDistribution create(BalanceContext context) {
        return provider.create(NOISE, context);
    }

    @Test
    void schemaRequiresTheCap() {
        Settings noCap = Settings.builder("NoiseTraderAgent").child(Settings.builder("Balances")
                .attribute("type", "pareto-50").attribute("scale", "0.8").attribute("shape", "1.16")
                .attribute("wealth", "10000.0")).build().child("Balances").orElseThrow();

        assertThat(provider.parameters().check(NOISE)).isEmpty();
        assertThat(provider.parameters().check(noCap))
                .containsExactly("/NoiseTraderAgent/Balances: missing required attribute 'cap' (decimal)");
    }

    @Test
    void drawIsPinnedForSeed1337() {
        assertThat(create(context(1337)).draw(-613, 0, 0)).isEqualTo(new StartingBalance(51_718L, 120_558_321_194_804L));
    }

    /**
     * W = min(10 000·U^(−1/1.16), 500 000): at least the wealth, at most the cap (up to truncation), median
     * 10 000·2^(1/1.16) = 18 175, and the cap binds when U < 0.02^1.16 = 0.01074.
     */
    @Test
    void wealthIsAParetoOfShape116CappedAtTheCap() {
        BalanceDistribution distribution = create(context(21));
        int n = 20_000;
        double[] wealth = new double[n];
        int capped = 0;
        for (int i = 0; i < n; i++) {
            StartingBalance balance = distribution.draw(i, i % 16, 0);
            wealth[i] = balance.base() / 1e4 * 300.0 + balance.quote() / 1e10;
            assertThat(wealth[i]).as("draw %d", i).isBetween(10_000.0 - 0.031, 500_000.0 + 1e-6);
            capped += wealth[i] > 500_000.0 - 0.031 ? 1 : 0;
        }
        Arrays.sort(wealth);

        // Median: standard error of U's median 0.5/√n = 0.0035 times dW/dU = 31 300 at U = ½ → 111; 4σ = 444.
        assertThat(wealth[n / 2]).isCloseTo(10_000.0 * Math.pow(2, 1 / 1.16), within(444.0));
        // Binomial with p = 0.01074: standard error 0.00073; 4σ = 0.0029.
        assertThat((double) capped / n).isCloseTo(Math.pow(0.02, 1.16), within(0.0029));
    }

    @Test
    void theSplitUsesTheShapeAttributeAndNeverSwapsTheShares() {
        BalanceDistribution distribution = create(context(4));
        int n = 20_000;
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            StartingBalance balance = distribution.draw(i, 0, 0);
            double quote = balance.quote() / 1e10;
            shares[i] = quote / (quote + balance.base() / 1e4 * 300.0);
        }
        Arrays.sort(shares);
        double medianRatio = 0.8 * Math.pow(2, 1 / 1.16);

        // r >= scale = 0.8, so the quote share is at least 0.8/1.8 = 0.444 (a swap would give shares below it).
        assertThat(shares[0]).isGreaterThanOrEqualTo(0.8 / 1.8 - 1e-6);
        // Median of r/(1+r) at U' = ½: standard error 0.0035 · dshare/dU (≈ 0.18) → 0.0007; 4σ = 0.0026.
        assertThat(shares[n / 2]).isCloseTo(medianRatio / (1 + medianRatio), within(0.0026));
    }
}
