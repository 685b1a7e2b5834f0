package io.mvtrx.plugin.agents;

import java.util.Locale;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * The attributes of {@code <ALGOTraderAgent>} and its {@code <VolumeDistribution>} child (reference 0.5.4 §7.6),
 * validated as the reference does.
 *
 * @param depth              book levels read (>= 5)
 * @param statsPeriod        {@code volumeStatsPeriod}: book-reading period and trade window, ns
 * @param alpha              GARCH α (weight of the squared mid return)
 * @param beta               GARCH β (persistence)
 * @param gammaX             weight of the trade-tape variance in the GARCH update
 * @param omega              GARCH ω, > 0
 * @param feedMean           mean market-feed latency, ns
 * @param feedStd            its standard deviation, ns
 * @param minPlacement       shortest placement latency, ns
 * @param maxPlacement       longest placement latency, ns
 * @param placementScale     Rayleigh scale of the placement latency
 * @param decisionMean       {@code updateInterval}: mean delay between wake-ups and between slices, ns
 * @param decisionStd        {@code updateSTD}, ns
 * @param targetScale        {@code volumeDrawRayleighScale}: Rayleigh scale of a new execution target, base; NaN for
 *                           the reference default {@code 1e9/initialPrice}
 * @param midpoint           {@code activationMidpoint}: daily volatility at which activity halves
 * @param rate               {@code activationRate}: steepness of the volatility gate
 * @param capacity           highest activation probability of the volatility gate
 * @param immediateBase      top-5 opposite volume that triggers an immediate execution, base
 * @param deviationCoef      {@code wakeDeviationCoef}: weight of the fundamental deviation
 * @param timeCoef           {@code wakeupTimeCoef}: ns after the last start before a new one is fully likely
 * @param volumeLogNormal    whether slice sizes are log-normal (else normal)
 * @param volumeMu           slice size distribution μ
 * @param volumeSigma        slice size distribution σ
 */
record AlgoTraderParameters(
        int depth, long statsPeriod, double alpha, double beta, double gammaX, double omega, double feedMean,
        double feedStd, long minPlacement, long maxPlacement, double placementScale, double decisionMean,
        double decisionStd, double targetScale, double midpoint, double rate, double capacity, double immediateBase,
        double deviationCoef, double timeCoef, boolean volumeLogNormal, double volumeMu, double volumeSigma) {

    static final String VOLUME_DISTRIBUTION = "VolumeDistribution";

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            Parameter.required("depth", ParameterType.INTEGER, "book levels read a side, >= 5"),
            Parameter.required("volumeStatsPeriod", ParameterType.INTEGER,
                    "book-reading period and trade-window of the volatility estimate, ns"),
            Parameter.optional("alpha", ParameterType.DECIMAL, "0", "GARCH α: weight of the squared mid return"),
            Parameter.optional("beta", ParameterType.DECIMAL, "0", "GARCH β: persistence of the variance"),
            Parameter.optional("gammaX", ParameterType.DECIMAL, "0", "weight of the trade-tape variance"),
            Parameter.required("omega", ParameterType.DECIMAL, "GARCH ω, > 0"),
            CommonParameters.feedMean(false, "1000000000"),
            CommonParameters.feedStd(false, "1000000000"),
            CommonParameters.minPlacementLatency(true, null),
            CommonParameters.maxPlacementLatency(true, null),
            CommonParameters.placementScale(),
            Parameter.optional("updateInterval", ParameterType.DECIMAL, "300000000000",
                    "mean delay between wake-ups and between execution slices, ns (<= 0: default)"),
            Parameter.optional("updateSTD", ParameterType.DECIMAL, "120000000000",
                    "standard deviation of that delay, ns (<= 0: default)"),
            new Parameter("volumeDrawRayleighScale", ParameterType.DECIMAL, false, null,
                    "Rayleigh scale of a new execution target, base; default 1e9/initialPrice"),
            Parameter.optional("departure", ParameterType.DECIMAL, "0.025", "read by the reference, unused"),
            Parameter.optional("activationMidpoint", ParameterType.DECIMAL, "0.025",
                    "daily volatility at which the volatility gate is half open (<= 0: default)"),
            Parameter.optional("activationRate", ParameterType.DECIMAL, "100.0",
                    "steepness of the volatility gate (<= 0: default)"),
            Parameter.optional("capacity", ParameterType.DECIMAL, "1.0",
                    "highest probability of the volatility gate, in (0, 1] (other values: default)"),
            Parameter.optional("immediateBase", ParameterType.DECIMAL, "600.0",
                    "top-5 opposite volume (base) that triggers an immediate execution"),
            Parameter.optional("wakeDeviationCoef", ParameterType.DECIMAL, "1.0",
                    "weight of |fundamental - last|/last in the activation probability"),
            Parameter.optional("wakeupTimeCoef", ParameterType.DECIMAL, "86400000000000",
                    "ns after the last execution start before a new one is fully likely"),
            CommonParameters.DEBUG);

    /** Reads and checks the element and its {@code <VolumeDistribution>}. */
    static AlgoTraderParameters from(Settings settings) {
        Attributes a = new Attributes(settings);
        a.text("exchange");
        long depth = a.whole("depth");
        if (depth < 5 || depth > 1_000) {
            throw a.invalid("depth", "within [5, 1000]", depth);
        }
        long minPlacement = a.positive("minOPLatency", a.whole("minOPLatency"));
        long maxPlacement = a.positive("maxOPLatency", a.whole("maxOPLatency"));
        a.ordered("minOPLatency", minPlacement, "maxOPLatency", maxPlacement);
        double alpha = a.nonNegative("alpha", a.number("alpha", 0.0));
        double beta = a.nonNegative("beta", a.number("beta", 0.0));
        double decisionMean = a.number("updateInterval", 300_000_000_000.0);
        double decisionStd = a.number("updateSTD", 120_000_000_000.0);
        double scale = a.number("volumeDrawRayleighScale", Double.NaN);
        double midpoint = a.number("activationMidpoint", 0.025);
        double rate = a.number("activationRate", 100.0);
        double capacity = a.number("capacity", 1.0);
        double placementScale = a.number("opLatencyScaleRay", 0.235);
        a.number("departure", 0.025);
        Settings distribution = settings.child(VOLUME_DISTRIBUTION).orElseThrow(() -> new SettingsException(
                "%s: missing required child <%s type=\"lognormal|normal\" mu=... sigma=...>", settings.path(),
                VOLUME_DISTRIBUTION));
        Attributes d = new Attributes(distribution);
        String type = distribution.string("type", "lognormal").toLowerCase(Locale.ROOT);
        if (!type.equals("lognormal") && !type.equals("normal")) {
            throw d.invalid("type", "one of lognormal, normal", type);
        }
        return new AlgoTraderParameters(
                (int) depth,
                a.positive("volumeStatsPeriod", a.whole("volumeStatsPeriod")),
                alpha,
                beta,
                a.number("gammaX", 0.0),
                a.positive("omega", a.number("omega")),
                a.nonNegative("MFLmean", a.number("MFLmean", 1_000_000_000.0)),
                a.nonNegative("MFLstd", a.number("MFLstd", 1_000_000_000.0)),
                minPlacement,
                maxPlacement,
                placementScale > 0 ? placementScale : 0.235,
                decisionMean > 0 ? decisionMean : 300_000_000_000.0,
                decisionStd > 0 ? decisionStd : 120_000_000_000.0,
                scale == 0 ? Double.NaN : scale,
                midpoint > 0 ? midpoint : 0.025,
                rate > 0 ? rate : 100.0,
                capacity > 0 && capacity <= 1 ? capacity : 1.0,
                a.number("immediateBase", 600.0),
                a.number("wakeDeviationCoef", 1.0),
                a.positive("wakeupTimeCoef", a.number("wakeupTimeCoef", 86_400_000_000_000.0)),
                type.equals("lognormal"),
                d.number("mu"),
                d.nonNegative("sigma", d.number("sigma")));
    }
}
