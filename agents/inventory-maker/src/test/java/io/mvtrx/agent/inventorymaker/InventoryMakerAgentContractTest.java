package io.mvtrx.agent.inventorymaker;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.testkit.trading.TradingAgentContractTest;

class InventoryMakerAgentContractTest extends TradingAgentContractTest {

    @Override
    protected TradingAgentProvider provider() {
        return new InventoryMakerAgentProvider();
    }

    @Override
    protected Settings settings() {
        return Settings.empty("InventoryMakerAgent");
    }
}
