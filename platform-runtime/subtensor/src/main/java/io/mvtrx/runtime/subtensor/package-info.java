/**
 * The {@code subtensor} chain backend: Bittensor's chain (Finney, testnet or a local node) read and written over
 * JSON-RPC on a WebSocket, writes signed by an sr25519 hotkey.
 */
package io.mvtrx.runtime.subtensor;
