package io.mvtrx.runtime.config;

import java.util.Optional;

import io.mvtrx.api.settings.Settings;

/**
 * One background-agent element under {@code <Agents>}: {@code instanceCount} agents of one model, resolved to a
 * {@link io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider} by element name. Every block runs its own copy of
 * every group.
 *
 * @param model         provider name = element name ({@code StylizedTraderAgent} ...)
 * @param name          base name of the instances ({@code STYLIZED_TRADER_AGENT}; instances are {@code <name>_<i>})
 * @param instanceCount agents per block (0 disables the group)
 * @param exchange      name of the exchange the agents trade on
 * @param balances      the group's own starting balances, drawn once per instance; empty to use the exchange's
 * @param settings      the element, handed to the provider for every instance
 */
public record AgentGroupConfig(String model, String name, int instanceCount, String exchange,
                               Optional<BalancesConfig> balances, Settings settings) {

    public AgentGroupConfig {
        Checks.text("agent model", model);
        Checks.text("agent name", name);
        Checks.atLeast(model + " instanceCount", instanceCount, 0);
        Checks.text(model + " exchange", exchange);
        Checks.present(model + " balances", balances);
        Checks.present(model + " settings", settings);
    }
}
