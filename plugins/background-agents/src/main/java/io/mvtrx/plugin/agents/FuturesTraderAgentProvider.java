package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;

/**
 * {@code <FuturesTraderAgent>}: momentum traders following the last move of an external (futures) price, acting when
 * a turn passed between the instances reaches them, with market or passive limit orders (reference 0.5.4 §7.4).
 */
public final class FuturesTraderAgentProvider implements BackgroundAgentModelProvider {

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public FuturesTraderAgentProvider() {
    }

    @Override
    public String name() {
        return "FuturesTraderAgent";
    }

    @Override
    public String description() {
        return "momentum traders on the external price's last log return, market or passive, turn passing";
    }

    @Override
    public ParameterSchema parameters() {
        return FuturesTraderParameters.SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        return new FuturesTraderPopulation(FuturesTraderParameters.from(settings), context);
    }
}
