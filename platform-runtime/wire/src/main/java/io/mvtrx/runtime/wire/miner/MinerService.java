package io.mvtrx.runtime.wire.miner;

import java.util.List;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.wire.codec.AssignmentCodec;
import io.mvtrx.runtime.wire.codec.BooksCompression;
import io.mvtrx.runtime.wire.codec.InstructionCodec;
import io.mvtrx.runtime.wire.codec.NoticeCodec;
import io.mvtrx.runtime.wire.codec.StateCodec;
import io.mvtrx.runtime.wire.codec.WireFormatException;
import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The {@code Miner} gRPC service: turns an authenticated request into api records, hands them to the
 * {@link AgentHost}, and turns the answer back into a reply. No protobuf type reaches the agent. It trusts the
 * {@link RequestAuthenticator} in front of it and makes no checks of its own beyond decoding.
 *
 * <p>Answers: {@code INVALID_ARGUMENT} naming the field when a signed body does not decode; otherwise {@code OK},
 * with an empty reply when the agent failed, timed out, or produced a reply larger than the outbound limit.
 * Handlers do not block: the reply is sent from the agent thread when the agent answers.
 */
final class MinerService extends MinerGrpc.MinerImplBase {

    private static final System.Logger LOG = System.getLogger(MinerService.class.getName());

    private final AgentHost host;
    private final int maxInboundBytes;
    private final int maxOutboundBytes;

    MinerService(AgentHost host, int maxInboundBytes, int maxOutboundBytes) {
        this.host = host;
        this.maxInboundBytes = maxInboundBytes;
        this.maxOutboundBytes = maxOutboundBytes;
    }

    @Override
    public void respond(MinerProto.StateRequest request, StreamObserver<MinerProto.AgentReply> out) {
        StateCodec.ReceivedState received;
        try {
            received = StateCodec.decode(books(request), request.getMinerPayload());
        } catch (WireFormatException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("state: " + e.getMessage()).asRuntimeException());
            return;
        }
        int agentId = received.agentId();
        host.respond(agentId, received.state()).thenAccept(response -> {
            out.onNext(reply(agentId, response));
            out.onCompleted();
        }).exceptionally(MinerService::unsent);
    }

    /**
     * The request's {@code Books} bytes: {@code books}, or {@code books_zstd} decompressed up to the inbound limit
     * (the books would have been refused above it uncompressed too).
     */
    private ByteString books(MinerProto.StateRequest request) {
        if (request.getBooksZstd().isEmpty()) {
            return request.getBooks();
        }
        if (!request.getBooks().isEmpty()) {
            throw new WireFormatException("books and books_zstd are both set");
        }
        return BooksCompression.decompress(request.getBooksZstd(), maxInboundBytes);
    }

    @Override
    public void notify(MinerProto.NoticeRequest request, StreamObserver<MinerProto.NoticeAck> out) {
        List<Notice> notices;
        try {
            notices = NoticeCodec.decodeBatch(request.getNotices());
        } catch (WireFormatException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        host.notify(notices).thenAccept(delivered -> {
            out.onNext(MinerProto.NoticeAck.newBuilder().setDelivered(delivered).build());
            out.onCompleted();
        }).exceptionally(MinerService::unsent);
    }

    @Override
    public void assign(MinerProto.AssignmentRequest request, StreamObserver<MinerProto.AssignmentAck> out) {
        TrainingAssignment assignment;
        try {
            assignment = AssignmentCodec.decode(request.getAssignment());
        } catch (WireFormatException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        host.assign(assignment).thenAccept(accepted -> {
            out.onNext(MinerProto.AssignmentAck.newBuilder().setAccepted(accepted).build());
            out.onCompleted();
        }).exceptionally(MinerService::unsent);
    }

    /** The caller went away before the answer could be sent (deadline passed, connection closed). */
    private static Void unsent(Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "answer not sent: caller gone", error);
        return null;
    }

    private MinerProto.AgentReply reply(int agentId, AgentResponse response) {
        MinerProto.AgentReply reply;
        try {
            reply = InstructionCodec.encode(response);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, String.format(
                    "agent response could not be encoded, answering empty: %s", e), e);
            return InstructionCodec.encode(AgentResponse.empty(agentId));
        }
        if (reply.getSerializedSize() > maxOutboundBytes) {
            LOG.log(System.Logger.Level.WARNING, String.format(
                    "agent reply of %d bytes (%d instructions) exceeds the outbound limit of %d bytes,"
                            + " answering empty", reply.getSerializedSize(), reply.getInstructionsCount(),
                    maxOutboundBytes));
            return InstructionCodec.encode(AgentResponse.empty(agentId));
        }
        return reply;
    }
}
