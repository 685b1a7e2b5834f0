package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterType;

/** Attributes every agent element carries, and the latency attributes most of them share. */
final class CommonParameters {

    static final Parameter NAME = Parameter.required("name", ParameterType.STRING,
            "base name of the instances; instance i is named <name>_<i>");
    static final Parameter INSTANCE_COUNT = Parameter.optional("instanceCount", ParameterType.INTEGER, "1",
            "instances per block; each trades on every book of its block");
    static final Parameter EXCHANGE = Parameter.required("exchange", ParameterType.STRING,
            "name of the exchange agent the instances trade on (EXCHANGE)");
    static final Parameter DEBUG = Parameter.optional("debug", ParameterType.BOOLEAN, "0",
            "verbose reference logging; accepted and ignored");

    private CommonParameters() {
    }

    static Parameter minPlacementLatency(boolean required, String defaultValue) {
        return latency("minOPLatency", required, defaultValue, "shortest order-placement latency, ns");
    }

    static Parameter maxPlacementLatency(boolean required, String defaultValue) {
        return latency("maxOPLatency", required, defaultValue, "longest order-placement latency, ns");
    }

    static Parameter placementScale() {
        return Parameter.optional("opLatencyScaleRay", ParameterType.DECIMAL, "0.235",
                "Rayleigh scale shaping the placement latency within [minOPLatency, maxOPLatency]");
    }

    static Parameter feedMean(boolean required, String defaultValue) {
        return number("MFLmean", required, defaultValue, "mean market-feed latency (book read delay), ns");
    }

    static Parameter feedStd(boolean required, String defaultValue) {
        return number("MFLstd", required, defaultValue, "standard deviation of the market-feed latency, ns");
    }

    static Parameter number(String name, boolean required, String defaultValue, String description) {
        return required
                ? Parameter.required(name, ParameterType.DECIMAL, description)
                : Parameter.optional(name, ParameterType.DECIMAL, defaultValue, description);
    }

    static Parameter whole(String name, boolean required, String defaultValue, String description) {
        return required
                ? Parameter.required(name, ParameterType.INTEGER, description)
                : Parameter.optional(name, ParameterType.INTEGER, defaultValue, description);
    }

    private static Parameter latency(String name, boolean required, String defaultValue, String description) {
        return whole(name, required, defaultValue, description);
    }
}
