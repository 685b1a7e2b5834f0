/** The price-time priority matching rule ({@code <Books algorithm="PriceTime">}), the reference's only rule. */
module io.mvtrx.plugin.matching.pricetime {
    requires io.mvtrx.api;

    exports io.mvtrx.plugin.matching.pricetime;

    provides io.mvtrx.api.spi.matching.MatchingRuleProvider
            with io.mvtrx.plugin.matching.pricetime.PriceTimeProvider;
}
