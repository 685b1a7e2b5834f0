package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * The attributes of {@code <NoiseTraderAgent>} (reference 0.5.4 §7.3), validated as the reference does.
 *
 * @param feedMean       mean market-feed latency, ns
 * @param feedStd        its standard deviation, ns
 * @param minPlacement   shortest placement latency, ns
 * @param maxPlacement   longest placement latency, ns
 * @param placementScale Rayleigh scale of the placement latency
 * @param meanVolume     log-mean of the per-instance volume constant
 * @param tau            lifetime of a limit order, ns
 * @param balanceCoef    share of the holdings an aligned trader commits
 * @param acdOmega       ACD ω
 * @param acdAlpha       ACD α
 * @param acdBeta        ACD β
 * @param acdGamma       weight of {@code ln(1 - |m̄|)} in the ACD recursion
 * @param sigmaExp       forecast drift and variance v
 * @param weight         weight of the mean spin in the forecast
 * @param minDelay       shortest decision delay, ns
 * @param maxDelay       longest decision delay, ns
 */
record NoiseTraderParameters(double feedMean, double feedStd, long minPlacement, long maxPlacement,
                             double placementScale, double meanVolume, long tau, double balanceCoef, double acdOmega,
                             double acdAlpha, double acdBeta, double acdGamma, double sigmaExp, double weight,
                             long minDelay, long maxDelay) {

    static final long DEFAULT_TAU = 120_000_000_000L;

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            CommonParameters.feedMean(true, null),
            CommonParameters.feedStd(true, null),
            CommonParameters.minPlacementLatency(true, null),
            CommonParameters.maxPlacementLatency(true, null),
            CommonParameters.placementScale(),
            Parameter.optional("meanVolume", ParameterType.DECIMAL, "1.0",
                    "log-mean of the per-instance volume constant LogNormal(meanVolume, 1) (<= 0: default)"),
            Parameter.optional("tau", ParameterType.INTEGER, "120000000000",
                    "lifetime of a limit order, ns (0: default)"),
            Parameter.optional("balanceCoef", ParameterType.DECIMAL, "0.5",
                    "share of the holdings committed: balance = balanceCoef·(1 + s·m̄)/2 (<= 0: default)"),
            Parameter.required("acdOmega", ParameterType.DECIMAL, "ACD ω of the decision delay"),
            Parameter.required("acdAlpha", ParameterType.DECIMAL, "ACD α, >= 0"),
            Parameter.required("acdBeta", ParameterType.DECIMAL, "ACD β, >= 0, α + β <= 1"),
            Parameter.optional("acdGamma", ParameterType.DECIMAL, "1.0",
                    "weight of ln(1 - |m̄|) in the ACD recursion: magnetisation shortens delays"),
            Parameter.optional("sigmaExp", ParameterType.DECIMAL, "0.000001",
                    "forecast drift and demand variance v, > 0"),
            Parameter.optional("weight", ParameterType.DECIMAL, "0.1",
                    "weight of the mean spin m̄ in the forecast log return"),
            Parameter.optional("minDMD", ParameterType.INTEGER, "100000000",
                    "shortest decision delay, ns (values below 1e8 mean the default)"),
            Parameter.optional("maxDMD", ParameterType.INTEGER, "450000000000",
                    "longest decision delay, ns (values below 1e9 mean the default)"),
            Parameter.optional("log", ParameterType.BOOLEAN, "0", "per-order field logging; accepted and ignored"),
            CommonParameters.DEBUG);

    /** Reads and checks the element. */
    static NoiseTraderParameters from(Settings settings) {
        Attributes a = new Attributes(settings);
        a.text("exchange");
        a.flag("log", false);
        long minPlacement = a.positive("minOPLatency", a.whole("minOPLatency"));
        long maxPlacement = a.positive("maxOPLatency", a.whole("maxOPLatency"));
        a.ordered("minOPLatency", minPlacement, "maxOPLatency", maxPlacement);
        double alpha = a.nonNegative("acdAlpha", a.number("acdAlpha"));
        double beta = a.nonNegative("acdBeta", a.number("acdBeta"));
        if (alpha + beta > 1) {
            throw a.invalid("acdBeta", "such that acdAlpha + acdBeta <= 1", beta);
        }
        double meanVolume = a.number("meanVolume", 1.0);
        long tau = a.whole("tau", DEFAULT_TAU);
        double balanceCoef = a.number("balanceCoef", 0.5);
        long minDelay = a.whole("minDMD", StylizedTraderParameters.DEFAULT_MIN_DELAY);
        long maxDelay = a.whole("maxDMD", StylizedTraderParameters.DEFAULT_MAX_DELAY);
        long effectiveMin = minDelay < StylizedTraderParameters.DEFAULT_MIN_DELAY
                ? StylizedTraderParameters.DEFAULT_MIN_DELAY : minDelay;
        long effectiveMax = maxDelay < 1_000_000_000L ? StylizedTraderParameters.DEFAULT_MAX_DELAY : maxDelay;
        if (effectiveMin > effectiveMax) {
            throw a.invalid("maxDMD", ">= minDMD (" + effectiveMin + ")", effectiveMax);
        }
        double scale = a.number("opLatencyScaleRay", 0.235);
        return new NoiseTraderParameters(
                a.nonNegative("MFLmean", a.number("MFLmean")),
                a.nonNegative("MFLstd", a.number("MFLstd")),
                minPlacement,
                maxPlacement,
                scale > 0 ? scale : 0.235,
                meanVolume > 0 ? meanVolume : 1.0,
                tau > 0 ? tau : DEFAULT_TAU,
                balanceCoef > 0 ? balanceCoef : 0.5,
                a.number("acdOmega"),
                alpha,
                beta,
                a.number("acdGamma", 1.0),
                a.positive("sigmaExp", a.number("sigmaExp", 0.000001)),
                a.number("weight", 0.1),
                effectiveMin,
                effectiveMax);
    }
}
