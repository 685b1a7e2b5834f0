package io.mvtrx.agent.randomtaker;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.testkit.trading.TradingAgentContractTest;

class RandomTakerAgentContractTest extends TradingAgentContractTest {

    @Override
    protected TradingAgentProvider provider() {
        return new RandomTakerAgentProvider();
    }

    @Override
    protected Settings settings() {
        return Settings.builder("RandomTakerAgent").attribute("seed", "5").attribute("direction_period", "20e9")
                .build();
    }
}
