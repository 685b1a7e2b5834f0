/** Background-agent model providers, one per configuration element name, and the models behind them. */
package io.mvtrx.plugin.agents;
