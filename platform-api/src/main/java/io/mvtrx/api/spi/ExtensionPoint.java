package io.mvtrx.api.spi;

import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgentProvider;

/** The closed list of extension points, each with its provider interface and where a configuration names it. */
public enum ExtensionPoint {
    MATCHING_RULE(MatchingRuleProvider.class, "matching rule", "<Books algorithm=...>"),
    FEE_POLICY(FeePolicyProvider.class, "fee policy", "<FeePolicy type=...>"),
    PRICE_PROCESS(PriceProcessProvider.class, "price process", "<Processes> child element"),
    BACKGROUND_AGENT_MODEL(BackgroundAgentModelProvider.class, "background-agent model", "<Agents> child element"),
    BALANCE_DISTRIBUTION(BalanceDistributionProvider.class, "balance distribution", "<Balances type=...>"),
    SCORING_METRIC(ScoringMetricProvider.class, "scoring metric", "validator scoring"),
    STORAGE_BACKEND(StorageBackendProvider.class, "storage backend", "--storage"),
    CHAIN_BACKEND(ChainBackendProvider.class, "chain backend", "--chain"),
    TRADING_AGENT(TradingAgentProvider.class, "trading agent", "mvtrx miner --agent");

    private final Class<? extends PluginProvider> providerType;
    private final String label;
    private final String configuredBy;

    ExtensionPoint(Class<? extends PluginProvider> providerType, String label, String configuredBy) {
        this.providerType = providerType;
        this.label = label;
        this.configuredBy = configuredBy;
    }

    /** The provider interface plugins implement. */
    public Class<? extends PluginProvider> providerType() {
        return providerType;
    }

    /** Human label, e.g. "fee policy". */
    public String label() {
        return label;
    }

    /** Where a configuration or command line selects a provider of this point. */
    public String configuredBy() {
        return configuredBy;
    }

    /** The extension point a provider interface belongs to. */
    public static ExtensionPoint of(Class<?> providerType) {
        for (ExtensionPoint point : values()) {
            if (point.providerType == providerType) {
                return point;
            }
        }
        throw new IllegalArgumentException(providerType.getName() + " is not an extension point");
    }
}
