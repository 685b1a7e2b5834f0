package io.mvtrx.api.spi.matching;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a matching rule, selected by {@code <Books algorithm="NAME">} (default {@code PriceTime}). */
public interface MatchingRuleProvider extends PluginProvider {

    /**
     * Creates the rule.
     *
     * @param settings the {@code <Books>} element
     */
    MatchingRule create(Settings settings);
}
