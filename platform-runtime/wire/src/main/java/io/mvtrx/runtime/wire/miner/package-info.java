/** The miner's side: a Helidon gRPC server hosting one trading agent behind the request checks. */
package io.mvtrx.runtime.wire.miner;
