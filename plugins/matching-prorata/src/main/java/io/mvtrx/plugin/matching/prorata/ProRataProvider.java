package io.mvtrx.plugin.matching.prorata;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;

/**
 * Provides the {@code ProRata} matching rule: price priority across levels; within a level, shares proportional to
 * resting size with the lots left over going to the oldest orders first. Each book is a {@link ProRataBook}. The rule
 * reads no attributes.
 */
public final class ProRataProvider implements MatchingRuleProvider {

    /** The configuration name. */
    public static final String NAME = "ProRata";

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public ProRataProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Pro-rata: best price first, a level's fills proportional to size, remainder lots to the oldest orders";
    }

    @Override
    public MatchingRule create(Settings settings) {
        return ProRataBook::new;
    }
}
