package io.mvtrx.runtime.wire.miner;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.AccountChanges;
import io.mvtrx.runtime.wire.BodyHash;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.codec.AccountsBaseUnknownException;
import io.mvtrx.runtime.wire.codec.AssignmentCodec;
import io.mvtrx.runtime.wire.codec.BookCodec;
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
 * <p>The books come from the process's {@link SharedBooks} when the request names them ({@code books_sha256}):
 * decoded there once for every miner of the process.
 *
 * <p>The accounts of the last two requests from each validator are kept ({@link KeptAccounts}) and every reply
 * names its request's nonce ({@code accounts_kept}), so that the next request may carry each account's open orders as
 * changes to them.
 *
 * <p>Answers: {@code INVALID_ARGUMENT} naming the field when a signed body does not decode (or its books do not hash
 * to their name, or its order changes do not apply); {@code FAILED_PRECONDITION} with trailer {@code mvtrx-books:
 * unknown} when the books it names did not reach this process in time, or with trailer {@code mvtrx-accounts:
 * unknown} when the accounts base it names is not kept; otherwise {@code OK}, with an empty reply when the agent
 * failed, timed out, or produced a reply larger than the outbound limit, and in every reply the process's books cache
 * id and the request's nonce. Handlers do not block:
 * the reply is sent from the agent thread when the agent answers.
 */
final class MinerService extends MinerGrpc.MinerImplBase {

    private static final System.Logger LOG = System.getLogger(MinerService.class.getName());

    /** Where a request that waited for its books goes on: a virtual thread each, as Helidon's handlers run. */
    private static final Executor WAITERS = task -> Thread.ofVirtual().name("mvtrx-books-waiter").start(task);

    /** Longest a request naming its books by hash waits for another request to bring them. */
    static final Duration MAX_BOOKS_WAIT = Duration.ofSeconds(1);

    private final AgentHost host;
    private final int maxInboundBytes;
    private final int maxOutboundBytes;
    private final SharedBooks shared;
    private final Duration booksWait;
    private final KeptAccounts kept;

    MinerService(AgentHost host, int maxInboundBytes, int maxOutboundBytes, SharedBooks shared, KeptAccounts kept) {
        this.host = host;
        this.kept = kept;
        this.maxInboundBytes = maxInboundBytes;
        this.maxOutboundBytes = maxOutboundBytes;
        this.shared = shared;
        this.booksWait = host.timeout().compareTo(MAX_BOOKS_WAIT) < 0 ? host.timeout() : MAX_BOOKS_WAIT;
    }

    @Override
    public void respond(MinerProto.StateRequest request, StreamObserver<MinerProto.AgentReply> out) {
        CompletableFuture<List<BookState>> books;
        try {
            books = books(request);
        } catch (WireFormatException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("state: " + e.getMessage()).asRuntimeException());
            return;
        }
        BiConsumer<List<BookState>, Throwable> answer = (list, error) -> {
            if (error != null) {
                shared.unknownAnswered();
                out.onError(Status.FAILED_PRECONDITION.withDescription(String.format(
                        "books_sha256 %s: no books under this hash reached this process within %d ms",
                        HexFormat.of().formatHex(request.getBooksSha256().toByteArray()), booksWait.toMillis()))
                        .asRuntimeException(BooksReference.TRAILER.trailers()));
                return;
            }
            String sender = request.getEnvelope().getSenderHotkey(); // checked by the authenticator in front
            long nonce = request.getEnvelope().getNonce();
            StateCodec.ReceivedState received;
            try {
                received = StateCodec.decode(list, request.getMinerPayload(), base -> kept.find(sender, base));
            } catch (AccountsBaseUnknownException e) {
                out.onError(Status.FAILED_PRECONDITION.withDescription("miner_payload: " + e.getMessage())
                        .asRuntimeException(AccountChanges.TRAILER.trailers()));
                return;
            } catch (WireFormatException e) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("state: " + e.getMessage())
                        .asRuntimeException());
                return;
            }
            kept.keep(sender, nonce, received.state().accounts());
            int agentId = received.agentId();
            host.respond(agentId, received.state()).thenAccept(response -> {
                out.onNext(reply(agentId, response, nonce));
                out.onCompleted();
            }).exceptionally(MinerService::unsent);
        };
        if (books.isDone()) {
            books.whenComplete(answer);
            return;
        }
        // a copy: the timeout is this request's, the shared future stays pending for the others; and each waiting
        // request goes on on a thread of its own, not one after another on the thread whose request brought the books
        books.copy().orTimeout(booksWait.toNanos(), TimeUnit.NANOSECONDS).whenCompleteAsync(answer, WAITERS);
    }

    /**
     * The request's books: decoded from {@code books}, or from {@code books_zstd} decompressed up to the inbound
     * limit (the books would have been refused above it uncompressed too); once per process when the request names
     * them by hash, which also lets a request carrying only the hash take them from another.
     */
    private CompletableFuture<List<BookState>> books(MinerProto.StateRequest request) {
        boolean zstd = !request.getBooksZstd().isEmpty();
        if (zstd && !request.getBooks().isEmpty()) {
            throw new WireFormatException("books and books_zstd are both set");
        }
        ByteString sent = zstd ? request.getBooksZstd() : request.getBooks();
        ByteString sha256 = request.getBooksSha256();
        Supplier<List<BookState>> decode = () -> BookCodec.decodeBooks(zstd
                ? BooksCompression.decompress(sent, maxInboundBytes) : sent);
        if (sha256.isEmpty()) {
            return CompletableFuture.completedFuture(decode.get());
        }
        if (sha256.size() != BodyHash.LENGTH) {
            throw new WireFormatException("books_sha256 must be %d bytes, got %d", BodyHash.LENGTH, sha256.size());
        }
        String sender = request.getEnvelope().getSenderHotkey(); // checked by the authenticator in front
        return sent.isEmpty() ? shared.reference(sender, sha256) : shared.inline(sender, sha256, sent, decode);
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

    /**
     * The agent's answer as a reply naming this process's books cache and the request whose accounts this miner
     * keeps, or an empty one when it cannot be sent.
     */
    private MinerProto.AgentReply reply(int agentId, AgentResponse response, long nonce) {
        return instructions(agentId, response).toBuilder().setBooksCache(shared.id()).setAccountsKept(nonce).build();
    }

    private MinerProto.AgentReply instructions(int agentId, AgentResponse response) {
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
