/**
 * Checkpoints of a running simulation: its state between two steps ({@link
 * io.mvtrx.runtime.simulator.checkpoint.SimulationState}), written atomically to {@code checkpoints/step-N/} and
 * read back ({@link io.mvtrx.runtime.simulator.checkpoint.CheckpointStore}), every N steps during a run ({@link
 * io.mvtrx.runtime.simulator.checkpoint.Checkpointer}).
 */
package io.mvtrx.runtime.simulator.checkpoint;
