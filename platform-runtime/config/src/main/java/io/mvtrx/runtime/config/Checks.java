package io.mvtrx.runtime.config;

/** Invariant checks shared by the configuration records; every message names the key, the constraint and the value. */
final class Checks {

    private Checks() {
    }

    static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(String.format("%s must be >= %d, got %d", key, min, value));
        }
        return value;
    }

    static long within(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format("%s must be within %d..%d, got %d", key, min, max, value));
        }
        return value;
    }

    static <T> T present(String key, T value) {
        if (value == null) {
            throw new IllegalArgumentException(String.format("%s is required, got null", key));
        }
        return value;
    }

    static String text(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(String.format("%s must be non-blank, got '%s'", key, value));
        }
        return value;
    }
}
