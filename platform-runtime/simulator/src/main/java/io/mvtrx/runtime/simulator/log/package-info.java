/** The simulator's binary L3 event log ({@code events.l3}): writer, reader and its running hash. */
package io.mvtrx.runtime.simulator.log;
