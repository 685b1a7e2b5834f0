/** Example trading agent RandomTakerAgent: random market orders in a direction held for a period. */
module io.mvtrx.agent.randomtaker {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.trading.TradingAgentProvider with io.mvtrx.agent.randomtaker.RandomTakerAgentProvider;
}
