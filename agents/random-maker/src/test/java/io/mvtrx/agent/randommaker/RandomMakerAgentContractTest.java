package io.mvtrx.agent.randommaker;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.testkit.trading.TradingAgentContractTest;

class RandomMakerAgentContractTest extends TradingAgentContractTest {

    @Override
    protected TradingAgentProvider provider() {
        return new RandomMakerAgentProvider();
    }

    @Override
    protected Settings settings() {
        return Settings.builder("RandomMakerAgent").attribute("seed", "7").attribute("max_age", "30e9").build();
    }
}
