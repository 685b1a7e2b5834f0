package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.testkit.agents.BackgroundAgentContractTest;

class StylizedTraderAgentContractTest extends BackgroundAgentContractTest {

    @Override
    protected BackgroundAgentModelProvider provider() {
        return new StylizedTraderAgentProvider();
    }

    @Override
    protected Settings settings() {
        return LiveConfig.agent("StylizedTraderAgent");
    }
}
