package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.testkit.agents.BackgroundAgentContractTest;

class FuturesTraderAgentContractTest extends BackgroundAgentContractTest {

    @Override
    protected BackgroundAgentModelProvider provider() {
        return new FuturesTraderAgentProvider();
    }

    @Override
    protected Settings settings() {
        return LiveConfig.agent("FuturesTraderAgent");
    }

    @Override
    protected long horizon() {
        return 600_000_000_000L;
    }
}
