/** The embedded local chain: registrations, stakes, permits, axons, weights, commitments, block height. */
module io.mvtrx.plugin.chain.local {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.chain.ChainBackendProvider with io.mvtrx.plugin.chain.local.LocalChainProvider;
}
