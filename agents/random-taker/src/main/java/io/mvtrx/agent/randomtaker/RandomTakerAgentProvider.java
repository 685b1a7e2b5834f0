package io.mvtrx.agent.randomtaker;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.api.spi.trading.support.Seeds;

/** Provides {@code RandomTakerAgent}. Public no-argument constructor: ServiceLoader and PF4J need it. */
public final class RandomTakerAgentProvider implements TradingAgentProvider {

    public RandomTakerAgentProvider() {
    }

    @Override
    public String name() {
        return "RandomTakerAgent";
    }

    @Override
    public String description() {
        return "random-size market orders, each book's direction redrawn once per period";
    }

    @Override
    public ParameterSchema parameters() {
        return RandomTakerAgent.Params.SCHEMA;
    }

    @Override
    public TradingAgent create(Settings parameters) {
        RandomTakerAgent.Params params = RandomTakerAgent.Params.from(parameters);
        return new RandomTakerAgent(params, uid -> Seeds.forAgent(params.seed(), uid));
    }
}
