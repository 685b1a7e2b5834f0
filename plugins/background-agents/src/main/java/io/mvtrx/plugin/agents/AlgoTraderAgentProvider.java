package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;

/**
 * {@code <ALGOTraderAgent>}: an execution algorithm that works large targets in market-order slices towards the
 * fundamental price, gated by a GARCH volatility estimate, book depth, time since its last execution and the
 * fundamental deviation (reference 0.5.4 §7.6). It observes the trade tape. The instances share nothing.
 */
public final class AlgoTraderAgentProvider implements BackgroundAgentModelProvider {

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public AlgoTraderAgentProvider() {
    }

    @Override
    public String name() {
        return "ALGOTraderAgent";
    }

    @Override
    public String description() {
        return "fundamental-deviation execution algorithm: market-order slices, volatility and depth gated";
    }

    @Override
    public ParameterSchema parameters() {
        return AlgoTraderParameters.SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        AlgoTraderParameters parameters = AlgoTraderParameters.from(settings);
        return new StatelessPopulation(agent -> new AlgoTrader(parameters, context));
    }
}
