/** What validator and miner share: the signing rule, body hashes, nonces and the checks a miner makes. */
package io.mvtrx.runtime.wire;
