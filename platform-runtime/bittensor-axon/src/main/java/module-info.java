/**
 * Bittensor's axon/dendrite HTTP protocol for subnet 79: the signed-header scheme, body hash, nonce windows,
 * blacklist and priority of the Python SDK; the τaos synapse payloads (msgpack + lz4/zlib/zstd + base64) mapped to
 * platform-api records; a miner-side axon hosting a TradingAgent and a validator-side dendrite.
 *
 * <p>lz4-java is an automatic module.
 */
@SuppressWarnings("requires-transitive-automatic")
module io.mvtrx.runtime.bittensor.axon {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.bittensor.keys;
    requires transitive io.mvtrx.runtime.wire;
    requires transitive java.net.http;
    requires io.helidon.webserver;
    requires io.helidon.http;
    requires jakarta.json;
    requires org.lz4.java;
    requires com.github.luben.zstd_jni;

    exports io.mvtrx.runtime.bittensor.axon;
    exports io.mvtrx.runtime.bittensor.axon.payload;
}
