/** The validator-to-miner wire: protobuf schema, codecs, the signed miner gRPC service and the validator fan-out. */
module io.mvtrx.runtime.wire {
    requires transitive io.mvtrx.api;
    requires transitive com.google.protobuf;
    requires io.grpc;
    requires io.grpc.stub;
    requires io.grpc.protobuf;
    requires com.google.common;

    exports io.mvtrx.runtime.wire.proto;
}
