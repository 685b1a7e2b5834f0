package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.plugin.process.internal.FundamentalPrice;
import io.mvtrx.plugin.process.internal.ProcessSettings;
import io.mvtrx.plugin.process.internal.Streams;

/**
 * {@code <FundamentalPrice>}: the fundamental price background traders anchor to, a jump diffusion with a fractional
 * Brownian component ({@link FundamentalPrice}). Seeded from the context seed only: the reference's re-seeding from
 * live market prices (and of the block's shared generator) is deliberately not reproduced, so {@code seedInterval}
 * is accepted for configuration compatibility and has no effect.
 */
public final class FundamentalPriceProvider implements PriceProcessProvider {

    /** The conventional name agents read it by. */
    public static final String DEFAULT_NAME = "fundamental";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.optional("name", ParameterType.STRING, DEFAULT_NAME, "name agents read the process by"),
            Parameter.required("updatePeriod", ParameterType.INTEGER, "ns between updates (production 3e10)"),
            Parameter.required("seedInterval", ParameterType.INTEGER,
                    "ns between live-price re-seeds in the reference; accepted, no effect (seeds are deterministic)"),
            Parameter.required("mu", ParameterType.DECIMAL, "drift per run duration"),
            Parameter.required("sigma", ParameterType.DECIMAL, "volatility per square root of the run duration"),
            Parameter.required("lambda", ParameterType.DECIMAL, "mean number of jumps per update"),
            Parameter.required("muJump", ParameterType.DECIMAL, "mean log jump"),
            Parameter.required("sigmaJump", ParameterType.DECIMAL, "standard deviation of a log jump"),
            Parameter.optional("Hurst", ParameterType.DECIMAL, "0.5", "Hurst exponent of the fBm component, (0, 1)"),
            Parameter.optional("epsilon", ParameterType.DECIMAL, "0", "weight of the fBm component"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public FundamentalPriceProvider() {
    }

    @Override
    public String name() {
        return "FundamentalPrice";
    }

    @Override
    public String description() {
        return "Merton jump diffusion with a fractional Brownian component, time in run durations (scalar)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public PriceProcess create(Settings settings, ProcessContext context) {
        String name = ProcessSettings.name(settings, DEFAULT_NAME);
        ProcessSettings.positiveNanos(settings, "seedInterval");
        return ProcessSettings.build(settings, () -> new FundamentalPrice(
                new FundamentalPrice.Parameters(
                        ProcessSettings.positiveNanos(settings, "updatePeriod"),
                        settings.doubleValue("mu"),
                        settings.doubleValue("sigma"),
                        settings.doubleValue("lambda"),
                        settings.doubleValue("muJump"),
                        settings.doubleValue("sigmaJump"),
                        settings.doubleValue("Hurst", 0.5),
                        settings.doubleValue("epsilon", 0)),
                context.initialValue(), context.startTime(), context.duration(),
                Streams.of(context.seed(), name(), name)));
    }
}
