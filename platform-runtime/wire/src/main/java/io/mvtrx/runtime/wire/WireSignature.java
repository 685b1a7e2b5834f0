package io.mvtrx.runtime.wire;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;

/**
 * What a request is signed over. The signing string is the UTF-8 text
 * <pre>
 * mvtrx.wire.v1|{method}|{nonce}|{sender}|{receiver}|{hex(body_sha256)}
 * </pre>
 * with {@code method} the bare gRPC method name ({@code Respond}, {@code Notify}), {@code nonce} in decimal,
 * {@code sender} and {@code receiver} the hotkeys as sent, and the body hash of {@link BodyHash} in lower-case hex.
 * The method name keeps a signature for one method from being replayed against another; hotkeys are restricted to
 * letters and digits, so the separator cannot occur inside a field. The signature is Ed25519 (64 bytes) by the
 * sender's hotkey, whose hex is its 32-byte public key.
 *
 * <p>Stateless and thread-safe.
 */
public final class WireSignature {

    /** Version tag at the start of every signing string. */
    public static final String DOMAIN = "mvtrx.wire.v1";

    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final Pattern HOTKEY = Pattern.compile("[0-9A-Za-z]{1,128}");
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private WireSignature() {
    }

    /** The bytes signed for a request. */
    public static byte[] signingBytes(String method, long nonce, String sender, String receiver, byte[] bodySha256) {
        String text = DOMAIN + '|' + method + '|' + nonce + '|' + sender + '|' + receiver + '|'
                + HexFormat.of().formatHex(bodySha256);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An envelope signed by {@code signer} for {@code receiver}. */
    public static MinerProto.Envelope sign(Keypair signer, String method, long nonce, String receiver,
                                           byte[] bodySha256) {
        String sender = signer.address();
        byte[] signature = signer.sign(signingBytes(method, nonce, sender, receiver, bodySha256));
        return MinerProto.Envelope.newBuilder()
                .setSenderHotkey(sender)
                .setReceiverHotkey(receiver)
                .setNonce(nonce)
                .setBodySha256(ByteString.copyFrom(bodySha256))
                .setSignature(ByteString.copyFrom(signature))
                .build();
    }

    /** Whether a hotkey may appear in a signing string: 1..128 letters and digits. */
    public static boolean isWellFormedHotkey(String hotkey) {
        return HOTKEY.matcher(hotkey).matches();
    }

    /**
     * Whether the envelope's signature verifies for {@code method} with the key its sender names. A sender that is
     * not the hex of a 32-byte key never verifies.
     */
    public static boolean verify(MinerProto.Envelope envelope, String method) {
        String sender = envelope.getSenderHotkey();
        if (!HEX_KEY.matcher(sender).matches()) {
            return false;
        }
        byte[] message = signingBytes(method, envelope.getNonce(), sender, envelope.getReceiverHotkey(),
                envelope.getBodySha256().toByteArray());
        return Keypair.verify(HexFormat.of().parseHex(sender), message, envelope.getSignature().toByteArray());
    }
}
