package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.PlacementLatency;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * {@code <HighFrequencyTraderAgent>}: Avellaneda–Stoikov market makers quoting around an inventory-skewed
 * reservation price, with a spread widened by the maker fee and inventory-reducing market orders (reference 0.5.4
 * §7.5). The instances share nothing.
 */
public final class HighFrequencyTraderAgentProvider implements BackgroundAgentModelProvider {

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public HighFrequencyTraderAgentProvider() {
    }

    @Override
    public String name() {
        return "HighFrequencyTraderAgent";
    }

    @Override
    public String description() {
        return "fee-aware Avellaneda–Stoikov market makers with inventory skew and rebalancing";
    }

    @Override
    public ParameterSchema parameters() {
        return HighFrequencyTraderParameters.SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        HighFrequencyTraderParameters parameters = HighFrequencyTraderParameters.from(settings);
        Quantizer quantizer = new Quantizer(context.decimals());
        PlacementLatency placement = new PlacementLatency(parameters.minPlacement(), parameters.maxPlacement(),
                parameters.placementScale());
        return new StatelessPopulation(
                agent -> new HighFrequencyTrader(parameters, context, quantizer, placement));
    }
}
