/** Primitives behind the keys: Keccak-f[1600], STROBE, Merlin, schnorrkel, and the keyfile ciphers. */
package io.mvtrx.runtime.bittensor.keys.internal;
