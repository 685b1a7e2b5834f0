package io.mvtrx.plugin.balances;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.api.spi.balances.StartingBalance;
import io.mvtrx.plugin.balances.internal.BalanceSettings;
import io.mvtrx.plugin.balances.internal.StaticBalances;

/**
 * {@code <Balances><Base total="..."/><Quote total="..."/></Balances>}: the same amounts for every account, book and
 * draw, truncated to the base and quote decimals. The children's {@code maxLeverage}, {@code maxLoan} and
 * {@code seed} attributes are accepted and ignored, as in the reference (leverage and loan limits are the
 * exchange's). The element has no attributes of its own, so the schema is empty; missing children fail creation.
 */
public final class StaticBalancesProvider implements BalanceDistributionProvider {

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public StaticBalancesProvider() {
    }

    @Override
    public String name() {
        return "static";
    }

    @Override
    public String description() {
        return "fixed <Base total>/<Quote total> amounts for every account, truncated to the balance decimals";
    }

    @Override
    public BalanceDistribution create(Settings settings, BalanceContext context) {
        long base = BalanceSettings.total(settings, "Base", context.decimals().base());
        long quote = BalanceSettings.total(settings, "Quote", context.decimals().quote());
        return new StaticBalances(new StartingBalance(base, quote));
    }
}
