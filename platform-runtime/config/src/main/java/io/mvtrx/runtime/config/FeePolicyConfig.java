package io.mvtrx.runtime.config;

import io.mvtrx.api.settings.Settings;

/**
 * The exchange's fee policy: {@code <FeePolicy type="NAME" .../>}, resolved to a
 * {@link io.mvtrx.api.spi.fees.FeePolicyProvider} by {@code type}.
 *
 * @param type     provider name ({@code dynamic}, {@code tiered}, {@code static} ...); {@value #DEFAULT_TYPE} when the
 *                 exchange has no {@code <FeePolicy>}
 * @param settings the element, handed to the provider
 */
public record FeePolicyConfig(String type, Settings settings) {

    /** The policy used when the exchange declares none: {@code static} with the provider's default (zero) rates. */
    public static final String DEFAULT_TYPE = "static";

    public FeePolicyConfig {
        Checks.text("FeePolicy type", type);
        Checks.present("FeePolicy settings", settings);
    }
}
