/** Stochastic processes that drive background agents: fundamental price, futures signal, magnetic field, GBM. */
package io.mvtrx.api.spi.process;
