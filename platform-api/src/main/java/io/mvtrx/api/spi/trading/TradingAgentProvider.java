package io.mvtrx.api.spi.trading;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a trading agent, selected by {@code mvtrx miner --agent NAME}; {@code --agent-params} become settings. */
public interface TradingAgentProvider extends PluginProvider {

    /** Creates the agent with its parameters. */
    TradingAgent create(Settings parameters);
}
