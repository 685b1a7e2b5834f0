/** The plugin host: built-in providers through ServiceLoader, folder JARs through PF4J, indexed by name. */
module io.mvtrx.runtime.plugins {
    requires transitive io.mvtrx.api;
    requires org.pf4j;
    requires java.logging;

    exports io.mvtrx.runtime.plugins;

    uses io.mvtrx.api.spi.matching.MatchingRuleProvider;
    uses io.mvtrx.api.spi.fees.FeePolicyProvider;
    uses io.mvtrx.api.spi.process.PriceProcessProvider;
    uses io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
    uses io.mvtrx.api.spi.balances.BalanceDistributionProvider;
    uses io.mvtrx.api.spi.scoring.ScoringMetricProvider;
    uses io.mvtrx.api.spi.storage.StorageBackendProvider;
    uses io.mvtrx.api.spi.chain.ChainBackendProvider;
    uses io.mvtrx.api.spi.trading.TradingAgentProvider;
}
