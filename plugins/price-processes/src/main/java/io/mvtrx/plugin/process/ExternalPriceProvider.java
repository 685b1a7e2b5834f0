package io.mvtrx.plugin.process;

import java.nio.file.Path;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.plugin.process.internal.ExternalPrice;
import io.mvtrx.plugin.process.internal.PriceSeries;
import io.mvtrx.plugin.process.internal.ProcessSettings;

/**
 * {@code <ExternalPrice file="...">}: a recorded price feed read from a local CSV of {@code timestamp_ns,price} rows
 * ({@link PriceSeries}, {@link ExternalPrice}), step-interpolated. Present only when configured; it never touches the
 * network, so the simulator runs offline. A bad row fails creation naming the file and line.
 */
public final class ExternalPriceProvider implements PriceProcessProvider {

    /** The conventional name agents read it by. */
    public static final String DEFAULT_NAME = "externalprice";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.optional("name", ParameterType.STRING, DEFAULT_NAME, "name agents read the process by"),
            Parameter.required("file", ParameterType.STRING,
                    "CSV of timestamp_ns,price rows (simulation ns, non-decreasing); relative to the working directory"),
            Parameter.required("updatePeriod", ParameterType.INTEGER, "ns between updates"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public ExternalPriceProvider() {
    }

    @Override
    public String name() {
        return "ExternalPrice";
    }

    @Override
    public String description() {
        return "recorded price feed from a local timestamp_ns,price CSV, step-interpolated;"
                + " components 0 price, 1 rows passed";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public PriceProcess create(Settings settings, ProcessContext context) {
        ProcessSettings.name(settings, DEFAULT_NAME);
        long updatePeriod = ProcessSettings.positiveNanos(settings, "updatePeriod");
        PriceSeries series = PriceSeries.read(Path.of(settings.string("file")), settings.path());
        return ProcessSettings.build(settings, () -> new ExternalPrice(series, updatePeriod, context.initialValue(),
                context.startTime()));
    }
}
