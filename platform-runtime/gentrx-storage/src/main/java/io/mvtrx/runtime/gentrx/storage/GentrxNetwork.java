package io.mvtrx.runtime.gentrx.storage;

import java.util.Locale;

/**
 * The network shard a bucket's keys live under ({@code gentrx/<network>/...}, reference gentrx.md §3.5). Chosen by
 * the operator ({@code GENTRX_NETWORK}) or derived from the chain the node talks to.
 */
public enum GentrxNetwork {
    MAINNET("mainnet"),
    TESTNET("testnet"),
    LOCALNET("localnet");

    private final String segment;

    GentrxNetwork(String segment) {
        this.segment = segment;
    }

    /** The key segment: {@code mainnet}, {@code testnet} or {@code localnet}. */
    public String segment() {
        return segment;
    }

    /**
     * The shard named as {@code GENTRX_NETWORK} names it: {@code mainnet}/{@code main}, {@code testnet}/{@code test},
     * {@code localnet}/{@code local}, any case.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static GentrxNetwork of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "mainnet", "main" -> MAINNET;
            case "testnet", "test" -> TESTNET;
            case "localnet", "local" -> LOCALNET;
            default -> throw new IllegalArgumentException(String.format(
                    "unknown GenTRX network '%s' (mainnet/main, testnet/test, localnet/local)", name));
        };
    }
}
