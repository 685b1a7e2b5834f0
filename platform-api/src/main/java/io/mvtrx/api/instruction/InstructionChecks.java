package io.mvtrx.api.instruction;

/** Shape checks shared by the instruction records; value checks against a book happen at the exchange. */
final class InstructionChecks {

    private InstructionChecks() {
    }

    static void requireNonNull(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("instruction field '" + field + "' is required");
        }
    }

    static void requireDelay(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("instruction delay must be >= 0 ns, got " + delay);
        }
    }
}
