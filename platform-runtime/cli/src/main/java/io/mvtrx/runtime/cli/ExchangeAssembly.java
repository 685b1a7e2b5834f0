package io.mvtrx.runtime.cli;

import java.util.Collections;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;
import io.mvtrx.runtime.config.ExchangeConfig;
import io.mvtrx.runtime.exchange.ExchangeSpec;
import io.mvtrx.runtime.plugins.PluginCatalog;

/**
 * One exchange as a configuration's {@code MultiBookExchangeAgent} section describes it: the spec, and the matching
 * rule and fee policy resolved by name from the loaded plugins.
 *
 * @param spec  books (one block's worth) with their decimals and the exchange's limits
 * @param rule  the {@code <Books algorithm>} matching rule
 * @param fees  the {@code <FeePolicy type>} policy, created for {@code spec}'s books
 */
record ExchangeAssembly(ExchangeSpec spec, MatchingRule rule, FeePolicy fees) {

    /** Pools are sized for this many resting orders per book (they grow past it). */
    private static final int EXPECTED_ORDERS = 4_096;

    /** Builds the exchange of one block ({@code Books instanceCount} books) from the configuration. */
    static ExchangeAssembly of(ExchangeConfig config, PluginCatalog plugins) {
        BookDecimals decimals = config.decimals();
        int books = config.books().instanceCount();
        ExchangeSpec spec = new ExchangeSpec(
                Collections.nCopies(books, decimals),
                decimals.volume().toDecimal(config.minOrderSize()),
                config.maxOpenOrders(),
                decimals.volume().toDecimal(config.maxLeverage()),
                decimals.quote().toDecimal(config.maxLoan()),
                Rate.SCALE.toDecimal(config.maintenanceMargin()),
                decimals.price().toDecimal(config.initialPrice()),
                config.books().maxDepth(),
                config.books().detailedDepth(),
                EXPECTED_ORDERS);
        MatchingRule rule = plugins.require(MatchingRuleProvider.class, config.books().algorithm())
                .create(config.books().settings());
        FeePolicy fees = plugins.require(FeePolicyProvider.class, config.feePolicy().type())
                .create(config.feePolicy().settings(), new FeeContext(books, decimals));
        return new ExchangeAssembly(spec, rule, fees);
    }
}
