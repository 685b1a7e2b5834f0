/**
 * The simulator's logs: the binary L3 event log ({@code events.l3}) with its writer, reader and running hash, and the
 * schemas of the Parquet logs.
 */
package io.mvtrx.runtime.simulator.log;
