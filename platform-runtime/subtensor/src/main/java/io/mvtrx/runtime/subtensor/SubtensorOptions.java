package io.mvtrx.runtime.subtensor;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the backend talks to the node and what it signs.
 *
 * @param timeout          per-request deadline
 * @param attempts         tries per request on transport failures (1: no retry)
 * @param firstBackoff     wait before the second try, doubled after each
 * @param versionKey       {@code version_key} of weights; negative: the subnet's {@code WeightsVersionKey}
 * @param axonVersion      {@code version} published with the axon (the SDK's version as an integer)
 * @param eraPeriod        blocks a signed transaction stays valid
 * @param revealPoll       how often pending weight reveals are checked (zero: only on explicit calls)
 * @param randomness       signing and salt randomness
 */
public record SubtensorOptions(Duration timeout, int attempts, Duration firstBackoff, long versionKey,
                               long axonVersion, long eraPeriod, Duration revealPoll, Randomness randomness) {

    /** bittensor 10.5.0 as {@code major·10⁶ + minor·10³ + patch}, what the reference SDK publishes. */
    public static final long SDK_VERSION = 10_005_000L;

    /** 30 s requests, 3 tries from 500 ms, the subnet's version key, period 128, reveals checked every 12 s. */
    public static final SubtensorOptions DEFAULTS = new SubtensorOptions(Duration.ofSeconds(30), 3,
            Duration.ofMillis(500), -1, SDK_VERSION, 128, Duration.ofSeconds(12), Randomness.secure());

    public SubtensorOptions withTimeout(Duration value) {
        return new SubtensorOptions(value, attempts, firstBackoff, versionKey, axonVersion, eraPeriod, revealPoll,
                randomness);
    }

    public SubtensorOptions withRetries(int tries, Duration backoff) {
        return new SubtensorOptions(timeout, tries, backoff, versionKey, axonVersion, eraPeriod, revealPoll,
                randomness);
    }

    public SubtensorOptions withVersionKey(long value) {
        return new SubtensorOptions(timeout, attempts, firstBackoff, value, axonVersion, eraPeriod, revealPoll,
                randomness);
    }

    public SubtensorOptions withRevealPoll(Duration value) {
        return new SubtensorOptions(timeout, attempts, firstBackoff, versionKey, axonVersion, eraPeriod, value,
                randomness);
    }

    public SubtensorOptions withRandomness(Randomness value) {
        return new SubtensorOptions(timeout, attempts, firstBackoff, versionKey, axonVersion, eraPeriod, revealPoll,
                value);
    }

    /**
     * Where the random bytes of signatures and commit salts come from. Signatures stay unforgeable with any witness
     * bytes (schnorrkel mixes in the secret nonce); fixed bytes only make them repeatable, as test vectors need.
     */
    public interface Randomness {

        /** 32 bytes finishing a signature's witness. */
        byte[] witness();

        /** The salt of a weights commit (the SDK draws 8 u16). */
        List<Integer> salt();

        /** A system random source. */
        static Randomness secure() {
            SecureRandom random = new SecureRandom();
            return new Randomness() {
                @Override
                public byte[] witness() {
                    byte[] out = new byte[32];
                    random.nextBytes(out);
                    return out;
                }

                @Override
                public List<Integer> salt() {
                    List<Integer> out = new ArrayList<>(8);
                    for (int i = 0; i < 8; i++) {
                        out.add(random.nextInt(65536));
                    }
                    return out;
                }
            };
        }
    }
}
