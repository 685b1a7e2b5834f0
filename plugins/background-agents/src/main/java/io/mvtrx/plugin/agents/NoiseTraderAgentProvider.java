package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;

/**
 * {@code <NoiseTraderAgent>}: sentiment traders, instance k following spin k of the book's Ising
 * {@code magneticfield}, with a forecast drifting with the mean spin and ACD turn passing shortened by magnetisation
 * (reference 0.5.4 §7.3).
 */
public final class NoiseTraderAgentProvider implements BackgroundAgentModelProvider {

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public NoiseTraderAgentProvider() {
    }

    @Override
    public String name() {
        return "NoiseTraderAgent";
    }

    @Override
    public String description() {
        return "Ising-field sentiment traders: spin-aligned market or Beta-priced limit orders, ACD turn passing";
    }

    @Override
    public ParameterSchema parameters() {
        return NoiseTraderParameters.SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        return new NoiseTraderPopulation(NoiseTraderParameters.from(settings), context);
    }
}
