/**
 * The validator-to-miner wire: protobuf schema and api-record codecs, the signing rule, the miner's Helidon gRPC
 * server with its request gate, and the validator's parallel fan-out client.
 *
 * <p>protobuf, grpc-java and Guava are automatic modules; their types appear in the exported generated stubs and
 * codecs, hence the transitive requires.
 */
@SuppressWarnings("requires-transitive-automatic")
module io.mvtrx.runtime.wire {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.metrics;
    requires transitive io.mvtrx.runtime.wallet;
    requires transitive com.google.protobuf;
    requires transitive io.grpc;
    requires transitive io.grpc.stub;
    requires transitive com.google.common;
    requires transitive io.helidon.config;
    requires io.grpc.protobuf;
    requires com.github.luben.zstd_jni;
    requires io.grpc.netty.shaded;
    requires io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.webserver.grpc;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.health;

    exports io.mvtrx.runtime.wire;
    exports io.mvtrx.runtime.wire.codec;
    exports io.mvtrx.runtime.wire.miner;
    exports io.mvtrx.runtime.wire.proto;
    exports io.mvtrx.runtime.wire.validator;
}
