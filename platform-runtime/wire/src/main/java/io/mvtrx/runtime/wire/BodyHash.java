package io.mvtrx.runtime.wire;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.google.protobuf.ByteString;

/**
 * The body hash a request is signed over: SHA-256 of its body parts, each preceded by its length as 8 bytes
 * big-endian, so bytes cannot be moved from one part to the next without changing the hash. A state request's
 * parts are {@code books}, {@code books_zstd} (one of the two is empty, or both when the books go by reference),
 * {@code miner_payload}, and {@code books_sha256} when set ({@link BooksReference#bodyParts}); a notice request's
 * only part is {@code notices}.
 *
 * <p>{@link Prefix} absorbs shared first parts once (a step's books) and finishes per miner from a copy of the
 * digest state, so N miners cost one pass over the books plus N passes over their small payloads.
 *
 * <p>Stateless and thread-safe; a {@link Prefix} is immutable and may be finished from many threads.
 */
public final class BodyHash {

    /** Length of a SHA-256 digest. */
    public static final int LENGTH = 32;

    private BodyHash() {
    }

    /** The hash of the given parts, in order. */
    public static byte[] of(ByteString... parts) {
        MessageDigest digest = sha256();
        for (ByteString part : parts) {
            absorb(digest, part);
        }
        return digest.digest();
    }

    /** A digest that has absorbed the {@code first} parts, in order; finish it with the remaining parts. */
    public static Prefix prefix(ByteString... first) {
        MessageDigest digest = sha256();
        for (ByteString part : first) {
            absorb(digest, part);
        }
        return new Prefix(digest);
    }

    /** A digest state after the shared first parts. */
    public static final class Prefix {

        private final MessageDigest state;

        private Prefix(MessageDigest state) {
            this.state = state;
        }

        /** The hash of the first parts followed by {@code rest}. */
        public byte[] finish(ByteString... rest) {
            MessageDigest digest;
            try {
                synchronized (state) {
                    digest = (MessageDigest) state.clone();
                }
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 digest cannot be cloned", e);
            }
            for (ByteString part : rest) {
                absorb(digest, part);
            }
            return digest.digest();
        }
    }

    private static void absorb(MessageDigest digest, ByteString part) {
        long length = part.size();
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (length >>> shift));
        }
        update(digest, part);
    }

    /** Absorbs {@code part}'s bytes, piece by piece when it is a join of pieces (the books' parts): no flat copy. */
    static void update(MessageDigest digest, ByteString part) {
        for (ByteBuffer piece : part.asReadOnlyByteBufferList()) {
            digest.update(piece);
        }
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
