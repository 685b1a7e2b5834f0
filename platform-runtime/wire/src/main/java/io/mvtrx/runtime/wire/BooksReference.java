package io.mvtrx.runtime.wire;

import java.security.MessageDigest;

import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;

/**
 * The books by reference: a state request may name its step's books by their SHA-256 ({@code books_sha256}) instead
 * of carrying them, when another miner of the receiving miner's process received them inline. A process serving
 * many hotkeys (the bench's 256 miners, an operator's rack of hotkeys) then takes one copy of the books per step
 * instead of one per hotkey. What both sides share: the hash, the body parts a state request is signed over, and the
 * answer a miner gives when the books it was pointed to never arrived.
 *
 * <p>Stateless and thread-safe.
 */
public final class BooksReference {

    /** What a miner answers when it could not resolve what a request named: {@code mvtrx-books: unknown}. */
    public static final UnknownTrailer TRAILER = UnknownTrailer.named("mvtrx-books");

    private BooksReference() {
    }

    /** SHA-256 of the books as a request carries them (the zstd frames, or the plain books). */
    public static ByteString sha256(ByteString sent) {
        Digest digest = digest();
        digest.add(sent);
        return digest.finish();
    }

    /** A digest for {@link #sha256} of books given in consecutive parts, hashed as each part is ready. */
    public static Digest digest() {
        return new Digest(BodyHash.sha256());
    }

    /** {@link #sha256} taken part by part. Not thread-safe. */
    public static final class Digest {

        private final MessageDigest state;

        private Digest(MessageDigest state) {
            this.state = state;
        }

        /** Absorbs the next part of the books as sent. */
        public void add(ByteString part) {
            BodyHash.update(state, part);
        }

        /** The SHA-256 of every part added, in order. */
        public ByteString finish() {
            return ByteString.copyFrom(state.digest());
        }
    }

    /**
     * The body parts a state request is signed over, in order: {@code books}, {@code books_zstd},
     * {@code miner_payload}, and {@code books_sha256} when it is set (the parts are length-framed, so a request with
     * three parts never hashes like one with four).
     */
    public static ByteString[] bodyParts(MinerProto.StateRequest request) {
        return request.getBooksSha256().isEmpty()
                ? new ByteString[] {request.getBooks(), request.getBooksZstd(), request.getMinerPayload()}
                : new ByteString[] {request.getBooks(), request.getBooksZstd(), request.getMinerPayload(),
                    request.getBooksSha256()};
    }
}
