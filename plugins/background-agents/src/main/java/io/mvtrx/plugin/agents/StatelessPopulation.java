package io.mvtrx.plugin.agents;

import java.util.function.Function;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;

/**
 * A population whose instances share nothing that changes (the ALGO, high-frequency and random traders): it only
 * creates them, so a checkpoint saves nothing for it.
 */
final class StatelessPopulation implements AgentPopulation, Snapshottable {

    private final Function<AgentContext, BackgroundAgent> instances;

    StatelessPopulation(Function<AgentContext, BackgroundAgent> instances) {
        this.instances = instances;
    }

    @Override
    public BackgroundAgent agent(AgentContext context) {
        return instances.apply(context);
    }

    @Override
    public void writeState(StateWriter out) {
        // nothing shared changes
    }

    @Override
    public void readState(StateReader in) {
        // nothing shared changes
    }
}
