/**
 * The simulator: builds blocks from a configuration, advances them step by step, publishes state to remote agents
 * and takes their responses, and writes the L3 event log.
 */
package io.mvtrx.runtime.simulator;
