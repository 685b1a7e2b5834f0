package io.mvtrx.runtime.wire.miner;

import java.time.Duration;

import io.mvtrx.runtime.wire.WireSignature;

import io.helidon.config.Config;

/**
 * How a miner serves: where, as whom, on which subnet, and its limits.
 *
 * @param host             interface to bind
 * @param port             port to bind, 0 for a free one
 * @param hotkey           this miner's hotkey; requests addressed to another are refused
 * @param netuid           subnet whose metagraph decides who may call
 * @param maxInboundBytes  largest serialized request accepted
 * @param maxOutboundBytes largest serialized reply sent; a larger reply is replaced by an empty one
 * @param nonceWindow      how far a request nonce may be from this miner's clock, either way
 * @param metagraphRefresh least time between two metagraph reads
 * @param agentTimeout     how long the agent may take per call, from arrival
 */
public record MinerConfig(
        String host,
        int port,
        String hotkey,
        int netuid,
        int maxInboundBytes,
        int maxOutboundBytes,
        Duration nonceWindow,
        Duration metagraphRefresh,
        Duration agentTimeout) {

    /** Default inbound limit: 64 MiB. */
    public static final int DEFAULT_MAX_INBOUND = 64 << 20;
    /** Default outbound limit: 16 MiB. */
    public static final int DEFAULT_MAX_OUTBOUND = 16 << 20;
    /** Default nonce window: 30 s either way. */
    public static final Duration DEFAULT_NONCE_WINDOW = Duration.ofSeconds(30);
    /** Default least time between metagraph reads: 60 s. */
    public static final Duration DEFAULT_METAGRAPH_REFRESH = Duration.ofSeconds(60);
    /** Default agent time per call: 3 s, the validator's default per-call deadline. */
    public static final Duration DEFAULT_AGENT_TIMEOUT = Duration.ofSeconds(3);
    /** Default port: the reference axon port. */
    public static final int DEFAULT_PORT = 8091;

    public MinerConfig {
        require(host != null && !host.isBlank(), "host", "must be set", host);
        require(port >= 0 && port <= 65_535, "port", "must be within 0..65535", port);
        require(hotkey != null && WireSignature.isWellFormedHotkey(hotkey), "hotkey",
                "must be 1..128 letters and digits", hotkey);
        require(netuid >= 0, "netuid", "must be >= 0", netuid);
        require(maxInboundBytes > 0, "max-inbound-bytes", "must be > 0", maxInboundBytes);
        require(maxOutboundBytes > 0, "max-outbound-bytes", "must be > 0", maxOutboundBytes);
        require(positive(nonceWindow), "nonce-window", "must be > 0", nonceWindow);
        require(metagraphRefresh != null && !metagraphRefresh.isNegative(), "metagraph-refresh", "must be >= 0",
                metagraphRefresh);
        require(positive(agentTimeout), "agent-timeout", "must be > 0", agentTimeout);
    }

    /** The defaults for {@code hotkey} on {@code netuid}: all interfaces, port 8091. */
    public static MinerConfig defaults(String hotkey, int netuid) {
        return new MinerConfig("0.0.0.0", DEFAULT_PORT, hotkey, netuid, DEFAULT_MAX_INBOUND, DEFAULT_MAX_OUTBOUND,
                DEFAULT_NONCE_WINDOW, DEFAULT_METAGRAPH_REFRESH, DEFAULT_AGENT_TIMEOUT);
    }

    /**
     * Reads a {@code miner} config node: {@code hotkey} and {@code netuid} are required; {@code host},
     * {@code port}, {@code max-inbound-bytes}, {@code max-outbound-bytes}, {@code nonce-window},
     * {@code metagraph-refresh} and {@code agent-timeout} (ISO-8601 durations such as {@code PT3S}) default as in
     * {@link #defaults}.
     */
    public static MinerConfig create(Config node) {
        MinerConfig d = defaults(node.get("hotkey").asString().orElseThrow(() -> missing(node, "hotkey")),
                node.get("netuid").asInt().orElseThrow(() -> missing(node, "netuid")));
        return new MinerConfig(
                node.get("host").asString().orElse(d.host()),
                node.get("port").asInt().orElse(d.port()),
                d.hotkey(),
                d.netuid(),
                node.get("max-inbound-bytes").asInt().orElse(d.maxInboundBytes()),
                node.get("max-outbound-bytes").asInt().orElse(d.maxOutboundBytes()),
                node.get("nonce-window").as(Duration.class).orElse(d.nonceWindow()),
                node.get("metagraph-refresh").as(Duration.class).orElse(d.metagraphRefresh()),
                node.get("agent-timeout").as(Duration.class).orElse(d.agentTimeout()));
    }

    /** A copy bound to {@code host:port}. */
    public MinerConfig withAddress(String host, int port) {
        return new MinerConfig(host, port, hotkey, netuid, maxInboundBytes, maxOutboundBytes, nonceWindow,
                metagraphRefresh, agentTimeout);
    }

    /** A copy with other size limits. */
    public MinerConfig withLimits(int maxInboundBytes, int maxOutboundBytes) {
        return new MinerConfig(host, port, hotkey, netuid, maxInboundBytes, maxOutboundBytes, nonceWindow,
                metagraphRefresh, agentTimeout);
    }

    /** A copy with another agent timeout. */
    public MinerConfig withAgentTimeout(Duration agentTimeout) {
        return new MinerConfig(host, port, hotkey, netuid, maxInboundBytes, maxOutboundBytes, nonceWindow,
                metagraphRefresh, agentTimeout);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String key, String constraint, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(String.format("miner config '%s' %s, got %s", key, constraint, value));
        }
    }

    private static IllegalArgumentException missing(Config node, String key) {
        return new IllegalArgumentException(String.format("miner config '%s' is required (at '%s')", key,
                node.get(key).key()));
    }
}
