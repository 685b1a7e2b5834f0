package io.mvtrx.runtime.wire.codec;

/** Presence checks shared by the decoders. */
final class Checks {

    private Checks() {
    }

    /** Refuses an unset sub-message the record cannot do without. */
    static void require(boolean present, String field) {
        if (!present) {
            throw new WireFormatException("field '%s' is unset", field);
        }
    }
}
