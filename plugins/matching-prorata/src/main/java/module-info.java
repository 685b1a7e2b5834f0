/** The pro-rata matching rule ({@code <Books algorithm="ProRata">}): price priority, then shares by size. */
module io.mvtrx.plugin.matching.prorata {
    requires io.mvtrx.api;

    exports io.mvtrx.plugin.matching.prorata;

    provides io.mvtrx.api.spi.matching.MatchingRuleProvider
            with io.mvtrx.plugin.matching.prorata.ProRataProvider;
}
