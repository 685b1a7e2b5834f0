package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.PlacementLatency;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * {@code <HighFrequencyTraderAgent>}: Avellaneda–Stoikov market makers quoting around a reservation price, with a
 * spread widened by the maker fee (reference 0.5.4 §7.5); with {@code inventoryFromFills="1"} the reservation price
 * is skewed by the inventory and inventory-reducing market orders are sent. The instances share nothing.
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
        return "fee-aware Avellaneda–Stoikov market makers (inventory skew and rebalancing with inventoryFromFills)";
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
                agent -> HighFrequencyTrader.create(parameters, context, quantizer, placement));
    }
}
