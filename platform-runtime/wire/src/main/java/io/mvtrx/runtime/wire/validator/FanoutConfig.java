package io.mvtrx.runtime.wire.validator;

import java.time.Duration;

/**
 * The validator's query limits (reference defaults: {@code --neuron.timeout} 3 s, {@code
 * --neuron.global_query_timeout} 4 s, notification timeout 1 s).
 *
 * @param perCallTimeout   deadline of one miner call
 * @param globalTimeout    deadline of a whole fan-out; a call never runs past it
 * @param noticeTimeout    deadline of one notice delivery
 * @param maxOutboundBytes largest serialized request sent; a larger one fails without being sent
 * @param maxInboundBytes  largest serialized reply accepted; a larger one fails the call
 * @param prepareThreads   threads that encode the books, encode and sign the per-miner requests and start the calls
 * @param compressBooks    whether the books travel as one zstd frame ({@code books_zstd}) or as they are
 * @param booksByReference whether miners that answered from one process and host get the books inline once, the
 *                         others by their hash ({@code books_sha256}); else every request carries them
 * @param accountChanges   whether a miner that said it keeps the accounts of the request it answered
 *                         ({@code accounts_kept}) gets the next request's open orders as changes to them; else every
 *                         request carries them whole
 * @param sendWhenSigned   whether each call starts as soon as its request is signed (miners on hosts of their own:
 *                         each gets its request as early as it can) or only once every request is signed (miners
 *                         sharing this host's cores: the preparation would otherwise compete with their answering)
 */
public record FanoutConfig(
        Duration perCallTimeout,
        Duration globalTimeout,
        Duration noticeTimeout,
        int maxOutboundBytes,
        int maxInboundBytes,
        int prepareThreads,
        boolean compressBooks,
        boolean booksByReference,
        boolean accountChanges,
        boolean sendWhenSigned) {

    /**
     * The reference defaults, 64 MiB out (the miner's default inbound limit) and 16 MiB in, one prepare thread per
     * available processor, the books compressed and sent once per miner process, open orders sent as changes, each
     * call started as soon as its request is signed.
     */
    public static final FanoutConfig DEFAULTS = new FanoutConfig(Duration.ofSeconds(3), Duration.ofSeconds(4),
            Duration.ofSeconds(1), 64 << 20, 16 << 20, Runtime.getRuntime().availableProcessors(), true, true, true,
            true);

    public FanoutConfig {
        requirePositive(perCallTimeout, "per-call-timeout");
        requirePositive(globalTimeout, "global-timeout");
        requirePositive(noticeTimeout, "notice-timeout");
        if (maxOutboundBytes <= 0 || maxInboundBytes <= 0) {
            throw new IllegalArgumentException(String.format(
                    "fan-out 'max-outbound-bytes' and 'max-inbound-bytes' must be > 0, got %d and %d",
                    maxOutboundBytes, maxInboundBytes));
        }
        if (prepareThreads < 1) {
            throw new IllegalArgumentException("fan-out 'prepare-threads' must be >= 1, got " + prepareThreads);
        }
    }

    /** A copy with other deadlines. */
    public FanoutConfig withTimeouts(Duration perCall, Duration global) {
        return new FanoutConfig(perCall, global, noticeTimeout, maxOutboundBytes, maxInboundBytes, prepareThreads,
                compressBooks, booksByReference, accountChanges, sendWhenSigned);
    }

    /** A copy with other size limits. */
    public FanoutConfig withLimits(int maxOutbound, int maxInbound) {
        return new FanoutConfig(perCallTimeout, globalTimeout, noticeTimeout, maxOutbound, maxInbound,
                prepareThreads, compressBooks, booksByReference, accountChanges, sendWhenSigned);
    }

    /** A copy preparing requests on {@code threads} threads (1: one after another on one thread). */
    public FanoutConfig withPrepareThreads(int threads) {
        return new FanoutConfig(perCallTimeout, globalTimeout, noticeTimeout, maxOutboundBytes, maxInboundBytes,
                threads, compressBooks, booksByReference, accountChanges, sendWhenSigned);
    }

    /** A copy sending the books compressed ({@code books_zstd}) or as they are ({@code books}). */
    public FanoutConfig withBooksCompression(boolean compress) {
        return new FanoutConfig(perCallTimeout, globalTimeout, noticeTimeout, maxOutboundBytes, maxInboundBytes,
                prepareThreads, compress, booksByReference, accountChanges, sendWhenSigned);
    }

    /**
     * A copy sending the books inline to one miner per process and host and by reference to the others
     * ({@code true}), or inline in every request ({@code false}).
     */
    public FanoutConfig withBooksByReference(boolean byReference) {
        return new FanoutConfig(perCallTimeout, globalTimeout, noticeTimeout, maxOutboundBytes, maxInboundBytes,
                prepareThreads, compressBooks, byReference, accountChanges, sendWhenSigned);
    }

    /** A copy sending open orders as changes to the accounts a miner keeps ({@code true}), or whole ({@code false}). */
    public FanoutConfig withAccountChanges(boolean changes) {
        return new FanoutConfig(perCallTimeout, globalTimeout, noticeTimeout, maxOutboundBytes, maxInboundBytes,
                prepareThreads, compressBooks, booksByReference, changes, sendWhenSigned);
    }

    /**
     * A copy starting each call as soon as its request is signed ({@code true}), or every call once all requests are
     * signed ({@code false}: for miners that share this host's cores).
     */
    public FanoutConfig withSendWhenSigned(boolean whenSigned) {
        return new FanoutConfig(perCallTimeout, globalTimeout, noticeTimeout, maxOutboundBytes, maxInboundBytes,
                prepareThreads, compressBooks, booksByReference, accountChanges, whenSigned);
    }

    private static void requirePositive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(String.format("fan-out '%s' must be > 0, got %s", key, d));
        }
    }
}
