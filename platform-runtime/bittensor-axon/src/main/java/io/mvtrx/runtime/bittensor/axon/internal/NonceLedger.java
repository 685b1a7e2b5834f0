package io.mvtrx.runtime.bittensor.axon.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.bittensor.axon.ProtocolVersion;

/**
 * The Python axon's nonce rule (bittensor.md §1.5), per {@code "{hotkey}:{uuid}"}: a dendrite of version ≥ 7.2.0
 * with no nonce on record must send one newer than {@code now − 4 s − timeout}; once one is recorded, each must be
 * greater than the last. No upper bound, as in the reference. The ledger keeps at most {@code capacity} keys,
 * forgetting the least recently accepted (a forgotten key falls back to the age window).
 *
 * <p>Thread-safe.
 */
public final class NonceLedger {

    /** The allowance added to the caller's timeout. */
    public static final long ALLOWED_DELTA_NANOS = 4_000_000_000L;

    private final Map<String, Long> last;

    public NonceLedger(int capacity) {
        this.last = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Why {@code nonce} is not acceptable now, or empty when it is. Records nothing. */
    public synchronized Optional<String> check(String key, long nonce, long version, double timeoutSeconds,
                                               long nowNanos) {
        Long stored = last.get(key);
        if (version >= ProtocolVersion.NONCE_WINDOW_FROM && stored == null) {
            long window = ALLOWED_DELTA_NANOS + (long) (timeoutSeconds * 1e9);
            if (nonce <= nowNanos - window) {
                return Optional.of(String.format(
                        "Nonce is too old: acceptable delta is %.2f seconds but request was %.2f seconds old",
                        window / 1e9, (nowNanos - nonce) / 1e9));
            }
        }
        if (stored != null && nonce <= stored) {
            return Optional.of("Nonce is too old, a newer one was last processed");
        }
        return Optional.empty();
    }

    /** Checks again and records {@code nonce} when it still passes (a concurrent replay loses here). */
    public synchronized Optional<String> accept(String key, long nonce, long version, double timeoutSeconds,
                                                long nowNanos) {
        Optional<String> refusal = check(key, nonce, version, timeoutSeconds, nowNanos);
        if (refusal.isEmpty()) {
            last.put(key, nonce);
        }
        return refusal;
    }

    /** Keys on record. */
    public synchronized int size() {
        return last.size();
    }
}
