package io.mvtrx.runtime.wire.validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import io.mvtrx.runtime.wire.codec.AgentReplyReader;

import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.stub.ClientCalls;

/**
 * One plaintext HTTP/2 channel to one miner's axon, kept across steps. Replies larger than the inbound limit are
 * refused by the channel before they are parsed; requests larger than the outbound limit are refused before they
 * are sent.
 *
 * <p>Uses grpc-java's Netty transport: Helidon 4.5's gRPC client ignores call deadlines, drops status
 * descriptions and trailers, reports error statuses as {@code UNKNOWN} and opens a connection per call (see
 * doc/wire.md). The miner's server is Helidon's.
 *
 * <p>Thread-safe; {@code Respond} is asynchronous, the notice and assignment calls block the calling thread until
 * the reply or the deadline.
 */
final class MinerClient implements AutoCloseable {

    /** {@code Respond} with its replies read straight into instruction records ({@link AgentReplyReader}). */
    private static final MethodDescriptor<MinerProto.StateRequest, AgentReplyReader.Reply> RESPOND =
            MinerGrpc.getRespondMethod().toBuilder(MinerGrpc.getRespondMethod().getRequestMarshaller(),
                    new ReplyMarshaller()).build();

    private final MinerTarget target;
    private final ManagedChannel channel;
    private final int maxOutboundBytes;

    MinerClient(MinerTarget target, int maxOutboundBytes, int maxInboundBytes) {
        this.target = target;
        this.maxOutboundBytes = maxOutboundBytes;
        this.channel = NettyChannelBuilder.forAddress(target.host(), target.port())
                .usePlaintext()
                .maxInboundMessageSize(maxInboundBytes)
                .withOption(ChannelOption.ALLOCATOR, ReusingDirectAllocator.SHARED)
                .build();
    }

    MinerTarget target() {
        return target;
    }

    /**
     * Starts {@code Respond} with a deadline {@code timeoutNanos} from now and returns at once; the request is copied
     * into the transport's buffers on the calling thread. The future completes on a gRPC thread.
     */
    ListenableFuture<AgentReplyReader.Reply> respond(MinerProto.StateRequest request, long timeoutNanos) {
        return ClientCalls.futureUnaryCall(channel.newCall(RESPOND, options(timeoutNanos)), request);
    }

    /** Starts {@code Assign} with a deadline {@code timeoutNanos} from now and returns at once. */
    ListenableFuture<MinerProto.AssignmentAck> assign(MinerProto.AssignmentRequest request, long timeoutNanos) {
        return ClientCalls.futureUnaryCall(channel.newCall(MinerGrpc.getAssignMethod(), options(timeoutNanos)),
                request);
    }

    /** Starts {@code Notify} with a deadline {@code timeoutNanos} from now and returns at once. */
    ListenableFuture<MinerProto.NoticeAck> notify(MinerProto.NoticeRequest request, long timeoutNanos) {
        return ClientCalls.futureUnaryCall(channel.newCall(MinerGrpc.getNotifyMethod(), options(timeoutNanos)),
                request);
    }

    private CallOptions options(long timeoutNanos) {
        return CallOptions.DEFAULT
                .withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS)
                .withMaxOutboundMessageSize(maxOutboundBytes);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    /**
     * Reads a reply as {@link AgentReplyReader} does; bytes the generated parser would refuse fail the call as its
     * marshaller fails it ({@code INTERNAL}, "Invalid protobuf byte sequence"). A validator never writes replies.
     */
    private static final class ReplyMarshaller implements MethodDescriptor.Marshaller<AgentReplyReader.Reply> {

        @Override
        public InputStream stream(AgentReplyReader.Reply value) {
            throw new UnsupportedOperationException("a validator reads replies, it never sends one");
        }

        @Override
        public AgentReplyReader.Reply parse(InputStream stream) {
            try {
                return AgentReplyReader.read(stream.readAllBytes());
            } catch (IOException e) { // InvalidProtocolBufferException included
                throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(e)
                        .asRuntimeException();
            }
        }
    }
}
