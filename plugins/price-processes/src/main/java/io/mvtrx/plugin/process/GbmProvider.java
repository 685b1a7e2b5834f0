package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.plugin.process.internal.GeometricBrownianMotion;
import io.mvtrx.plugin.process.internal.ProcessSettings;
import io.mvtrx.plugin.process.internal.Streams;

/** {@code <GBM>}: geometric Brownian motion from the initial value ({@link GeometricBrownianMotion}). */
public final class GbmProvider implements PriceProcessProvider {

    /** The conventional name agents read it by. */
    public static final String DEFAULT_NAME = "gbm";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.optional("name", ParameterType.STRING, DEFAULT_NAME, "name agents read the process by"),
            Parameter.required("mu", ParameterType.DECIMAL, "drift per run duration"),
            Parameter.required("sigma", ParameterType.DECIMAL, "volatility per square root of the run duration"),
            Parameter.required("updatePeriod", ParameterType.INTEGER, "ns between updates"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public GbmProvider() {
    }

    @Override
    public String name() {
        return "GBM";
    }

    @Override
    public String description() {
        return "geometric Brownian motion sampled exactly at update times, time in run durations (scalar)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public PriceProcess create(Settings settings, ProcessContext context) {
        String name = ProcessSettings.name(settings, DEFAULT_NAME);
        return ProcessSettings.build(settings, () -> new GeometricBrownianMotion(
                settings.doubleValue("mu"), settings.doubleValue("sigma"),
                ProcessSettings.positiveNanos(settings, "updatePeriod"),
                context.initialValue(), context.startTime(), context.duration(),
                Streams.of(context.seed(), name(), name)));
    }
}
