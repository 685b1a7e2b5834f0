package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/**
 * Provides a background-agent model, selected by the element name of an {@code <Agents>} child (e.g.
 * {@code StylizedTraderAgent}); the element's {@code instanceCount} says how many agents to create.
 */
public interface BackgroundAgentModelProvider extends PluginProvider {

    /**
     * Creates one agent.
     *
     * @param settings the agent element (shared by all instances)
     * @param context  this instance's identity and seed
     */
    BackgroundAgent create(Settings settings, AgentContext context);
}
