package io.mvtrx.agent.regressor;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;

/** Provides {@code SimpleRegressorAgent}. Public no-argument constructor: ServiceLoader and PF4J need it. */
public final class SimpleRegressorAgentProvider implements TradingAgentProvider {

    public SimpleRegressorAgentProvider() {
    }

    @Override
    public String name() {
        return "SimpleRegressorAgent";
    }

    @Override
    public String description() {
        return "autoregression of recent mid log-returns; a strong predicted move places a directional entry and a "
                + "target quote";
    }

    @Override
    public ParameterSchema parameters() {
        return SimpleRegressorAgent.Params.SCHEMA;
    }

    @Override
    public TradingAgent create(Settings parameters) {
        return new SimpleRegressorAgent(SimpleRegressorAgent.Params.from(parameters));
    }
}
