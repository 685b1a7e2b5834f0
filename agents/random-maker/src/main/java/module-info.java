/** Example trading agent RandomMakerAgent: random two-sided quotes around the mid, stale quotes cancelled. */
module io.mvtrx.agent.randommaker {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.trading.TradingAgentProvider with io.mvtrx.agent.randommaker.RandomMakerAgentProvider;
}
