/** Integration tests: real miner servers and a real fan-out on loopback, a local chain behind them. */
package io.mvtrx.runtime.wire.it;
