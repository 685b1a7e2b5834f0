package io.mvtrx.plugin.agents;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.Quantizer;

/** The initialization agents of one block: they share nothing but their configuration. */
final class InitializationPopulation implements AgentPopulation, Snapshottable {

    final PopulationContext context;
    final Quantizer quantizer;
    final long tau;

    InitializationPopulation(PopulationContext context, long tau) {
        this.context = context;
        this.quantizer = new Quantizer(context.decimals());
        this.tau = tau;
    }

    @Override
    public BackgroundAgent agent(AgentContext agent) {
        return new InitializationAgent(this);
    }

    /** Nothing to save: the population only hands out its settings. */
    @Override
    public void writeState(StateWriter out) {
        // stateless
    }

    @Override
    public void readState(StateReader in) {
        // stateless
    }
}
