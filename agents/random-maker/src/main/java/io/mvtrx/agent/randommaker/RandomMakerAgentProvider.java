package io.mvtrx.agent.randommaker;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.api.spi.trading.support.Seeds;

/** Provides {@code RandomMakerAgent}. Public no-argument constructor: ServiceLoader and PF4J need it. */
public final class RandomMakerAgentProvider implements TradingAgentProvider {

    public RandomMakerAgentProvider() {
    }

    @Override
    public String name() {
        return "RandomMakerAgent";
    }

    @Override
    public String description() {
        return "random buy and sell limit quotes within a spread of the mid; cancels its stale quotes";
    }

    @Override
    public ParameterSchema parameters() {
        return RandomMakerAgent.Params.SCHEMA;
    }

    @Override
    public TradingAgent create(Settings parameters) {
        RandomMakerAgent.Params params = RandomMakerAgent.Params.from(parameters);
        return new RandomMakerAgent(params, uid -> Seeds.forAgent(params.seed(), uid));
    }
}
