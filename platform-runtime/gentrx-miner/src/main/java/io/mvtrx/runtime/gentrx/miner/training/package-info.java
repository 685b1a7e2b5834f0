/**
 * The miner's training round: sync the model to the assigned version, read the assigned pages, train within the
 * budget, compress the parameter change and upload it; and the background worker that runs rounds off the agent's
 * thread.
 */
package io.mvtrx.runtime.gentrx.miner.training;
