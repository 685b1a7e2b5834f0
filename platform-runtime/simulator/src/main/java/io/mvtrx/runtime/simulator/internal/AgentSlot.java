package io.mvtrx.runtime.simulator.internal;

import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;

/**
 * One background agent of a block with what the kernel keeps about it: its account id, its place in its
 * population, its own random stream, whether it wants notices and trades, and the latest time a notice to it was
 * scheduled (notices never overtake each other).
 *
 * <p>Confined to its block's thread.
 */
final class AgentSlot {

    final int slot;
    final int agentId;
    final int population;
    final int instance;
    final long seed;
    final SplitMix64 random;
    final BackgroundAgent agent;
    final boolean wantsNotices;
    final boolean observesTrades;
    long lastDelivery = Long.MIN_VALUE;

    AgentSlot(int slot, int agentId, int population, int instance, long seed, SplitMix64 random,
              BackgroundAgent agent, boolean wantsNotices, boolean observesTrades) {
        this.slot = slot;
        this.agentId = agentId;
        this.population = population;
        this.instance = instance;
        this.seed = seed;
        this.random = random;
        this.agent = agent;
        this.wantsNotices = wantsNotices;
        this.observesTrades = observesTrades;
    }
}
