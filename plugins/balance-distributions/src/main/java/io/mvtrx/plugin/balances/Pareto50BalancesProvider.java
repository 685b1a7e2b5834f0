package io.mvtrx.plugin.balances;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.plugin.balances.internal.BalanceSettings;
import io.mvtrx.plugin.balances.internal.ParetoBalances;

/**
 * {@code <Balances type="pareto-50">}, the 0.5.4 rule: a Pareto(1.16) wealth {@code W = min(wealth/U^(1/1.16), cap)}
 * then the {@code pareto} split ({@link ParetoBalances}). The wealth shape 1.16 is fixed, as in the reference; the
 * {@code shape} attribute shapes the split only. The 0.1.9 rule (swap the shares with probability ½) is gone.
 */
public final class Pareto50BalancesProvider implements BalanceDistributionProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.required("wealth", ParameterType.DECIMAL, "Pareto scale of W (the smallest W), > 0"),
            Parameter.required("cap", ParameterType.DECIMAL, "largest W, > 0"),
            Parameter.required("scale", ParameterType.DECIMAL, "Pareto scale of the quote/base ratio (its minimum)"),
            Parameter.required("shape", ParameterType.DECIMAL, "Pareto shape of the quote/base ratio"),
            Parameter.optional("price", ParameterType.DECIMAL, null,
                    "price converting base value (default: the exchange's initialPrice)"),
            Parameter.optional("seed", ParameterType.INTEGER, null,
                    "seed of the draws (default: the seed the simulator derives)"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public Pareto50BalancesProvider() {
    }

    @Override
    public String name() {
        return "pareto-50";
    }

    @Override
    public String description() {
        return "W = min(wealth/U^(1/1.16), cap), then the pareto split of W into base and quote";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public BalanceDistribution create(Settings settings, BalanceContext context) {
        return BalanceSettings.build(settings, () -> new ParetoBalances(name(),
                new ParetoBalances.Wealth.CappedPareto(settings.doubleValue("wealth"), settings.doubleValue("cap")),
                settings.doubleValue("scale"), settings.doubleValue("shape"),
                BalanceSettings.price(settings, context), BalanceSettings.seed(settings, context),
                context.decimals()));
    }
}
