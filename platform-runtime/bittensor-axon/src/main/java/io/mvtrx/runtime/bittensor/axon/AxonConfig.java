package io.mvtrx.runtime.bittensor.axon;

import java.time.Duration;

/**
 * How a miner's axon serves.
 *
 * @param host                 bind address ({@code "::"} or {@code "0.0.0.0"} for all, as the Python axon binds)
 * @param port                 port; 0 picks a free one (the reference default is 8091)
 * @param hotkey               this miner's hotkey, SS58: every accepted request is signed for it
 * @param ownUid               this miner's uid when known, else -1 (the payload names it)
 * @param agentTimeout         longest an agent call may take before an empty response is sent
 * @param maxRequestBytes      larger request bodies are refused with 413 before they are read
 * @param maxDecompressedBytes a payload part expanding beyond this is refused (500, agent not called)
 * @param allowNonRegistered   serve callers whose hotkey is not in the metagraph
 *                             ({@code --blacklist.allow_non_registered})
 * @param allowNonValidators   serve registered callers without a validator permit
 *                             ({@code --blacklist.allow_non_validators})
 * @param nonceCapacity        caller keys whose last nonce is remembered
 */
public record AxonConfig(String host, int port, String hotkey, int ownUid, Duration agentTimeout, int maxRequestBytes,
                         int maxDecompressedBytes, boolean allowNonRegistered, boolean allowNonValidators,
                         int nonceCapacity) {

    /** Reference port. */
    public static final int DEFAULT_PORT = 8091;

    public AxonConfig {
        if (hotkey == null || hotkey.isBlank()) {
            throw new IllegalArgumentException("axon hotkey (SS58) is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("axon port must be 0..65535, got " + port);
        }
        if (agentTimeout.isNegative() || agentTimeout.isZero()) {
            throw new IllegalArgumentException("agent timeout must be > 0, got " + agentTimeout);
        }
        if (maxRequestBytes <= 0 || maxDecompressedBytes <= 0 || nonceCapacity <= 0) {
            throw new IllegalArgumentException("axon size limits and nonce capacity must be > 0");
        }
    }

    /**
     * The reference's defaults for {@code hotkey} on {@code port}: 2.9 s for the agent (the validator waits 3 s),
     * 64 MiB requests, 256 MiB decompressed, registered validators only.
     */
    public static AxonConfig defaults(String hotkey, int port) {
        return new AxonConfig("0.0.0.0", port, hotkey, -1, Duration.ofMillis(2_900), 64 << 20, 256 << 20, false,
                false, 65_536);
    }

    /** The same with the blacklist switches set. */
    public AxonConfig withBlacklist(boolean allowNonRegistered, boolean allowNonValidators) {
        return new AxonConfig(host, port, hotkey, ownUid, agentTimeout, maxRequestBytes, maxDecompressedBytes,
                allowNonRegistered, allowNonValidators, nonceCapacity);
    }

    /** The same bound to {@code host}. */
    public AxonConfig withHost(String host) {
        return new AxonConfig(host, port, hotkey, ownUid, agentTimeout, maxRequestBytes, maxDecompressedBytes,
                allowNonRegistered, allowNonValidators, nonceCapacity);
    }

    /** The same with another request size limit. */
    public AxonConfig withMaxRequestBytes(int maxRequestBytes) {
        return new AxonConfig(host, port, hotkey, ownUid, agentTimeout, maxRequestBytes, maxDecompressedBytes,
                allowNonRegistered, allowNonValidators, nonceCapacity);
    }
}
