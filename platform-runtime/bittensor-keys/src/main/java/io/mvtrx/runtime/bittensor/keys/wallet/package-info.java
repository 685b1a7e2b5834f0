/** btwallet wallet files: the keyfile JSON, its encrypted formats, and the wallet directory layout. */
package io.mvtrx.runtime.bittensor.keys.wallet;
