/** GenTRX: the training work a validator assigns to a miner each round, as a trading agent receives it. */
package io.mvtrx.api.gentrx;
