package io.mvtrx.plugin.fees;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;

/**
 * Provides {@code <FeePolicy type="static" makerFee="0.001" takerFee="0.002"/>}: the same rates for every agent on
 * every book, 0 when absent.
 */
public final class StaticFeePolicyProvider implements FeePolicyProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.optional("makerFee", ParameterType.DECIMAL, "0",
                    "rate a resting order pays, within (-1, 1); negative is a rebate"),
            Parameter.optional("takerFee", ParameterType.DECIMAL, "0",
                    "rate an incoming order pays, within (-1, 1); negative is a rebate"));

    /** Public no-argument constructor, required by ServiceLoader and PF4J. */
    public StaticFeePolicyProvider() {
    }

    @Override
    public String name() {
        return "static";
    }

    @Override
    public String description() {
        return "fixed maker and taker rates for every agent and book";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public FeePolicy create(Settings settings, FeeContext context) {
        return new StaticFeePolicy(Rates.fee(settings, "makerFee", "0"), Rates.fee(settings, "takerFee", "0"));
    }
}
