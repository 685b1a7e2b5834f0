/** A trading agent that also trains: any strategy, decorated with the GenTRX training worker. */
package io.mvtrx.runtime.gentrx.miner.agent;
