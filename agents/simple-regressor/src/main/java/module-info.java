/** Example trading agent SimpleRegressorAgent: an autoregression on recent mid-price returns sets quotes. */
module io.mvtrx.agent.regressor {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.trading.TradingAgentProvider with io.mvtrx.agent.regressor.SimpleRegressorAgentProvider;
}
