package io.mvtrx.agent.regressor;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.testkit.trading.TradingAgentContractTest;

class SimpleRegressorAgentContractTest extends TradingAgentContractTest {

    @Override
    protected TradingAgentProvider provider() {
        return new SimpleRegressorAgentProvider();
    }

    /** The contract's walk moves the mid by a few ticks: a low threshold makes the agent trade in it. */
    @Override
    protected Settings settings() {
        return Settings.builder("SimpleRegressorAgent").attribute("signal_threshold", "0.00001")
                .attribute("min_observations", "10").build();
    }
}
