package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.testkit.agents.BackgroundAgentContractTest;

class InitializationAgentContractTest extends BackgroundAgentContractTest {

    @Override
    protected BackgroundAgentModelProvider provider() {
        return new InitializationAgentProvider();
    }

    @Override
    protected Settings settings() {
        return LiveConfig.agent("InitializationAgent");
    }

    @Override
    protected long minPlacementLatency() {
        return 0;
    }

    @Override
    protected long maxPlacementLatency() {
        return 0;
    }
}
