import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.plugin.balances.Pareto50BalancesProvider;
import io.mvtrx.plugin.balances.ParetoBalancesProvider;
import io.mvtrx.plugin.balances.StaticBalancesProvider;

/** Built-in starting-balance distributions: static, pareto, pareto-50. */
module io.mvtrx.plugin.balances {
    requires io.mvtrx.api;

    provides BalanceDistributionProvider with
            StaticBalancesProvider,
            ParetoBalancesProvider,
            Pareto50BalancesProvider;
}
