/** What a run's event log says about the market it simulated: per-book price series, stylized facts and plots. */
package io.mvtrx.runtime.simulator.report;
