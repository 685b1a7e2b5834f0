package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * {@code <InitializationAgent>}: at the start each instance lays a ladder of resting limit orders on every book, bids
 * uniform below the initial price and asks uniform up to twice it, until its capital is committed (reference
 * simulator.md §3.2, 0.5.4 §7.1).
 */
public final class InitializationAgentProvider implements BackgroundAgentModelProvider {

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            Parameter.required("tau", ParameterType.INTEGER,
                    "lifetime of every ladder order, ns (production 8.64e13: the whole day)"),
            CommonParameters.DEBUG);

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public InitializationAgentProvider() {
    }

    @Override
    public String name() {
        return "InitializationAgent";
    }

    @Override
    public String description() {
        return "initial liquidity: random bid and ask ladders around the initial price at the start";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        Attributes attributes = new Attributes(settings);
        attributes.text("exchange");
        long tau = attributes.positive("tau", attributes.whole("tau"));
        return new InitializationPopulation(context, tau);
    }
}
