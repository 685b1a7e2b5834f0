package io.mvtrx.runtime.wire;

import io.grpc.Metadata;

/**
 * A trailer by which a miner answers that something its request named by reference never reached it ({@code name:
 * unknown}, with status {@code FAILED_PRECONDITION}), so that the validator sends it whole at once: the books
 * ({@link BooksReference}) or the accounts base ({@link AccountChanges}).
 *
 * @param key the trailer's key
 */
public record UnknownTrailer(Metadata.Key<String> key) {

    /** The value of the trailer. */
    public static final String UNKNOWN = "unknown";

    /** The trailer {@code name}. */
    public static UnknownTrailer named(String name) {
        return new UnknownTrailer(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
    }

    /** Whether {@code trailers} carry this trailer saying unknown. */
    public boolean in(Metadata trailers) {
        return trailers != null && UNKNOWN.equals(trailers.get(key));
    }

    /** Trailers carrying this one, saying unknown. */
    public Metadata trailers() {
        Metadata trailers = new Metadata();
        trailers.put(key, UNKNOWN);
        return trailers;
    }
}
