package io.mvtrx.plugin.process;

import java.nio.file.Path;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.plugin.process.internal.FuturesSignal;
import io.mvtrx.plugin.process.internal.PriceSeries;
import io.mvtrx.plugin.process.internal.ProcessSettings;
import io.mvtrx.plugin.process.internal.Streams;

/**
 * {@code <FuturesSignal>}: the external futures price futures traders follow ({@link FuturesSignal}). The reference
 * polls a price file the validator writes from a live exchange; here the source is a local recorded file
 * ({@code file}), an offline stand-in random walk ({@code sigma > 0}), or nothing (the default: the value stays at
 * the initial price, as in the reference without a validator). Components: 0 value, 1 last log return, 2 volume
 * factor min(2, e^|r|), 3 samples taken, 4 decay e^(−lambda·updates since the last sample).
 */
public final class FuturesSignalProvider implements PriceProcessProvider {

    /** The conventional name agents read it by. */
    public static final String DEFAULT_NAME = "external";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.optional("name", ParameterType.STRING, DEFAULT_NAME, "name agents read the process by"),
            Parameter.required("updatePeriod", ParameterType.INTEGER, "ns between updates"),
            Parameter.optional("seedInterval", ParameterType.INTEGER, null,
                    "minimum ns between polls of the source (default: updatePeriod)"),
            Parameter.optional("lambda", ParameterType.DECIMAL, "0", "decay rate per update of component 4"),
            Parameter.optional("file", ParameterType.STRING, null,
                    "recorded source: CSV of timestamp_ns,price rows; relative to the working directory"),
            Parameter.optional("sigma", ParameterType.DECIMAL, "0",
                    "volatility per square root of the run duration of an offline stand-in source; 0 = none"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public FuturesSignalProvider() {
    }

    @Override
    public String name() {
        return "FuturesSignal";
    }

    @Override
    public String description() {
        return "sampled external price with its last log return; components 0 value, 1 return, 2 factor,"
                + " 3 samples, 4 decay";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public PriceProcess create(Settings settings, ProcessContext context) {
        String name = ProcessSettings.name(settings, DEFAULT_NAME);
        long updatePeriod = ProcessSettings.positiveNanos(settings, "updatePeriod");
        long seedInterval = settings.has("seedInterval")
                ? ProcessSettings.positiveNanos(settings, "seedInterval") : updatePeriod;
        double sigma = settings.doubleValue("sigma", 0);
        FuturesSignal.Source source;
        if (settings.has("file")) {
            if (sigma != 0) {
                throw new SettingsException("%s: give either 'file' or a non-zero 'sigma', not both (sigma '%s')",
                        settings.path(), settings.string("sigma"));
            }
            source = new FuturesSignal.Source.Recorded(
                    PriceSeries.read(Path.of(settings.string("file")), settings.path()));
        } else if (sigma != 0) {
            source = ProcessSettings.build(settings, () -> new FuturesSignal.Source.StandIn(sigma));
        } else {
            source = new FuturesSignal.Source.Silent();
        }
        return ProcessSettings.build(settings, () -> new FuturesSignal(source, updatePeriod, seedInterval,
                settings.doubleValue("lambda", 0), context.initialValue(), context.startTime(), context.duration(),
                Streams.of(context.seed(), name(), name)));
    }
}
