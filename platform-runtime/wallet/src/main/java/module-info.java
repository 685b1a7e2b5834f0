/** Wallets: Ed25519 coldkeys and hotkeys on disk, signing and verification. */
module io.mvtrx.runtime.wallet {
    exports io.mvtrx.runtime.wallet;
}
