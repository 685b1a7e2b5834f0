package io.mvtrx.runtime.wallet;

import java.util.List;

/**
 * A coldkey and its hotkeys as listed on disk.
 *
 * @param coldkey        wallet name
 * @param coldkeyAddress hex public key of the coldkey
 * @param hotkeys        hotkeys, sorted by name
 */
public record WalletEntry(String coldkey, String coldkeyAddress, List<Hotkey> hotkeys) {

    public WalletEntry {
        hotkeys = List.copyOf(hotkeys);
    }

    /**
     * @param name    hotkey name
     * @param address hex public key
     */
    public record Hotkey(String name, String address) {
    }
}
