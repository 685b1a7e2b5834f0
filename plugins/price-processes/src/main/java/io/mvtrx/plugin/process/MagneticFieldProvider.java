package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.plugin.process.internal.MagneticField;
import io.mvtrx.plugin.process.internal.ProcessSettings;
import io.mvtrx.plugin.process.internal.Streams;

/**
 * {@code <MagneticField>}: the Ising-style spin field noise traders read and write ({@link MagneticField}).
 * Components: 0 mean spin m̄ (the value), 1 its last change Δm̄, {@code 2 + k} spin k; {@code set(2 + k, ±1)} sets
 * spin k and performs one Glauber update of it.
 */
public final class MagneticFieldProvider implements PriceProcessProvider {

    /** The conventional name agents read it by. */
    public static final String DEFAULT_NAME = "magneticfield";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Parameter.optional("name", ParameterType.STRING, DEFAULT_NAME, "name agents read the process by"),
            Parameter.optional("numRows", ParameterType.INTEGER, "32", "spins per side (numRows² sites)"),
            Parameter.optional("alpha", ParameterType.DECIMAL, "6.0", "coupling of a spin to |m̄| (minority term)"),
            Parameter.optional("beta", ParameterType.DECIMAL, "0.667", "inverse temperature of the Glauber dynamics"),
            Parameter.optional("interactionCoef", ParameterType.DECIMAL, "1.0", "neighbour interaction J"),
            Parameter.optional("updatePeriod", ParameterType.INTEGER, "10000000000", "ns between updates"));

    /** ServiceLoader and PF4J need a public no-argument constructor. */
    public MagneticFieldProvider() {
    }

    @Override
    public String name() {
        return "MagneticField";
    }

    @Override
    public String description() {
        return "Ising spin field with Glauber dynamics; components 0 mean spin, 1 its last change, 2+k spin k"
                + " (settable to ±1)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public PriceProcess create(Settings settings, ProcessContext context) {
        String name = ProcessSettings.name(settings, DEFAULT_NAME);
        int rows = settings.intValue("numRows", 32);
        if (rows < 1 || rows > 4096) {
            throw new SettingsException("%s: attribute 'numRows' must be within 1..4096, got '%d'", settings.path(),
                    rows);
        }
        long updatePeriod = settings.has("updatePeriod")
                ? ProcessSettings.positiveNanos(settings, "updatePeriod") : 10_000_000_000L;
        return ProcessSettings.build(settings, () -> new MagneticField(rows,
                settings.doubleValue("alpha", 6.0), settings.doubleValue("beta", 0.667),
                settings.doubleValue("interactionCoef", 1.0), updatePeriod, context.startTime(),
                Streams.of(context.seed(), name(), name)));
    }
}
