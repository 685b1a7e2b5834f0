/** The discrete-event kernel: timed message queue, seed derivation, step clock and the parallel block scheduler. */
package io.mvtrx.runtime.simulator.kernel;
