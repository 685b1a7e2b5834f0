package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * The attributes of {@code <HighFrequencyTraderAgent>} (reference 0.5.4 §7.5), validated as the reference does.
 *
 * @param tau                   quote lifetime as a multiple of the polling period
 * @param gamma                 mean risk aversion γ
 * @param gammaStd              standard deviation of the per-instance γ
 * @param delta                 base polling period δ, ns
 * @param kappa                 order-arrival intensity decay κ
 * @param spread                reference relative spread: size scales with (relative spread / spread)
 * @param minPlacement          shortest placement latency, ns
 * @param maxPlacement          longest placement latency, ns
 * @param placementScale        Rayleigh scale of the placement latency
 * @param inventoryLimit        mean inventory limit ψ
 * @param orderMean             log-mean of the quote size
 * @param orderStd              log-standard deviation of the quote size
 * @param noiseRay              Rayleigh scale of the quote price noise
 * @param minFeedLatency        shortest polling period, ns
 * @param shiftPercentage       the noise is centred by its {@code shiftPercentage} quantile
 * @param sigmaSqr              price variance σ² of the reservation price and spread
 * @param rateMax               maker rate at which rebalancing is most likely
 * @param marginNoiseStd        width of the maker-rate window, and the floor of the inventory probability
 * @param sensitivityCoef       spread widening per unit maker rate
 * @param spreadSensitivityExp  exponent of the spread-sensitivity of rebalancing
 * @param spreadSensitivityBase relative spread scale of the spread-sensitivity of rebalancing
 * @param inventoryFromFills    whether the inventory counts the agent's own fills (the reference's stays 0)
 */
record HighFrequencyTraderParameters(
        double tau, double gamma, double gammaStd, double delta, double kappa, double spread, long minPlacement,
        long maxPlacement, double placementScale, double inventoryLimit, double orderMean, double orderStd,
        double noiseRay, long minFeedLatency, double shiftPercentage, double sigmaSqr, double rateMax,
        double marginNoiseStd, double sensitivityCoef, double spreadSensitivityExp, double spreadSensitivityBase,
        boolean inventoryFromFills) {

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            Parameter.required("tau", ParameterType.DECIMAL,
                    "quote lifetime as a multiple of the polling period: max(tau·minMFLatency, ceil(tau·Δ))"),
            Parameter.required("gHFT", ParameterType.DECIMAL, "mean risk aversion γ (per instance N(gHFT, gHFTstd))"),
            Parameter.optional("gHFTstd", ParameterType.DECIMAL, "0.075", "standard deviation of γ (0 = default)"),
            Parameter.required("delta", ParameterType.DECIMAL, "base polling period δ, ns"),
            Parameter.required("kappa", ParameterType.DECIMAL, "order-arrival decay κ of the optimal spread"),
            Parameter.required("spread", ParameterType.DECIMAL,
                    "reference relative spread; quote size scales with (relative spread)/spread"),
            CommonParameters.minPlacementLatency(true, null),
            CommonParameters.maxPlacementLatency(true, null),
            CommonParameters.placementScale(),
            Parameter.required("psiHFT_constant", ParameterType.DECIMAL,
                    "mean inventory limit ψ, base (per instance N(ψ, 10))"),
            Parameter.required("orderMean", ParameterType.DECIMAL, "log-mean of the quote size"),
            Parameter.optional("orderSTD", ParameterType.DECIMAL, "1.0", "log-standard deviation of the quote size"),
            Parameter.optional("noiseRay", ParameterType.DECIMAL, "0", "Rayleigh scale of the quote price noise"),
            Parameter.optional("minMFLatency", ParameterType.INTEGER, "0", "shortest polling period, ns"),
            Parameter.optional("shiftPercentage", ParameterType.DECIMAL, "0",
                    "the price noise is centred by the Rayleigh quantile at this probability"),
            Parameter.optional("sigmaSqr", ParameterType.DECIMAL, "0.00001",
                    "price variance σ² of the reservation price and the optimal spread"),
            Parameter.optional("rateMax", ParameterType.DECIMAL, "0.0075",
                    "maker fee rate at which rebalancing is most likely"),
            Parameter.optional("marginNoiseSTD", ParameterType.DECIMAL, "0.00002",
                    "width of the maker-rate window of rebalancing"),
            Parameter.optional("sensitivityCoef", ParameterType.DECIMAL, "100.0",
                    "spread widening per unit maker fee rate: spread·(1 + makerRate·coef)"),
            Parameter.optional("spreadSensitivityExp", ParameterType.DECIMAL, "2.07",
                    "exponent of exp(-(relative spread/base)^exp) in the rebalancing probability"),
            Parameter.optional("spreadSensitivityBase", ParameterType.DECIMAL, "0.00119",
                    "relative-spread scale of the rebalancing probability"),
            Parameter.optional("inventoryFromFills", ParameterType.BOOLEAN, "0",
                    "count the agent's own fills into its inventory (skewed quotes, rebalancing); 0: the inventory "
                            + "stays 0 as in the reference 0.5.4"),
            CommonParameters.DEBUG);

    /** Reads and checks the element. */
    static HighFrequencyTraderParameters from(Settings settings) {
        Attributes a = new Attributes(settings);
        a.text("exchange");
        long minPlacement = a.positive("minOPLatency", a.whole("minOPLatency"));
        long maxPlacement = a.positive("maxOPLatency", a.whole("maxOPLatency"));
        a.ordered("minOPLatency", minPlacement, "maxOPLatency", maxPlacement);
        double gammaStd = a.number("gHFTstd", 0.075);
        double orderStd = a.number("orderSTD", 1.0);
        double sigmaSqr = a.number("sigmaSqr", 0.00001);
        double scale = a.number("opLatencyScaleRay", 0.235);
        return new HighFrequencyTraderParameters(
                a.positive("tau", a.number("tau")),
                a.positive("gHFT", a.number("gHFT")),
                gammaStd == 0 ? 0.075 : Math.abs(gammaStd),
                a.positive("delta", a.number("delta")),
                a.positive("kappa", a.number("kappa")),
                a.positive("spread", a.number("spread")),
                minPlacement,
                maxPlacement,
                scale > 0 ? scale : 0.235,
                a.number("psiHFT_constant"),
                a.number("orderMean"),
                orderStd < 0 ? 1.0 : orderStd,
                a.nonNegative("noiseRay", a.number("noiseRay", 0.0)),
                a.nonNegative("minMFLatency", a.whole("minMFLatency", 0)),
                a.within("shiftPercentage", a.number("shiftPercentage", 0.0), 0.0, 0.999999),
                sigmaSqr < 0 ? 0.00001 : sigmaSqr,
                a.number("rateMax", 0.0075),
                a.positive("marginNoiseSTD", a.number("marginNoiseSTD", 0.00002)),
                a.number("sensitivityCoef", 100.0),
                a.number("spreadSensitivityExp", 2.07),
                a.positive("spreadSensitivityBase", a.number("spreadSensitivityBase", 0.00119)),
                a.flag("inventoryFromFills", false));
    }
}
