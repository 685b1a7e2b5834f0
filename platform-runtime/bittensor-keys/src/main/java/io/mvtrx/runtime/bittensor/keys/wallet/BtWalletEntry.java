package io.mvtrx.runtime.bittensor.keys.wallet;

import java.util.List;
import java.util.Optional;

/**
 * A wallet as listed from disk, without decrypting anything.
 *
 * @param name           wallet (coldkey) name: the directory name
 * @param coldkeyAddress SS58 address from {@code coldkeypub.txt}; empty when that file is missing
 * @param hotkeys        hotkeys sorted by name
 */
public record BtWalletEntry(String name, Optional<String> coldkeyAddress, List<Hotkey> hotkeys) {

    /** Copies the list. */
    public BtWalletEntry {
        hotkeys = List.copyOf(hotkeys);
    }

    /**
     * A hotkey file.
     *
     * @param name       hotkey name: the file name
     * @param address    SS58 address, read from the file when plain, else from {@code <name>pub.txt}; empty when
     *                   the file is encrypted and has no public companion
     * @param encryption how the hotkey file is stored
     */
    public record Hotkey(String name, Optional<String> address, KeyfileEncryption encryption) {
    }
}
