package io.mvtrx.plugin.fees;

import java.math.BigDecimal;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;

/**
 * Provides the v0.5.4 production policy (simulator-054.md §4.11), every attribute required:
 *
 * {@snippet lang=xml :
 * <FeePolicy type="dynamic" historySlots="300" makerFee="0.000" takerFee="0.00023"
 *            maxMakerRate="0.015" maxTakerRate="0.015" targetMTR="0.4" shapeMakerFee="2" shapeMakerRebate="2"/>
 * }
 */
public final class DynamicFeePolicyProvider implements FeePolicyProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.required("historySlots", ParameterType.INTEGER,
                    "distinct trade timestamps in the window per book; also the warm-up length, >= 1"),
            Parameter.required("makerFee", ParameterType.DECIMAL, "base maker rate, within (-1, 1)"),
            Parameter.required("takerFee", ParameterType.DECIMAL, "base taker rate, within (-1, 1)"),
            Parameter.required("maxMakerRate", ParameterType.DECIMAL,
                    "largest maker rebate added when the ratio is below target, within [0, 1)"),
            Parameter.required("maxTakerRate", ParameterType.DECIMAL,
                    "largest maker charge added when the ratio is above target, within [0, 1)"),
            Parameter.required("targetMTR", ParameterType.DECIMAL,
                    "target maker-taker ratio passive/(passive+aggressive), within (0, 1)"),
            Parameter.required("shapeMakerFee", ParameterType.DECIMAL,
                    "exponent of the adjustment below target, > 0"),
            Parameter.required("shapeMakerRebate", ParameterType.DECIMAL,
                    "exponent of the adjustment above target, > 0"));

    /** Public no-argument constructor, required by ServiceLoader and PF4J. */
    public DynamicFeePolicyProvider() {
    }

    @Override
    public String name() {
        return "dynamic";
    }

    @Override
    public String description() {
        return "per-book rates steered towards a target maker-taker ratio of the miners' flow";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public FeePolicy create(Settings settings, FeeContext context) {
        int historySlots = settings.intValue("historySlots");
        if (historySlots < 1) {
            throw new SettingsException("%s: attribute 'historySlots' must be >= 1, got '%d'",
                    settings.path(), historySlots);
        }
        long target = Rates.fraction(settings, "targetMTR");
        if (target <= 0 || target >= Rate.ONE) {
            throw new SettingsException("%s: attribute 'targetMTR' must lie strictly within (0, 1), got '%s'",
                    settings.path(), settings.string("targetMTR"));
        }
        return new DynamicFeePolicy(context.bookCount(), historySlots,
                Rates.fee(settings, "makerFee"), Rates.fee(settings, "takerFee"),
                maxRate(settings, "maxMakerRate"), maxRate(settings, "maxTakerRate"), target,
                shape(settings, "shapeMakerFee"), shape(settings, "shapeMakerRebate"));
    }

    private static long maxRate(Settings settings, String name) {
        long rate = Rates.fee(settings, name);
        if (rate < 0) {
            throw new SettingsException("%s: attribute '%s' must be >= 0, got '%s'", settings.path(), name,
                    settings.string(name));
        }
        return rate;
    }

    private static double shape(Settings settings, String name) {
        BigDecimal value = settings.decimal(name);
        if (value.signum() <= 0) {
            throw new SettingsException("%s: attribute '%s' must be > 0, got '%s'", settings.path(), name,
                    value.toPlainString());
        }
        return value.doubleValue();
    }
}
