/**
 * Background-agent models: a provider creates one population per agent element and block, the population creates
 * the simulated traders, and the environment is what a trader sees and does when the simulator calls it.
 */
package io.mvtrx.api.spi.agentmodel;
