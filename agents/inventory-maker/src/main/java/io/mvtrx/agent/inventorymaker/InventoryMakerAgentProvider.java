package io.mvtrx.agent.inventorymaker;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;

/** Provides {@code InventoryMakerAgent}. Public no-argument constructor: ServiceLoader and PF4J need it. */
public final class InventoryMakerAgentProvider implements TradingAgentProvider {

    public InventoryMakerAgentProvider() {
    }

    @Override
    public String name() {
        return "InventoryMakerAgent";
    }

    @Override
    public String description() {
        return "two-sided post-only quotes around a reservation price skewed against inventory; inventory capped";
    }

    @Override
    public ParameterSchema parameters() {
        return InventoryMakerAgent.Params.SCHEMA;
    }

    @Override
    public TradingAgent create(Settings parameters) {
        return new InventoryMakerAgent(InventoryMakerAgent.Params.from(parameters));
    }
}
