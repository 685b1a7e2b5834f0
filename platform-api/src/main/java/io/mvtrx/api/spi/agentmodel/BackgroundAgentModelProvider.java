package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/**
 * Provides a background-agent model, selected by the element name of an {@code <Agents>} child (e.g.
 * {@code StylizedTraderAgent}); the element's {@code instanceCount} says how many agents each block runs.
 *
 * {@snippet :
 * AgentPopulation population = provider.create(element, populationContext);   // once per element and block
 * for (int i = 0; i < populationContext.instanceCount(); i++) {
 *     agents[i] = population.agent(new AgentContext(agentIds[i], i, baseName + "_" + i, seeds[i]));
 * }
 * }
 */
public interface BackgroundAgentModelProvider extends PluginProvider {

    /**
     * Creates the population of one agent element in one block.
     *
     * @param settings the agent element (shared by all instances and blocks)
     * @param context  books, instance count, decimals and time frame of the block
     * @throws io.mvtrx.api.settings.SettingsException if an attribute is missing or out of range
     */
    AgentPopulation create(Settings settings, PopulationContext context);
}
