package io.mvtrx.runtime.bittensor.axon;

/** Version numbers the protocol exchanges. */
public final class ProtocolVersion {

    /** The bittensor version this implementation speaks, as the header integer (10.5.0, what τaos 0.5.4 pins). */
    public static final int BITTENSOR = 10_005_000;

    /** From this dendrite version on the axon checks the nonce's age, not only its order (bittensor.md §1.5). */
    public static final int NONCE_WINDOW_FROM = 7_002_000;

    /** The τaos spec version sent in {@code version} (1000·major + 10·minor + patch; 0.5.4 → 54). */
    public static final int TAOS_SPEC = 54;

    /** From this τaos spec version on the payload parts are msgpack, before it JSON. */
    public static final int MSGPACK_FROM = 45;

    private ProtocolVersion() {
    }

    /** major·10⁶ + minor·10³ + patch of a dotted version ("10.5.0" → 10005000). */
    public static int headerValue(String dotted) {
        String[] parts = dotted.strip().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("version '" + dotted + "' is not major.minor.patch");
        }
        return Integer.parseInt(parts[0]) * 1_000_000 + Integer.parseInt(parts[1]) * 1_000 + Integer.parseInt(parts[2]);
    }
}
