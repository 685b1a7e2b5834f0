package io.mvtrx.plugin.matching.pricetime;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;

/**
 * Provides the {@code PriceTime} matching rule: price priority, then time (FIFO) within a level, trades at the
 * resting price. Each book is a {@link PriceTimeBook}. The rule reads no attributes.
 */
public final class PriceTimeProvider implements MatchingRuleProvider {

    /** The configuration name. */
    public static final String NAME = "PriceTime";

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public PriceTimeProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Price-time priority: best price first, oldest order first within a level, trades at the resting price";
    }

    @Override
    public MatchingRule create(Settings settings) {
        return PriceTimeBook::new;
    }
}
