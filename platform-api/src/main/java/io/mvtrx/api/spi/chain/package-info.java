/** The chain: registrations, stakes, axons, weights, commitments, block height (local, later subtensor). */
package io.mvtrx.api.spi.chain;
