/**
 * The reference's background-agent models: initialization ladders, stylized (Chiarella) traders, Avellaneda–Stoikov
 * market makers, the ALGO execution trader, futures momentum traders, Ising noise traders and random traders.
 */
module io.mvtrx.plugin.agents {
    requires transitive io.mvtrx.api;

    exports io.mvtrx.plugin.agents;

    provides io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider
            with io.mvtrx.plugin.agents.InitializationAgentProvider,
                    io.mvtrx.plugin.agents.StylizedTraderAgentProvider,
                    io.mvtrx.plugin.agents.HighFrequencyTraderAgentProvider,
                    io.mvtrx.plugin.agents.AlgoTraderAgentProvider,
                    io.mvtrx.plugin.agents.FuturesTraderAgentProvider,
                    io.mvtrx.plugin.agents.NoiseTraderAgentProvider,
                    io.mvtrx.plugin.agents.RandomTraderAgentProvider;
}
