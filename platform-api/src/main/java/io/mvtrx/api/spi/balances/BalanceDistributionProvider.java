package io.mvtrx.api.spi.balances;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/**
 * Provides a starting-balance distribution, selected by {@code <Balances type="NAME">}; a {@code <Balances>} with
 * {@code <Base>}/{@code <Quote>} children and no type is {@code static}.
 */
public interface BalanceDistributionProvider extends PluginProvider {

    /**
     * Creates the distribution.
     *
     * @param settings the {@code <Balances>} element
     * @param context  decimals and seed
     */
    BalanceDistribution create(Settings settings, BalanceContext context);
}
