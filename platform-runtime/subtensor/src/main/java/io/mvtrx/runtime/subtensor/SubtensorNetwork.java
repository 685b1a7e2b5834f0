package io.mvtrx.runtime.subtensor;

import java.net.URI;

/** The named Bittensor networks and their public WebSocket endpoints (the SDK's defaults). */
public final class SubtensorNetwork {

    /** Finney, the main network. */
    public static final URI FINNEY = URI.create("wss://entrypoint-finney.opentensor.ai:443");
    /** The public test network. */
    public static final URI TEST = URI.create("wss://test.finney.opentensor.ai:443");
    /** A subtensor node on this machine. */
    public static final URI LOCAL = URI.create("ws://127.0.0.1:9944");

    private SubtensorNetwork() {
    }

    /**
     * The endpoint of {@code finney}, {@code test}, {@code local}, or a {@code ws://} / {@code wss://} URL.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static URI resolve(String network) {
        String n = network.strip();
        return switch (n) {
            case "finney" -> FINNEY;
            case "test" -> TEST;
            case "local" -> LOCAL;
            default -> {
                if (n.startsWith("ws://") || n.startsWith("wss://")) {
                    try {
                        URI uri = URI.create(n);
                        if (uri.getHost() == null) {
                            throw new IllegalArgumentException("no host");
                        }
                        yield uri;
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(String.format("network '%s' is not a valid WebSocket URL: %s",
                                network, e.getMessage()), e);
                    }
                }
                throw new IllegalArgumentException(String.format(
                        "unknown network '%s': use finney, test, local, or a ws:// or wss:// URL", network));
            }
        };
    }
}
