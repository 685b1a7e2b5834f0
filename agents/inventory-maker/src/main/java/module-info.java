/** Example trading agent InventoryMakerAgent: two-sided post-only quotes skewed by inventory, inventory capped. */
module io.mvtrx.agent.inventorymaker {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.trading.TradingAgentProvider
            with io.mvtrx.agent.inventorymaker.InventoryMakerAgentProvider;
}
