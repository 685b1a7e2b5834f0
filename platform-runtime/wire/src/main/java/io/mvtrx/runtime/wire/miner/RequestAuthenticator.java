package io.mvtrx.runtime.wire.miner;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.wire.BodyHash;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.NonceClock;
import io.mvtrx.runtime.wire.WireSignature;
import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * The one gate in front of the miner's services, installed on the gRPC routing. Each request message is checked
 * in the order of {@link Check} — size, envelope shape, receiver, body hash, signature, nonce window, registration
 * and validator permit, replay — and the first failure closes the call with that check's status, a description
 * naming the values, and the {@link Check#TRAILER} trailer. A refused request never reaches the service, so the
 * agent sees nothing of it. Only the last step, replay, changes state: the sender's last accepted nonce for the
 * method moves up, atomically, so of two concurrent copies of a request exactly one passes.
 *
 * <p>A request too large for the server's read buffer (the hard cap, a little above the inbound limit) never
 * arrives as a message; the call is then closed with {@link Check#SIZE} when the server abandons it. The server
 * abandons a message that is not protobuf the same way, and the two cannot be told apart here, so that answer's
 * description names both.
 *
 * <p>Thread-safe. Cost per request: one SHA-256 pass over the body and one Ed25519 verification; a metagraph read
 * at most once per refresh interval.
 */
public final class RequestAuthenticator implements ServerInterceptor {

    private static final System.Logger LOG = System.getLogger(RequestAuthenticator.class.getName());

    private final String hotkey;
    private final int maxInboundBytes;
    private final long nonceWindowNanos;
    private final MetagraphCache metagraph;
    private final InstantSource clock;
    private final Map<String, AtomicLong> lastNonce = new ConcurrentHashMap<>();
    private final AtomicLongArray rejected = new AtomicLongArray(Check.values().length);
    private final AtomicLong accepted = new AtomicLong();

    /**
     * Guards a miner serving as {@code hotkey}.
     *
     * @param hotkey          the only receiver accepted
     * @param maxInboundBytes largest serialized request accepted
     * @param nonceWindow     how far a nonce may be from {@code clock}, either way
     * @param metagraph       who is registered and who holds a validator permit
     * @param clock           the miner's clock
     */
    public RequestAuthenticator(String hotkey, int maxInboundBytes, Duration nonceWindow, MetagraphCache metagraph,
                                InstantSource clock) {
        this.hotkey = hotkey;
        this.maxInboundBytes = maxInboundBytes;
        this.nonceWindowNanos = nonceWindow.toNanos();
        this.metagraph = metagraph;
        this.clock = clock;
    }

    /** A refused request: the check it failed and why. */
    record Rejection(Check check, String description) {

        Status status() {
            return Status.fromCode(check.code()).withDescription(description);
        }

        Metadata trailers() {
            Metadata trailers = new Metadata();
            trailers.put(Check.TRAILER, check.trailerValue());
            return trailers;
        }
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {

            private volatile boolean received;
            private volatile boolean refused;

            @Override
            public void onMessage(Q message) {
                received = true;
                Optional<Rejection> rejection = check(message, method);
                if (rejection.isPresent()) {
                    refused = true;
                    refuse(call, rejection.get());
                    return;
                }
                accepted.incrementAndGet();
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                if (!received && !refused && !call.isCancelled()) {
                    // The server gave up reading the message: larger than its read buffer (or not protobuf).
                    refused = true;
                    refuse(call, new Rejection(Check.SIZE, String.format(
                            "request could not be read: larger than the miner's inbound limit of %d bytes,"
                                    + " or malformed", maxInboundBytes)));
                }
                super.onCancel();
            }
        };
    }

    /** Requests refused by {@code check} so far. */
    public long rejected(Check check) {
        return rejected.get(check.ordinal());
    }

    /** Refusals so far, by check. */
    public Map<Check, Long> rejections() {
        Map<Check, Long> out = new EnumMap<>(Check.class);
        for (Check check : Check.values()) {
            out.put(check, rejected(check));
        }
        return out;
    }

    /** Requests that passed every check. */
    public long accepted() {
        return accepted.get();
    }

    private void refuse(ServerCall<?, ?> call, Rejection rejection) {
        rejected.incrementAndGet(rejection.check().ordinal());
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("refused %s: %s", rejection.check(),
                rejection.description()));
        try {
            call.close(rejection.status(), rejection.trailers());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not close a refused call", e);
        }
    }

    /** The first check {@code message} fails for {@code method}, or empty when it passes them all. */
    Optional<Rejection> check(Object message, String method) {
        MinerProto.Envelope envelope;
        ByteString[] body;
        int size;
        boolean hasEnvelope;
        switch (message) {
            case MinerProto.StateRequest r -> {
                size = r.getSerializedSize();
                hasEnvelope = r.hasEnvelope();
                envelope = r.getEnvelope();
                body = BooksReference.bodyParts(r);
            }
            case MinerProto.NoticeRequest r -> {
                size = r.getSerializedSize();
                hasEnvelope = r.hasEnvelope();
                envelope = r.getEnvelope();
                body = new ByteString[] {r.getNotices()};
            }
            case MinerProto.AssignmentRequest r -> {
                size = r.getSerializedSize();
                hasEnvelope = r.hasEnvelope();
                envelope = r.getEnvelope();
                body = new ByteString[] {r.getAssignment()};
            }
            default -> {
                return reject(Check.ENVELOPE, "request type %s carries no envelope",
                        message.getClass().getSimpleName());
            }
        }
        if (size > maxInboundBytes) {
            return reject(Check.SIZE, "request of %d bytes exceeds the miner's inbound limit of %d bytes", size,
                    maxInboundBytes);
        }
        if (!hasEnvelope) {
            return reject(Check.ENVELOPE, "request carries no envelope");
        }
        String sender = envelope.getSenderHotkey();
        if (!WireSignature.isWellFormedHotkey(sender)) {
            return reject(Check.ENVELOPE, "sender hotkey '%s' is not 1..128 letters and digits", sender);
        }
        if (envelope.getBodySha256().size() != BodyHash.LENGTH) {
            return reject(Check.ENVELOPE, "body_sha256 must be %d bytes, got %d", BodyHash.LENGTH,
                    envelope.getBodySha256().size());
        }
        if (envelope.getSignature().size() != WireSignature.SIGNATURE_LENGTH) {
            return reject(Check.ENVELOPE, "signature must be %d bytes, got %d", WireSignature.SIGNATURE_LENGTH,
                    envelope.getSignature().size());
        }
        if (!hotkey.equals(envelope.getReceiverHotkey())) {
            return reject(Check.RECEIVER, "request addressed to %s, this miner is %s", envelope.getReceiverHotkey(),
                    hotkey);
        }
        byte[] actual = BodyHash.of(body);
        if (!MessageDigest.isEqual(actual, envelope.getBodySha256().toByteArray())) {
            return reject(Check.BODY_HASH, "body hashes to %s, envelope says %s", HexFormat.of().formatHex(actual),
                    HexFormat.of().formatHex(envelope.getBodySha256().toByteArray()));
        }
        if (!WireSignature.verify(envelope, method)) {
            return reject(Check.SIGNATURE, "signature does not verify for sender %s", sender);
        }
        long nonce = envelope.getNonce();
        long now = NonceClock.nanos(clock.instant());
        long skew = saturatingSubtract(nonce, now);
        if (Math.abs(skew) > nonceWindowNanos || skew == Long.MIN_VALUE) {
            return reject(Check.NONCE_WINDOW, "nonce %d is %d ms %s the miner clock, window is +/-%d ms", nonce,
                    Math.abs(skew / 1_000_000), skew < 0 ? "behind" : "ahead of", nonceWindowNanos / 1_000_000);
        }
        Optional<Neuron> neuron;
        try {
            neuron = metagraph.lookup(sender);
        } catch (MetagraphCache.Unavailable e) {
            return reject(Check.METAGRAPH, "%s", e.getMessage());
        }
        if (neuron.isEmpty()) {
            return reject(Check.REGISTRATION, "sender %s is not registered on subnet %d", sender,
                    metagraph.netuid());
        }
        if (!neuron.get().validatorPermit()) {
            return reject(Check.PERMIT, "sender %s (uid %d) has no validator permit on subnet %d", sender,
                    neuron.get().uid(), metagraph.netuid());
        }
        AtomicLong last = lastNonce.computeIfAbsent(method + '|' + sender, k -> new AtomicLong(Long.MIN_VALUE));
        long previous = last.getAndAccumulate(nonce, Math::max);
        if (nonce <= previous) {
            return reject(Check.REPLAY, "nonce %d is not above %d, the last accepted from %s for %s", nonce,
                    previous, sender, method);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(Check check, String format, Object... args) {
        return Optional.of(new Rejection(check, String.format(format, args)));
    }

    private static long saturatingSubtract(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }
}
