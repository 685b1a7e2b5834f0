/** SimpleRegressorAgent: least-squares autoregression of mid log-returns, directional GTT quotes on the signal. */
package io.mvtrx.agent.regressor;
