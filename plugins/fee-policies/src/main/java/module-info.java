/**
 * Fee policies: {@code static} (fixed maker and taker rates), {@code tiered} (rates by rolling traded volume) and
 * {@code dynamic} (rates steered by the miners' maker-taker ratio).
 */
module io.mvtrx.plugin.fees {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.fees.FeePolicyProvider with
            io.mvtrx.plugin.fees.StaticFeePolicyProvider,
            io.mvtrx.plugin.fees.TieredFeePolicyProvider,
            io.mvtrx.plugin.fees.DynamicFeePolicyProvider;
}
