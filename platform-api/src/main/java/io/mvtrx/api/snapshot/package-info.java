/**
 * State snapshots for checkpoints: a component that keeps state the runtime cannot see (a plugin's fee history, a
 * process's path, an agent's memory, a book's queues) implements {@link io.mvtrx.api.snapshot.Snapshottable} and
 * writes and reads it through a {@link io.mvtrx.api.snapshot.StateWriter} and
 * {@link io.mvtrx.api.snapshot.StateReader}; {@link io.mvtrx.api.snapshot.SplitMix64} is a random stream whose state
 * can be saved.
 */
package io.mvtrx.api.snapshot;
