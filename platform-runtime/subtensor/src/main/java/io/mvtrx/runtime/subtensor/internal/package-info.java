/** SCALE, runtime metadata, storage keys, extrinsics and the JSON-RPC transport of the subtensor backend. */
package io.mvtrx.runtime.subtensor.internal;
