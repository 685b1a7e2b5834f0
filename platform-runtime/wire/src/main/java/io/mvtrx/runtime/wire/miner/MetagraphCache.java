package io.mvtrx.runtime.wire.miner;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.Neuron;

/**
 * The subnet's neurons by hotkey, read from a {@link ChainBackend} at most once per refresh interval. A lookup
 * finding the copy older than the interval refreshes it first (one caller refreshes, the others wait and read the
 * result), so a validator registered since the last read is seen within one interval without a background thread.
 * A failed refresh keeps the previous copy, is logged once with its cause, and is not retried before the next
 * interval.
 *
 * <p>Thread-safe. A lookup is a map read except when a refresh is due.
 */
public final class MetagraphCache {

    private static final System.Logger LOG = System.getLogger(MetagraphCache.class.getName());

    private final ChainBackend chain;
    private final int netuid;
    private final Duration refreshInterval;
    private final InstantSource clock;
    private final ReentrantLock refreshLock = new ReentrantLock();

    private volatile Map<String, Neuron> byHotkey;
    private volatile Instant loadedAt;
    private volatile Instant attemptedAt;
    private volatile String lastError;

    /** A cache of {@code netuid}'s metagraph on {@code chain}, refreshed at most every {@code refreshInterval}. */
    public MetagraphCache(ChainBackend chain, int netuid, Duration refreshInterval, InstantSource clock) {
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("metagraph refresh interval must be >= 0, got " + refreshInterval);
        }
        this.chain = chain;
        this.netuid = netuid;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** Thrown by {@link #lookup} while no metagraph has ever been read. */
    public static final class Unavailable extends Exception {

        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * The registered neuron holding {@code hotkey}, refreshing first if the copy is due.
     *
     * @throws Unavailable when no metagraph could be read yet
     */
    public Optional<Neuron> lookup(String hotkey) throws Unavailable {
        refreshIfDue();
        Map<String, Neuron> neurons = byHotkey;
        if (neurons == null) {
            throw new Unavailable(String.format("metagraph of subnet %d not loaded: %s", netuid, lastError));
        }
        return Optional.ofNullable(neurons.get(hotkey));
    }

    /** When the current copy was read, if ever. */
    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loadedAt);
    }

    /** Neurons in the current copy. */
    public int size() {
        Map<String, Neuron> neurons = byHotkey;
        return neurons == null ? 0 : neurons.size();
    }

    /** The subnet this cache reads. */
    public int netuid() {
        return netuid;
    }

    private void refreshIfDue() {
        // before the first copy, a caller waits for a read in progress instead of finding none (a miner process's
        // servers all receive their first request at once: the others were refused "not loaded" while one read)
        if (!due() && byHotkey != null) {
            return;
        }
        refreshLock.lock();
        try {
            if (!due()) {
                return;
            }
            Instant now = clock.instant();
            attemptedAt = now;
            try {
                List<Neuron> neurons = chain.metagraph(netuid);
                Map<String, Neuron> index = new HashMap<>();
                for (Neuron neuron : neurons) {
                    index.put(neuron.hotkey(), neuron);
                }
                byHotkey = Map.copyOf(index);
                loadedAt = now;
                lastError = null;
            } catch (IOException | RuntimeException e) {
                boolean first = lastError == null;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (first) {
                    LOG.log(System.Logger.Level.WARNING, String.format(
                            "metagraph of subnet %d could not be read, keeping the copy from %s: %s",
                            netuid, loadedAt, lastError), e);
                }
            }
        } finally {
            refreshLock.unlock();
        }
    }

    private boolean due() {
        Instant attempted = attemptedAt;
        return attempted == null || !clock.instant().isBefore(attempted.plus(refreshInterval));
    }
}
