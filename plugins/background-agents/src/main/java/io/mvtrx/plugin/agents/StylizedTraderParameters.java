package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * The attributes of {@code <StylizedTraderAgent>} (reference 0.5.4 §7.2), validated as the reference does.
 *
 * @param sigmaF          scale of the fundamentalist weight draw |Laplace(σF, σF)|
 * @param sigmaC          scale of the chartist weight draw
 * @param sigmaN          scale of the noise weight draw
 * @param tauF            fundamentalist horizon (the fundamental term is divided by it)
 * @param sigmaEps        standard deviation of the noise term
 * @param hara            constant absolute risk tolerance added to the wealth term of the demand
 * @param riskAversion    base risk aversion {@code r_aversion}
 * @param volGuard        volatility guard g: the post-only probability is a logistic in σ² centred near g·5
 * @param minPlacement    shortest placement latency, ns
 * @param maxPlacement    longest placement latency, ns
 * @param placementScale  Rayleigh scale of the placement latency
 * @param feedMean        mean market-feed latency, ns
 * @param feedStd         its standard deviation, ns
 * @param tau             base order lifetime and observation period, ns
 * @param tauHist         base history length, observations
 * @param acdOmega        ACD ω
 * @param acdAlpha        ACD α
 * @param acdBeta         ACD β
 * @param minDelay        shortest decision delay, ns
 * @param maxDelay        longest decision delay, ns
 * @param postOnlyFloor   {@code pO_alpha}: lower bound of the post-only probability
 * @param gbmSeed         seed base of the initial price histories (book b uses {@code gbmSeed + b + 1})
 * @param gbmMu           drift of the initial history GBM
 * @param gbmSigma        volatility of the initial history GBM over one day
 */
record StylizedTraderParameters(
        double sigmaF, double sigmaC, double sigmaN, double tauF, double sigmaEps, double hara, double riskAversion,
        double volGuard, long minPlacement, long maxPlacement, double placementScale, double feedMean,
        double feedStd, long tau, long tauHist, double acdOmega, double acdAlpha, double acdBeta, long minDelay,
        long maxDelay, double postOnlyFloor, long gbmSeed, double gbmMu, double gbmSigma) {

    /** Default shortest decision delay (also used for configured values below it, as the reference does). */
    static final long DEFAULT_MIN_DELAY = 100_000_000L;

    /** Default longest decision delay (also used for configured values below 1 s, as the reference does). */
    static final long DEFAULT_MAX_DELAY = 450_000_000_000L;

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            Parameter.required("sigmaF", ParameterType.DECIMAL, "fundamentalist weight scale: F = |Laplace(σF, σF)|"),
            Parameter.required("sigmaC", ParameterType.DECIMAL, "chartist weight scale: C = |Laplace(σC, σC)|"),
            Parameter.required("sigmaN", ParameterType.DECIMAL, "noise weight scale: N = |Laplace(σN, σN)|"),
            Parameter.required("tauF", ParameterType.DECIMAL, "fundamentalist horizon, > 0 (divides ln(pf/p))"),
            Parameter.required("sigmaEps", ParameterType.DECIMAL, "noise term standard deviation, > 0"),
            Parameter.optional("HARA", ParameterType.DECIMAL, "0", "constant term of the HARA demand, quote/a units"),
            Parameter.required("r_aversion", ParameterType.DECIMAL, "base risk aversion, > 0"),
            Parameter.required("volGuard", ParameterType.DECIMAL,
                    "volatility guard g in (0, 0.5): post-only probability is 1/(1+e^(-k(σ²-x0))), x0 ≈ 5g"),
            CommonParameters.minPlacementLatency(true, null),
            CommonParameters.maxPlacementLatency(true, null),
            CommonParameters.placementScale(),
            CommonParameters.feedMean(true, null),
            CommonParameters.feedStd(true, null),
            Parameter.required("delayMean", ParameterType.DECIMAL,
                    "required by the reference but unused since 0.5.4 (decision delays are ACD), ns"),
            Parameter.required("delaySTD", ParameterType.DECIMAL, "required by the reference but unused, ns"),
            Parameter.required("tau", ParameterType.INTEGER,
                    "base order lifetime and observation period, ns; scaled by (1+σC)/(1+σF)·(1+F)/(1+C)"),
            Parameter.required("tauHist", ParameterType.INTEGER,
                    "base history length; H = clamp(ceil(trunc(tauHist·(1+σC)/(1+σF))·(1+F)/(1+C)), 10, 1000)"),
            Parameter.required("acdOmega", ParameterType.DECIMAL, "ACD ω of the decision delay"),
            Parameter.required("acdAlpha", ParameterType.DECIMAL, "ACD α, >= 0"),
            Parameter.required("acdBeta", ParameterType.DECIMAL, "ACD β, >= 0, α + β <= 1"),
            Parameter.optional("minDMD", ParameterType.INTEGER, "100000000",
                    "shortest decision delay, ns (values below 1e8 mean the default)"),
            Parameter.optional("maxDMD", ParameterType.INTEGER, "450000000000",
                    "longest decision delay, ns (values below 1e9 mean the default)"),
            Parameter.optional("pO_alpha", ParameterType.DECIMAL, "0",
                    "floor of the post-only probability, in [0, 1) (other values mean 0)"),
            Parameter.optional("regimeChangeFlag", ParameterType.BOOLEAN, "0",
                    "regime switching; a no-op in the reference 0.5.4, accepted and ignored"),
            new Parameter("regimeProb", ParameterType.DECIMAL, false, null, "regime switching; ignored"),
            new Parameter("sigmaFRegime", ParameterType.DECIMAL, false, null, "regime switching; ignored"),
            new Parameter("sigmaCRegime", ParameterType.DECIMAL, false, null, "regime switching; ignored"),
            new Parameter("sigmaNRegime", ParameterType.DECIMAL, false, null, "regime switching; ignored"),
            new Parameter("tauFRegime", ParameterType.DECIMAL, false, null, "regime switching; ignored"),
            Parameter.optional("GBM_seed", ParameterType.INTEGER, "10000",
                    "seed base of the initial price histories; book b uses GBM_seed + b + 1"),
            Parameter.optional("GBM_mu", ParameterType.DECIMAL, "0", "drift of the initial history GBM"),
            new Parameter("GBM_sigma", ParameterType.DECIMAL, false, null,
                    "volatility of the initial history GBM over one day; default GBMSigma, else 0.1"),
            new Parameter("GBMSigma", ParameterType.DECIMAL, false, null,
                    "the live configuration's spelling of GBM_sigma (the reference ignores it; we read it)"),
            Parameter.optional("GBM_X0", ParameterType.DECIMAL, "0.001", "read by the reference, unused"),
            CommonParameters.DEBUG);

    private static double volGuard(Attributes a) {
        double guard = a.number("volGuard");
        if (!(guard > 0 && guard < 0.5)) {
            throw a.invalid("volGuard", "within (0, 0.5)", guard);
        }
        return guard;
    }

    /** Reads and checks the element. */
    static StylizedTraderParameters from(Settings settings) {
        Attributes a = new Attributes(settings);
        a.text("exchange");
        long minPlacement = a.positive("minOPLatency", a.whole("minOPLatency"));
        long maxPlacement = a.positive("maxOPLatency", a.whole("maxOPLatency"));
        a.ordered("minOPLatency", minPlacement, "maxOPLatency", maxPlacement);
        double alpha = a.nonNegative("acdAlpha", a.number("acdAlpha"));
        double beta = a.nonNegative("acdBeta", a.number("acdBeta"));
        if (alpha + beta > 1) {
            throw a.invalid("acdBeta", "such that acdAlpha + acdBeta <= 1", beta);
        }
        a.number("delayMean");
        a.number("delaySTD");
        long minDelay = a.whole("minDMD", DEFAULT_MIN_DELAY);
        long maxDelay = a.whole("maxDMD", DEFAULT_MAX_DELAY);
        double postOnly = a.number("pO_alpha", 0.0);
        double scale = a.number("opLatencyScaleRay", 0.235);
        double gbmSigma = a.number("GBM_sigma", a.number("GBMSigma", 0.1));
        long effectiveMinDelay = minDelay < DEFAULT_MIN_DELAY ? DEFAULT_MIN_DELAY : minDelay;
        long effectiveMaxDelay = maxDelay < 1_000_000_000L ? DEFAULT_MAX_DELAY : maxDelay;
        if (effectiveMinDelay > effectiveMaxDelay) {
            throw a.invalid("maxDMD", ">= minDMD (" + effectiveMinDelay + ")", effectiveMaxDelay);
        }
        return new StylizedTraderParameters(
                a.nonNegative("sigmaF", a.number("sigmaF")),
                a.nonNegative("sigmaC", a.number("sigmaC")),
                a.nonNegative("sigmaN", a.number("sigmaN")),
                a.positive("tauF", a.number("tauF")),
                a.positive("sigmaEps", a.number("sigmaEps")),
                a.number("HARA", 0.0),
                a.positive("r_aversion", a.number("r_aversion")),
                volGuard(a),
                minPlacement,
                maxPlacement,
                scale > 0 ? scale : 0.235,
                a.nonNegative("MFLmean", a.number("MFLmean")),
                a.nonNegative("MFLstd", a.number("MFLstd")),
                a.positive("tau", a.whole("tau")),
                a.positive("tauHist", a.whole("tauHist")),
                a.number("acdOmega"),
                alpha,
                beta,
                effectiveMinDelay,
                effectiveMaxDelay,
                postOnly >= 0 && postOnly < 1 ? postOnly : 0.0,
                a.whole("GBM_seed", 10_000),
                a.number("GBM_mu", 0.0) < 0 ? 0.0 : a.number("GBM_mu", 0.0),
                gbmSigma < 0 ? 0.1 : gbmSigma);
    }
}
