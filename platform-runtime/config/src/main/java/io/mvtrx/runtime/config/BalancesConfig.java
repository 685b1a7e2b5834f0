package io.mvtrx.runtime.config;

import io.mvtrx.api.settings.Settings;

/**
 * Starting balances: {@code <Balances type="NAME" .../>}, resolved to a
 * {@link io.mvtrx.api.spi.balances.BalanceDistributionProvider} by {@code type}. A {@code <Balances>} without a type
 * holding {@code <Base total=.../>} and {@code <Quote total=.../>} is {@value #STATIC_TYPE}.
 *
 * @param type     provider name ({@code static}, {@code pareto}, {@code pareto-50} ...)
 * @param settings the element, children included, handed to the provider
 */
public record BalancesConfig(String type, Settings settings) {

    /** The type of a {@code <Balances>} that lists {@code <Base>}/{@code <Quote>} totals and names no type. */
    public static final String STATIC_TYPE = "static";

    public BalancesConfig {
        Checks.text("Balances type", type);
        Checks.present("Balances settings", settings);
    }
}
