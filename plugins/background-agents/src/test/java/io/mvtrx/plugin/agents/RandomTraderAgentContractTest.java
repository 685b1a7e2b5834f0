package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.testkit.agents.BackgroundAgentContractTest;

/** The random trader is not in the live configuration; its element carries the reference's own defaults. */
class RandomTraderAgentContractTest extends BackgroundAgentContractTest {

    @Override
    protected BackgroundAgentModelProvider provider() {
        return new RandomTraderAgentProvider();
    }

    @Override
    protected Settings settings() {
        return Settings.builder("RandomTraderAgent").attribute("name", "RANDOM_TRADER_AGENT")
                .attribute("instanceCount", "2").attribute("exchange", "EXCHANGE")
                .attribute("tau", "120000000000").build();
    }

    @Override
    protected long minPlacementLatency() {
        return RandomTrader.MIN_LATENCY;
    }

    @Override
    protected long maxPlacementLatency() {
        return RandomTrader.MAX_LATENCY;
    }

    @Override
    protected long horizon() {
        return 660_000_000_000L;
    }
}
