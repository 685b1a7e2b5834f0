package io.mvtrx.runtime.wire.validator;

import io.mvtrx.runtime.wire.WireSignature;

/**
 * A miner to query: its uid, hotkey and axon address.
 *
 * @param uid    the miner's uid (its agent id in the simulation)
 * @param hotkey the miner's hotkey, the receiver every request to it is signed for
 * @param host   axon host
 * @param port   axon port
 */
public record MinerTarget(int uid, String hotkey, String host, int port) {

    public MinerTarget {
        if (uid < 0) {
            throw new IllegalArgumentException("miner uid must be >= 0, got " + uid);
        }
        if (hotkey == null || !WireSignature.isWellFormedHotkey(hotkey)) {
            throw new IllegalArgumentException("miner hotkey must be 1..128 letters and digits, got " + hotkey);
        }
        if (host == null || host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException(String.format("miner %d axon must be host:port with port 1..65535,"
                    + " got %s:%d", uid, host, port));
        }
    }

    /** Parses an axon {@code host:port} as published on the chain. */
    public static MinerTarget of(int uid, String hotkey, String axon) {
        int colon = axon.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(String.format("miner %d axon must be host:port, got '%s'", uid, axon));
        }
        int port;
        try {
            port = Integer.parseInt(axon.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format("miner %d axon port is not a number: '%s'", uid, axon));
        }
        return new MinerTarget(uid, hotkey, axon.substring(0, colon), port);
    }
}
