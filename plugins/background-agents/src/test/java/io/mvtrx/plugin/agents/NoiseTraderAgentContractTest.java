package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.testkit.agents.BackgroundAgentContractTest;

class NoiseTraderAgentContractTest extends BackgroundAgentContractTest {

    @Override
    protected BackgroundAgentModelProvider provider() {
        return new NoiseTraderAgentProvider();
    }

    @Override
    protected Settings settings() {
        return LiveConfig.agent("NoiseTraderAgent");
    }
}
