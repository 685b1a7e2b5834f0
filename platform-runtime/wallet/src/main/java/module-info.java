/** Wallets: Ed25519 coldkeys and hotkeys on disk, signing and verification. */
module io.mvtrx.runtime.wallet {
    requires org.bouncycastle.provider;

    exports io.mvtrx.runtime.wallet;
}
