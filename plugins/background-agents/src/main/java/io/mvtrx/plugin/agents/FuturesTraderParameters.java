package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * The attributes of {@code <FuturesTraderAgent>} (reference 0.5.4 §7.4), validated as the reference does.
 *
 * @param sigmaEps       standard deviation of the forecast noise
 * @param minPlacement   shortest placement latency, ns
 * @param maxPlacement   longest placement latency, ns
 * @param placementScale Rayleigh scale of the placement latency
 * @param volume         median order size before the volume factor, base
 * @param orderTypeProb  probability that an order is a market order
 * @param tau            lifetime of a limit order, ns
 * @param feedMean       mean market-feed latency, ns
 * @param feedStd        its standard deviation, ns
 * @param delayMean      mean delay before the turn passes on, ns
 * @param delayStd       its standard deviation, ns
 */
record FuturesTraderParameters(double sigmaEps, long minPlacement, long maxPlacement, double placementScale,
                               double volume, double orderTypeProb, long tau, double feedMean, double feedStd,
                               double delayMean, double delayStd) {

    static final long DEFAULT_TAU = 120_000_000_000L;

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            Parameter.required("sigmaEps", ParameterType.DECIMAL,
                    "noise of the forecast sign(r) + N(0, sigmaEps), > 0"),
            Parameter.optional("sigmaN", ParameterType.DECIMAL, "0.7", "read by the reference, unused"),
            CommonParameters.minPlacementLatency(true, null),
            CommonParameters.maxPlacementLatency(true, null),
            CommonParameters.placementScale(),
            Parameter.optional("volume", ParameterType.DECIMAL, "1.0",
                    "median order size, base: LogNormal(ln(volume)·factor, 1) (<= 0 means the default)"),
            Parameter.optional("orderTypeProb", ParameterType.DECIMAL, "0.5",
                    "probability of a market order instead of a passive limit (<= 0 means the default)"),
            Parameter.optional("tau", ParameterType.INTEGER, "120000000000",
                    "lifetime of a limit order, ns (0 means the default)"),
            CommonParameters.feedMean(true, null),
            CommonParameters.feedStd(true, null),
            Parameter.required("delayMean", ParameterType.DECIMAL,
                    "mean delay before the book's turn passes to the next trader, ns"),
            Parameter.required("delaySTD", ParameterType.DECIMAL, "standard deviation of that delay, ns"),
            CommonParameters.DEBUG);

    /** Reads and checks the element. */
    static FuturesTraderParameters from(Settings settings) {
        Attributes a = new Attributes(settings);
        a.text("exchange");
        long minPlacement = a.positive("minOPLatency", a.whole("minOPLatency"));
        long maxPlacement = a.positive("maxOPLatency", a.whole("maxOPLatency"));
        a.ordered("minOPLatency", minPlacement, "maxOPLatency", maxPlacement);
        a.number("sigmaN", 0.7);
        double volume = a.number("volume", 1.0);
        double orderTypeProb = a.number("orderTypeProb", 0.5);
        long tau = a.whole("tau", DEFAULT_TAU);
        double scale = a.number("opLatencyScaleRay", 0.235);
        return new FuturesTraderParameters(
                a.positive("sigmaEps", a.number("sigmaEps")),
                minPlacement,
                maxPlacement,
                scale > 0 ? scale : 0.235,
                volume > 0 ? volume : 1.0,
                orderTypeProb > 0 ? Math.min(orderTypeProb, 1.0) : 0.5,
                tau > 0 ? tau : DEFAULT_TAU,
                a.nonNegative("MFLmean", a.number("MFLmean")),
                a.nonNegative("MFLstd", a.number("MFLstd")),
                a.nonNegative("delayMean", a.number("delayMean")),
                a.nonNegative("delaySTD", a.number("delaySTD")));
    }
}
