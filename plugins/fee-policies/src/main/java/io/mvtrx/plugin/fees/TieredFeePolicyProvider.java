package io.mvtrx.plugin.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;

/**
 * Provides the reference's tiered schedule:
 *
 * {@snippet lang=xml :
 * <FeePolicy type="tiered" historySlots="24" slotPeriod="3600000000000">
 *     <Tier volumeRequired="0" makerFee="0.005" takerFee="0.005"/>
 *     <Tier volumeRequired="200000" makerFee="0.0025" takerFee="0.003"/>
 * </FeePolicy>
 * }
 *
 * Each {@code Tier} child needs all three attributes; rates lie strictly within (-1, 1); two tiers may not share a
 * {@code volumeRequired}. Tiers are sorted ascending whatever their document order.
 */
public final class TieredFeePolicyProvider implements FeePolicyProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.required("historySlots", ParameterType.INTEGER,
                    "number of volume buckets in the rolling window, >= 1"),
            Parameter.required("slotPeriod", ParameterType.INTEGER,
                    "ns per bucket; tiers change at step starts that are multiples of it, > 0"));

    /** Public no-argument constructor, required by ServiceLoader and PF4J. */
    public TieredFeePolicyProvider() {
    }

    @Override
    public String name() {
        return "tiered";
    }

    @Override
    public String description() {
        return "maker/taker rates by the agent's rolling traded quote volume (<Tier> children)";
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
        long slotPeriod = settings.longValue("slotPeriod");
        if (slotPeriod <= 0) {
            throw new SettingsException("%s: attribute 'slotPeriod' must be > 0 ns, got '%d'",
                    settings.path(), slotPeriod);
        }
        List<Settings> elements = settings.children("Tier");
        if (elements.isEmpty()) {
            throw new SettingsException("%s: at least one <Tier volumeRequired makerFee takerFee> child is required",
                    settings.path());
        }
        List<Tier> tiers = new ArrayList<>(elements.size());
        for (Settings element : elements) {
            BigDecimal required = element.decimal("volumeRequired");
            if (required.signum() < 0) {
                throw new SettingsException("%s: attribute 'volumeRequired' must be >= 0, got '%s'",
                        element.path(), required.toPlainString());
            }
            long volume = context.decimals().quote().toScaled(required, RoundingMode.DOWN);
            for (Tier tier : tiers) {
                if (tier.volumeRequired() == volume) {
                    throw new SettingsException("%s: duplicate volumeRequired '%s'", element.path(),
                            required.toPlainString());
                }
            }
            tiers.add(new Tier(volume, Rates.fee(element, "makerFee"), Rates.fee(element, "takerFee")));
        }
        tiers.sort(Comparator.comparingLong(Tier::volumeRequired));
        return new TieredFeePolicy(context.bookCount(), historySlots, slotPeriod, tiers);
    }
}
