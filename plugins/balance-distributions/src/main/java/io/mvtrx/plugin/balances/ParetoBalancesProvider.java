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
 * {@code <Balances type="pareto">}: a fixed wealth split between base and quote by a Pareto-distributed
 * quote-to-base ratio ({@link ParetoBalances}). Each (agent, book, draw) has its own stream; unlike the reference,
 * which drew from a random device and ignored {@code seed}, the {@code seed} attribute (else the context seed) makes
 * the draws reproducible.
 */
public final class ParetoBalancesProvider implements BalanceDistributionProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.required("wealth", ParameterType.DECIMAL, "total wealth W in quote, > 0"),
            Parameter.required("scale", ParameterType.DECIMAL, "Pareto scale of the quote/base ratio (its minimum)"),
            Parameter.required("shape", ParameterType.DECIMAL, "Pareto shape of the quote/base ratio"),
            Parameter.optional("price", ParameterType.DECIMAL, null,
                    "price converting base value (default: the exchange's initialPrice)"),
            Parameter.optional("seed", ParameterType.INTEGER, null,
                    "seed of the draws (default: the seed the simulator derives)"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public ParetoBalancesProvider() {
    }

    @Override
    public String name() {
        return "pareto";
    }

    @Override
    public String description() {
        return "wealth split base/quote by r = scale·(1−U)^(−1/shape): base = W/(1+r)/price, quote = W·r/(1+r)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public BalanceDistribution create(Settings settings, BalanceContext context) {
        return BalanceSettings.build(settings, () -> new ParetoBalances(name(),
                new ParetoBalances.Wealth.Fixed(settings.doubleValue("wealth")),
                settings.doubleValue("scale"), settings.doubleValue("shape"),
                BalanceSettings.price(settings, context), BalanceSettings.seed(settings, context),
                context.decimals()));
    }
}
