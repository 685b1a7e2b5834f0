/** Background-agent models: the simulated traders that populate the books, and the environment they act in. */
package io.mvtrx.api.spi.agentmodel;
