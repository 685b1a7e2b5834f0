package io.mvtrx.runtime.bittensor.keys;

/** The outcome of checking an sr25519 signature; only {@link #VALID} accepts it. */
public enum Sr25519Verification {
    /** The signature is valid for the key, context and message. */
    VALID,
    /** The public key is not 32 bytes or the signature not 64 bytes. */
    BAD_LENGTH,
    /** Bit 7 of byte 63 is clear: a pre-audit ("deprecated") schnorrkel signature, rejected as sp-core does. */
    MARKER_MISSING,
    /** The s half is not a canonical scalar below the group order. */
    NON_CANONICAL_SCALAR,
    /** The public key is not a valid Ristretto255 encoding. */
    INVALID_PUBLIC_KEY,
    /** Everything decodes but s·B − k·P differs from R: wrong key, message, context or signature. */
    EQUATION_FALSE
}
