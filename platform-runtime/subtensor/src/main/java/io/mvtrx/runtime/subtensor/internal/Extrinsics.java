package io.mvtrx.runtime.subtensor.internal;

import java.util.function.UnaryOperator;

/** Signed v4 extrinsics: {@code len ‖ 0x84 ‖ MultiAddress::Id ‖ MultiSignature::Sr25519 ‖ extra ‖ call}. */
public final class Extrinsics {

    private static final int SIGNED_V4 = 0x84;
    private static final int ADDRESS_ID = 0x00;
    private static final int SIGNATURE_SR25519 = 0x01;
    private static final int MAX_UNHASHED_PAYLOAD = 256;

    private Extrinsics() {
    }

    /** {@code call ‖ extra ‖ additional}. */
    public static byte[] payload(byte[] call, SignedExtensions.Parts parts) {
        return new ScaleWriter().raw(call).raw(parts.extra()).raw(parts.additional()).toBytes();
    }

    /** What is signed: the payload, or its BLAKE2b-256 when longer than 256 bytes. */
    public static byte[] signingMessage(byte[] payload) {
        return payload.length > MAX_UNHASHED_PAYLOAD ? Hashing.blake2b256(payload) : payload;
    }

    /** The signed extrinsic with its compact length prefix. */
    public static byte[] signed(byte[] call, SignedExtensions.Parts parts, byte[] signerPublicKey,
                                UnaryOperator<byte[]> sign) {
        byte[] signature = sign.apply(signingMessage(payload(call, parts)));
        byte[] body = new ScaleWriter().u8(SIGNED_V4).u8(ADDRESS_ID).raw(signerPublicKey).u8(SIGNATURE_SR25519)
                .raw(signature).raw(parts.extra()).raw(call).toBytes();
        return new ScaleWriter().bytes(body).toBytes();
    }
}
