package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.testkit.agents.BackgroundAgentContractTest;

class HighFrequencyTraderAgentContractTest extends BackgroundAgentContractTest {

    @Override
    protected BackgroundAgentModelProvider provider() {
        return new HighFrequencyTraderAgentProvider();
    }

    @Override
    protected Settings settings() {
        return LiveConfig.agent("HighFrequencyTraderAgent");
    }

    @Override
    protected long horizon() {
        return 120_000_000_000L;
    }
}
