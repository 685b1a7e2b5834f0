package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;

/**
 * {@code <StylizedTraderAgent>}: Chiarella–Iori–Perelló traders mixing a fundamentalist, a chartist and a noise
 * forecast, with HARA demand, acting when a turn passed between the instances reaches them after an ACD delay
 * (reference 0.5.4 §7.2).
 */
public final class StylizedTraderAgentProvider implements BackgroundAgentModelProvider {

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public StylizedTraderAgentProvider() {
    }

    @Override
    public String name() {
        return "StylizedTraderAgent";
    }

    @Override
    public String description() {
        return "fundamentalist/chartist/noise traders with HARA demand and ACD turn passing (Chiarella et al.)";
    }

    @Override
    public ParameterSchema parameters() {
        return StylizedTraderParameters.SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        return new StylizedTraderPopulation(StylizedTraderParameters.from(settings), context);
    }
}
