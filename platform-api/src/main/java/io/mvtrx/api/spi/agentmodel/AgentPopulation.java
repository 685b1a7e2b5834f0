package io.mvtrx.api.spi.agentmodel;

/**
 * The instances of one background-agent element in one block, and the state they share. Models whose instances
 * pass a turn between them (the reference's {@code WAKEUP} messages) keep the turn's state here, e.g. the
 * per-book duration clock of the stylized and noise traders.
 *
 * <p>Thread confinement: a population belongs to one block and is only touched from that block's thread, like its
 * agents. The simulator creates the population once, then calls {@link #agent} for every instance index
 * {@code 0..instanceCount-1} in order, before {@link BackgroundAgent#onStart} is called on any of them.
 */
public interface AgentPopulation {

    /**
     * Creates one instance.
     *
     * @param context the instance's identity and seed
     */
    BackgroundAgent agent(AgentContext context);
}
