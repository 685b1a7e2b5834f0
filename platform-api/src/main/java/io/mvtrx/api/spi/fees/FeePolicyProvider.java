package io.mvtrx.api.spi.fees;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a fee policy, selected by {@code <FeePolicy type="NAME">}. */
public interface FeePolicyProvider extends PluginProvider {

    /**
     * Creates the policy for one exchange.
     *
     * @param settings the {@code <FeePolicy>} element
     * @param context  the exchange's shape
     */
    FeePolicy create(Settings settings, FeeContext context);
}
