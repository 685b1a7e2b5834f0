package io.mvtrx.runtime.simulator.log;

/**
 * The running hash of an event log: every field of every record, in file order and widened to a long, is folded in
 * with {@code h = (rotl(h, 27) ^ v) · 0x9E3779B97F4A7C15}. For a fixed remainder each fold is a bijection of
 * {@code h}, so a log that differs in one field always ends with a different hash. {@link #finish} mixes the state
 * (SplitMix64's finaliser) for printing.
 *
 * <p>Not a cryptographic hash: it detects differences between honest runs, it does not resist forgery.
 */
public final class EventLogHash {

    /** The state before the first field. */
    public static final long INITIAL = 0x6D7674_72784C33L;

    private static final long K = 0x9E3779B97F4A7C15L;

    private EventLogHash() {
    }

    /** Folds one field into the state. */
    public static long fold(long h, long v) {
        return (Long.rotateLeft(h, 27) ^ v) * K;
    }

    /** The printed form of a state: SplitMix64's finaliser of it. */
    public static long finish(long h) {
        long z = h;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash as 16 lower-case hex digits. */
    public static String hex(long hash) {
        return String.format("%016x", hash);
    }
}
