package io.mvtrx.runtime.wire;

import java.util.Locale;
import java.util.Optional;

import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The checks a miner makes on every request before its agent sees anything, in the order it makes them, each with
 * the gRPC status it answers when the request fails it. A rejection carries the check's {@link #trailerValue()} in
 * the {@link #TRAILER} trailer, which is how a validator tells a miner's refusal from a transport failure.
 */
public enum Check {
    /** The serialized request is larger than the miner's inbound limit. */
    SIZE(Status.Code.RESOURCE_EXHAUSTED),
    /** No envelope, or a malformed sender, hash or signature field. */
    ENVELOPE(Status.Code.UNAUTHENTICATED),
    /** The request is addressed to another hotkey. */
    RECEIVER(Status.Code.INVALID_ARGUMENT),
    /** The body does not hash to the envelope's body hash. */
    BODY_HASH(Status.Code.UNAUTHENTICATED),
    /** The signature does not verify with the sender's key. */
    SIGNATURE(Status.Code.UNAUTHENTICATED),
    /** The nonce is too far from the miner's clock. */
    NONCE_WINDOW(Status.Code.UNAUTHENTICATED),
    /** The metagraph could not be loaded, so the sender cannot be looked up. */
    METAGRAPH(Status.Code.UNAVAILABLE),
    /** The sender is not registered on the subnet. */
    REGISTRATION(Status.Code.PERMISSION_DENIED),
    /** The sender is registered but holds no validator permit. */
    PERMIT(Status.Code.PERMISSION_DENIED),
    /** The nonce is not above the last nonce accepted from this sender for this method. */
    REPLAY(Status.Code.UNAUTHENTICATED);

    /** Trailer naming the check a rejected request failed. */
    public static final Metadata.Key<String> TRAILER = Metadata.Key.of("mvtrx-check", Metadata.ASCII_STRING_MARSHALLER);

    private final Status.Code code;

    Check(Status.Code code) {
        this.code = code;
    }

    /** The status code a failure of this check answers. */
    public Status.Code code() {
        return code;
    }

    /** The trailer value: the name in lower case with dashes ({@code body-hash}). */
    public String trailerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The check a trailer value names. */
    public static Optional<Check> ofTrailer(String value) {
        for (Check check : values()) {
            if (check.trailerValue().equals(value)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }
}
