/** Mechanics the background-agent models share: number conversion, random draws, latencies, solvers, histories. */
package io.mvtrx.plugin.agents.internal;
