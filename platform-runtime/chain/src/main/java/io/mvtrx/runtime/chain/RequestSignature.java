package io.mvtrx.runtime.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a chain write is signed over: {@code METHOD \n path \n nonce \n hex(sha256(body))}. The signer is the hotkey
 * the write acts for, sent in {@code X-Hotkey} (hex Ed25519 public key) with {@code X-Nonce} (ns since the epoch,
 * increasing per hotkey) and {@code X-Signature} (base64).
 */
final class RequestSignature {

    static final String HOTKEY = "X-Hotkey";
    static final String NONCE = "X-Nonce";
    static final String SIGNATURE = "X-Signature";

    private RequestSignature() {
    }

    static byte[] message(String method, String path, long nonce, byte[] body) {
        String text = method + "\n" + path + "\n" + nonce + "\n" + HexFormat.of().formatHex(sha256(body));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
