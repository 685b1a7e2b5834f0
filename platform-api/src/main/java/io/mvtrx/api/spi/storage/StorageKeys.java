package io.mvtrx.api.spi.storage;

import java.nio.charset.StandardCharsets;

/**
 * The key rules every {@link StorageBackend} enforces, so that a key valid on one backend is valid on all of them
 * (an object copied from S3 to a directory keeps its key). A key is one or more {@code /}-separated segments; a
 * segment is not empty, not {@code .} or {@code ..}, holds no backslash or control character and does not start with
 * the reserved {@value #RESERVED_PREFIX} (backends use it for objects being written). A key is at most
 * {@value #MAX_KEY_BYTES} bytes of UTF-8, the S3 limit. Stateless; safe from any thread.
 */
public final class StorageKeys {

    /** Segment prefix reserved for a backend's in-flight writes; no key may use it. */
    public static final String RESERVED_PREFIX = ".mvtrx-";

    /** Longest key, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private StorageKeys() {
    }

    /**
     * Checks an object key.
     *
     * @return the key, unchanged
     * @throws IllegalArgumentException naming the key and the rule it breaks
     */
    public static String checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("invalid storage key: null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("invalid storage key '': empty");
        }
        checkPath(key, "key", false);
        return key;
    }

    /**
     * Checks a listing prefix: empty (everything), a run of whole segments ending in {@code /}, or whole segments
     * followed by the start of one ({@code data/7/bo}, {@code data/7/.}). Whole segments follow the key rules; the
     * partial last one only may not hold a backslash or a control character, since it names no directory.
     *
     * @return the prefix, unchanged
     * @throws IllegalArgumentException naming the prefix and the rule it breaks
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("invalid storage prefix: null");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        checkPath(prefix, "prefix", true);
        return prefix;
    }

    private static void checkPath(String path, String what, boolean partialLastSegment) {
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw invalid(what, path, String.format("longer than %d bytes of UTF-8", MAX_KEY_BYTES));
        }
        if (path.startsWith("/")) {
            throw invalid(what, path, "absolute (starts with '/')");
        }
        if (path.contains("//")) {
            throw invalid(what, path, "empty segment ('//')");
        }
        if (!partialLastSegment && path.endsWith("/")) {
            throw invalid(what, path, "ends with '/'");
        }
        int start = 0;
        while (start < path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                String last = path.substring(start);
                if (partialLastSegment) {
                    checkCharacters(what, path, last);
                } else {
                    checkSegment(what, path, last);
                }
                return;
            }
            checkSegment(what, path, path.substring(start, end));
            start = end + 1;
        }
    }

    private static void checkSegment(String what, String path, String segment) {
        if (segment.isEmpty()) {
            throw invalid(what, path, "empty segment ('//')");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw invalid(what, path, String.format("segment '%s' is not allowed", segment));
        }
        if (segment.startsWith(RESERVED_PREFIX)) {
            throw invalid(what, path, String.format("segment '%s' uses the reserved prefix '%s'", segment,
                    RESERVED_PREFIX));
        }
        checkCharacters(what, path, segment);
    }

    private static void checkCharacters(String what, String path, String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') {
                throw invalid(what, path, "contains '\\'");
            }
            if (Character.isISOControl(c)) {
                throw invalid(what, path, String.format("contains control character U+%04X", (int) c));
            }
        }
    }

    private static IllegalArgumentException invalid(String what, String path, String reason) {
        return new IllegalArgumentException(String.format("invalid storage %s '%s': %s", what, path, reason));
    }
}
