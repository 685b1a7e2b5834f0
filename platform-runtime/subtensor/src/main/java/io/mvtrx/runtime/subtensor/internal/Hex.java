package io.mvtrx.runtime.subtensor.internal;

import java.util.HexFormat;

/** {@code 0x}-prefixed lower-case hex, the form JSON-RPC carries bytes in. */
public final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** {@code 0x} and the lower-case hex of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    /** The bytes of hex text with or without {@code 0x}. */
    public static byte[] decode(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        try {
            return HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: " + abbreviate(hex) + " (" + e.getMessage() + ")", e);
        }
    }

    /** Lower-case hex without prefix. */
    public static String plain(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static String abbreviate(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
