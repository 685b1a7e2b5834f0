/** The inside of a block: its exchange, agents, processes, message queue and the routing of outcomes. */
package io.mvtrx.runtime.simulator.internal;
