package io.mvtrx.plugin.scoring;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.scoring.ScoringMetric;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;

/** Provides {@code kappa3}. Public no-argument constructor: ServiceLoader and PF4J need it. */
public final class Kappa3Provider implements ScoringMetricProvider {

    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            Parameter.optional("tau", ParameterType.DECIMAL, "0.0", "target return threshold, in MAD units"),
            Parameter.optional("minRealizedObservations", ParameterType.INTEGER, "3",
                    "non-zero observations a book needs to be scored"),
            Parameter.optional("changeoverGap", ParameterType.INTEGER, "600000000000",
                    "ns; an observation this long after the previous one starts a new simulation and is excluded"));

    public Kappa3Provider() {
    }

    @Override
    public String name() {
        return "kappa3";
    }

    @Override
    public String description() {
        return "Kappa-3: mean realized P&L over the cube root of its third lower partial moment, MAD-scaled";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringMetric create(Settings settings) {
        return new Kappa3Metric(
                settings.doubleValue("tau", 0.0),
                settings.intValue("minRealizedObservations", 3),
                settings.longValue("changeoverGap", 600_000_000_000L));
    }
}
