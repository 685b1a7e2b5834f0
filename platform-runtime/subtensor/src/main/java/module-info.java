/**
 * The {@code subtensor} chain backend: Bittensor's chain over JSON-RPC on a WebSocket, with SCALE, runtime metadata
 * (V14/V15), signed v4 extrinsics (sr25519 hotkey) and the hash commit/reveal of weights.
 */
module io.mvtrx.runtime.subtensor {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.bittensor.keys;
    requires org.bouncycastle.provider;
    requires jakarta.json;
    requires java.net.http;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.circuitbreaker;

    exports io.mvtrx.runtime.subtensor;

    provides io.mvtrx.api.spi.chain.ChainBackendProvider with io.mvtrx.runtime.subtensor.SubtensorProvider;
}
