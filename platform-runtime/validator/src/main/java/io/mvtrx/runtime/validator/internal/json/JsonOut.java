package io.mvtrx.runtime.validator.internal.json;

import java.math.BigDecimal;

/**
 * Writes JSON numbers and strings. Doubles are written as Python's {@code repr} writes them (the shortest digits
 * that read back to the same double; exponent form below 1e-4 and from 1e16, e.g. {@code 1e-05}, {@code 0.5},
 * {@code 2.0}), so output compares textually with the reference's {@code json.dumps}.
 */
public final class JsonOut {

    private JsonOut() {
    }

    /** A finite double as Python's {@code repr}. */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("JSON has no " + x);
        }
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.d1d2...dn × 10^point
        int point = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(x < 0 ? "-" : "");
        if (point < -3 || point > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length())).append(".0");
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /** A float32 value written as the double it is exactly (what torch's {@code tolist()} gives). */
    public static String number(float x) {
        return number((double) x);
    }

    /** A JSON string literal. */
    public static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
