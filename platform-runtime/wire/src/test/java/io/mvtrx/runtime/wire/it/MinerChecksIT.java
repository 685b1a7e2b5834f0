package io.mvtrx.runtime.wire.it;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wire.BodyHash;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.UnknownTrailer;
import io.mvtrx.runtime.wire.NonceClock;
import io.mvtrx.runtime.wire.WireSignature;
import io.mvtrx.runtime.wire.codec.BookCodec;
import io.mvtrx.runtime.wire.codec.BooksCompression;
import io.mvtrx.runtime.wire.codec.StateCodec;
import io.mvtrx.runtime.wire.miner.SharedBooks;
import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.validator.Step;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hand-made requests against a real miner: every way a request can fail the gate is refused with its exact status,
 * description and check trailer, and the agent is never invoked.
 */
class MinerChecksIT {

    private static final long NOW_NANOS = NonceClock.nanos(TestNetwork.NOW);
    private static final String RESPOND = "Respond";

    @TempDir
    Path dir;

    private TestNetwork net;
    private TestAgents.Echo agent;
    private TestNetwork.StartedMiner miner;
    private MinerGrpc.MinerBlockingStub stub;
    private ByteString books;
    private ByteString payload;

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
        agent = new TestAgents.Echo();
        miner = net.miner("miner", agent, c -> c);
        stub = net.stub(miner);
        Step step = TestNetwork.step(List.of(miner.target()), 0);
        books = BookCodec.encodeBooks(step.books());
        payload = StateCodec.encodePayload(miner.target().uid(), step.timestamp(), step.simulation(),
                step.accounts().get(miner.target().uid()), step.notices().get(miner.target().uid()));
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private MinerProto.StateRequest signed(Keypair signer, String receiver, long nonce) {
        return MinerProto.StateRequest.newBuilder()
                .setBooks(books)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(signer, RESPOND, nonce, receiver, BodyHash.of(books, ByteString.EMPTY, payload)))
                .build();
    }

    private MinerProto.StateRequest valid(long nonce) {
        return signed(net.validator, miner.target().hotkey(), nonce);
    }

    private void assertRefused(MinerProto.StateRequest request, Check check, Status.Code code, String description) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> stub.respond(request));

        assertThat(e.getStatus().getCode()).isEqualTo(code);
        assertThat(e.getStatus().getDescription()).isEqualTo(description);
        assertThat(e.getTrailers().get(Check.TRAILER)).isEqualTo(check.trailerValue());
        assertThat(miner.server().authenticator().rejected(check)).isEqualTo(1);
    }

    @Test
    void acceptsAValidRequestAndHandsTheAgentItsState() {
        MinerProto.AgentReply reply = stub.respond(valid(NOW_NANOS));

        assertThat(reply.getAgentId()).isEqualTo(miner.target().uid());
        assertThat(reply.getInstructionsCount()).isEqualTo(1);
        assertThat(agent.responds).hasValue(1);
        assertThat(miner.server().authenticator().accepted()).isEqualTo(1);
    }

    @Test
    void refusesATamperedSignature() {
        MinerProto.StateRequest request = valid(NOW_NANOS);
        byte[] signature = request.getEnvelope().getSignature().toByteArray();
        signature[10] ^= 0x01;
        MinerProto.StateRequest tampered = request.toBuilder()
                .setEnvelope(request.getEnvelope().toBuilder().setSignature(ByteString.copyFrom(signature)))
                .build();

        assertRefused(tampered, Check.SIGNATURE, Status.Code.UNAUTHENTICATED,
                "signature does not verify for sender " + net.validator.address());
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        MinerProto.StateRequest request = valid(NOW_NANOS);
        ByteString otherPayload = payload.concat(ByteString.copyFrom(new byte[] {0x08, 0x01}));
        MinerProto.StateRequest tampered = request.toBuilder().setMinerPayload(otherPayload).build();

        assertRefused(tampered, Check.BODY_HASH, Status.Code.UNAUTHENTICATED, String.format(
                "body hashes to %s, envelope says %s", HexFormat.of().formatHex(BodyHash.of(books, ByteString.EMPTY, otherPayload)),
                HexFormat.of().formatHex(BodyHash.of(books, ByteString.EMPTY, payload))));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesBooksChangedAfterSigning() {
        MinerProto.StateRequest request = valid(NOW_NANOS);
        byte[] changed = books.toByteArray();
        changed[changed.length - 1] ^= 0x01;
        ByteString otherBooks = ByteString.copyFrom(changed);
        MinerProto.StateRequest tampered = request.toBuilder().setBooks(otherBooks).build();

        assertRefused(tampered, Check.BODY_HASH, Status.Code.UNAUTHENTICATED, String.format(
                "body hashes to %s, envelope says %s", HexFormat.of().formatHex(BodyHash.of(otherBooks, ByteString.EMPTY, payload)),
                HexFormat.of().formatHex(BodyHash.of(books, ByteString.EMPTY, payload))));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesBytesMovedFromTheBooksToTheMinerPart() {
        MinerProto.StateRequest request = valid(NOW_NANOS);
        ByteString shorterBooks = books.substring(0, books.size() - 1);
        ByteString longerPayload = books.substring(books.size() - 1).concat(payload);
        MinerProto.StateRequest tampered = request.toBuilder().setBooks(shorterBooks).setMinerPayload(longerPayload)
                .build();

        assertRefused(tampered, Check.BODY_HASH, Status.Code.UNAUTHENTICATED, String.format(
                "body hashes to %s, envelope says %s",
                HexFormat.of().formatHex(BodyHash.of(shorterBooks, ByteString.EMPTY, longerPayload)),
                HexFormat.of().formatHex(BodyHash.of(books, ByteString.EMPTY, payload))));
        assertThat(agent.invocations()).isZero();
    }

    /** The request as the validator sends it by default: the books as one zstd frame, signed over the three parts. */
    private MinerProto.StateRequest compressed(ByteString frame, long nonce) {
        return MinerProto.StateRequest.newBuilder()
                .setBooksZstd(frame)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(net.validator, RESPOND, nonce, miner.target().hotkey(),
                        BodyHash.of(ByteString.EMPTY, frame, payload)))
                .build();
    }

    @Test
    void acceptsBooksSentAsAZstdFrameAndHandsTheAgentTheSameState() {
        MinerProto.AgentReply reply = stub.respond(compressed(BooksCompression.compress(books), NOW_NANOS));

        assertThat(reply.getAgentId()).isEqualTo(miner.target().uid());
        assertThat(agent.responds).hasValue(1);
        assertThat(agent.states.getFirst().books()).isEqualTo(BookCodec.decodeBooks(books));
    }

    @Test
    void refusesAZstdFrameMovedIntoThePlainBooksField() {
        ByteString frame = BooksCompression.compress(books);
        MinerProto.StateRequest request = compressed(frame, NOW_NANOS);
        MinerProto.StateRequest moved = request.toBuilder().clearBooksZstd().setBooks(frame).build();

        assertRefused(moved, Check.BODY_HASH, Status.Code.UNAUTHENTICATED, String.format(
                "body hashes to %s, envelope says %s",
                HexFormat.of().formatHex(BodyHash.of(frame, ByteString.EMPTY, payload)),
                HexFormat.of().formatHex(BodyHash.of(ByteString.EMPTY, frame, payload))));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesAFrameThatWouldDecompressBeyondTheInboundLimitWithoutHandingTheAgentAnything() {
        // 80 MiB of zeros compress to a few KB; the miner's inbound limit is 64 MiB
        ByteString bomb = BooksCompression.compress(ByteString.copyFrom(new byte[80 << 20]));
        assertThat(bomb.size()).isLessThan(1 << 20);

        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.respond(compressed(bomb, NOW_NANOS)));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).isEqualTo(String.format(
                "state: books_zstd: decompresses to %d bytes, over the limit of %d bytes", 80 << 20, 64 << 20));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesBooksGivenBothPlainAndCompressed() {
        ByteString frame = BooksCompression.compress(books);
        MinerProto.StateRequest both = MinerProto.StateRequest.newBuilder()
                .setBooks(books)
                .setBooksZstd(frame)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(net.validator, RESPOND, NOW_NANOS, miner.target().hotkey(),
                        BodyHash.of(books, frame, payload)))
                .build();

        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> stub.respond(both));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).isEqualTo("state: books and books_zstd are both set");
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesASignatureMadeForAnotherMethod() {
        MinerProto.StateRequest request = MinerProto.StateRequest.newBuilder()
                .setBooks(books)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(net.validator, "Notify", NOW_NANOS, miner.target().hotkey(),
                        BodyHash.of(books, ByteString.EMPTY, payload)))
                .build();

        assertRefused(request, Check.SIGNATURE, Status.Code.UNAUTHENTICATED,
                "signature does not verify for sender " + net.validator.address());
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesARequestWithoutEnvelope() {
        MinerProto.StateRequest request = valid(NOW_NANOS).toBuilder().clearEnvelope().build();

        assertRefused(request, Check.ENVELOPE, Status.Code.UNAUTHENTICATED, "request carries no envelope");
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesARequestAddressedToAnotherMiner() throws Exception {
        var other = net.miner("other", new TestAgents.Echo(), c -> c);

        assertRefused(signed(net.validator, other.target().hotkey(), NOW_NANOS), Check.RECEIVER,
                Status.Code.INVALID_ARGUMENT, String.format("request addressed to %s, this miner is %s",
                        other.target().hotkey(), miner.target().hotkey()));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesANonceOlderThanTheWindow() {
        long stale = NOW_NANOS - 31_000_000_000L;

        assertRefused(valid(stale), Check.NONCE_WINDOW, Status.Code.UNAUTHENTICATED, String.format(
                "nonce %d is 31000 ms behind the miner clock, window is +/-30000 ms", stale));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesANonceFromTooFarAhead() {
        long ahead = NOW_NANOS + 30_000_000_001L;

        assertRefused(valid(ahead), Check.NONCE_WINDOW, Status.Code.UNAUTHENTICATED, String.format(
                "nonce %d is 30000 ms ahead of the miner clock, window is +/-30000 ms", ahead));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void acceptsNoncesAtTheEdgesOfTheWindow() {
        stub.respond(valid(NOW_NANOS - 30_000_000_000L));
        stub.respond(valid(NOW_NANOS + 30_000_000_000L));

        assertThat(agent.responds).hasValue(2);
    }

    @Test
    void refusesAReplayedRequestWithoutInvokingTheAgentAgain() {
        MinerProto.StateRequest request = valid(NOW_NANOS);
        stub.respond(request);

        assertRefused(request, Check.REPLAY, Status.Code.UNAUTHENTICATED, String.format(
                "nonce %d is not above %d, the last accepted from %s for Respond", NOW_NANOS, NOW_NANOS,
                net.validator.address()));
        assertThat(agent.responds).hasValue(1);
        assertThat(agent.starts).hasValue(1);
    }

    @Test
    void refusesAnOlderNonceAfterANewerOne() {
        stub.respond(valid(NOW_NANOS + 5));

        assertRefused(valid(NOW_NANOS + 4), Check.REPLAY, Status.Code.UNAUTHENTICATED, String.format(
                "nonce %d is not above %d, the last accepted from %s for Respond", NOW_NANOS + 4, NOW_NANOS + 5,
                net.validator.address()));
        assertThat(agent.responds).hasValue(1);
    }

    @Test
    void refusesAnUnregisteredSender() {
        assertRefused(signed(net.stranger, miner.target().hotkey(), NOW_NANOS), Check.REGISTRATION,
                Status.Code.PERMISSION_DENIED, String.format("sender %s is not registered on subnet 79",
                        net.stranger.address()));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesASenderWithoutValidatorPermit() {
        assertRefused(signed(net.unpermitted, miner.target().hotkey(), NOW_NANOS), Check.PERMIT,
                Status.Code.PERMISSION_DENIED, String.format("sender %s (uid 1) has no validator permit on subnet 79",
                        net.unpermitted.address()));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void aRefusedNonceIsNotBurned() {
        MinerProto.StateRequest fromStranger = signed(net.stranger, miner.target().hotkey(), NOW_NANOS);
        catchThrowableOfType(StatusRuntimeException.class, () -> stub.respond(fromStranger));

        stub.respond(valid(NOW_NANOS));

        assertThat(agent.responds).hasValue(1);
    }

    /** A request naming the books by hash only, signed over the four parts. */
    private MinerProto.StateRequest byReference(ByteString sha256, long nonce) {
        return MinerProto.StateRequest.newBuilder()
                .setBooksSha256(sha256)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(net.validator, RESPOND, nonce, miner.target().hotkey(),
                        BodyHash.of(ByteString.EMPTY, ByteString.EMPTY, payload, sha256)))
                .build();
    }

    /** The books as a zstd frame, named by {@code sha256}, signed over the four parts. */
    private MinerProto.StateRequest named(ByteString frame, ByteString sha256, long nonce) {
        return MinerProto.StateRequest.newBuilder()
                .setBooksZstd(frame)
                .setBooksSha256(sha256)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(net.validator, RESPOND, nonce, miner.target().hotkey(),
                        BodyHash.of(ByteString.EMPTY, frame, payload, sha256)))
                .build();
    }

    /** A hash no test sends books under: the SHA-256 of fresh random bytes. */
    private static ByteString unknownHash() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return BooksReference.sha256(ByteString.copyFrom(random));
    }

    @Test
    void takesBooksNamedByHashFromAnEarlierRequestOfTheProcess() {
        ByteString frame = BooksCompression.compress(books);
        ByteString sha256 = BooksReference.sha256(frame);

        MinerProto.AgentReply first = stub.respond(named(frame, sha256, NOW_NANOS));
        MinerProto.AgentReply second = stub.respond(byReference(sha256, NOW_NANOS + 1));

        assertThat(first.getAgentId()).isEqualTo(second.getAgentId()).isEqualTo(miner.target().uid());
        assertThat(first.getBooksCache()).isEqualTo(second.getBooksCache()).isEqualTo(SharedBooks.process().id());
        assertThat(agent.responds).hasValue(2);
        assertThat(agent.states.get(1).books()).isEqualTo(BookCodec.decodeBooks(books));
        // decoded once for the process: the second agent call reads the very records of the first
        assertThat(agent.states.get(1).books().getFirst()).isSameAs(agent.states.get(0).books().getFirst());
    }

    @Test
    void answersABooksHashThisProcessNeverReceivedAsUnknownWithoutCallingTheAgent() {
        ByteString sha256 = unknownHash();

        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.respond(byReference(sha256, NOW_NANOS)));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(e.getStatus().getDescription()).isEqualTo(String.format("books_sha256 %s: no books under this "
                + "hash reached this process within 1000 ms", HexFormat.of().formatHex(sha256.toByteArray())));
        assertThat(e.getTrailers().get(BooksReference.TRAILER.key())).isEqualTo(UnknownTrailer.UNKNOWN);
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void refusesBooksThatDoNotHashToTheNameTheyCarry() {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.respond(named(BooksCompression.compress(books), unknownHash(), NOW_NANOS)));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription())
                .isEqualTo("state: books_sha256 is not the SHA-256 of the books sent");
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void theBooksHashIsSignedWithTheBody() {
        ByteString signedFor = unknownHash();
        ByteString other = unknownHash();
        MinerProto.StateRequest swapped = byReference(signedFor, NOW_NANOS).toBuilder().setBooksSha256(other).build();

        assertRefused(swapped, Check.BODY_HASH, Status.Code.UNAUTHENTICATED, String.format(
                "body hashes to %s, envelope says %s",
                HexFormat.of().formatHex(BodyHash.of(ByteString.EMPTY, ByteString.EMPTY, payload, other)),
                HexFormat.of().formatHex(BodyHash.of(ByteString.EMPTY, ByteString.EMPTY, payload, signedFor))));
        assertThat(agent.invocations()).isZero();
    }
}
