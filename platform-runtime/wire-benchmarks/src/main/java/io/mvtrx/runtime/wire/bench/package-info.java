/** JMH benchmarks of the validator's per-miner payloads: accounts whole against open orders as changes. */
package io.mvtrx.runtime.wire.bench;
