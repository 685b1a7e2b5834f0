/** sr25519 key pairs and signatures, Substrate mnemonics and derivation paths, SS58 addresses. */
package io.mvtrx.runtime.bittensor.keys;
