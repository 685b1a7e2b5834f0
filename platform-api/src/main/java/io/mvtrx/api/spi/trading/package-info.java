/** Miner trading agents: strategies that answer state updates with instructions. */
package io.mvtrx.api.spi.trading;
