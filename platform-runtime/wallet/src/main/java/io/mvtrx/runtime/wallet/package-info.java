/** Ed25519 wallets stored under {@code ~/.mvtrx/wallets/<coldkey>/hotkeys/<hotkey>}, with signing. */
package io.mvtrx.runtime.wallet;
