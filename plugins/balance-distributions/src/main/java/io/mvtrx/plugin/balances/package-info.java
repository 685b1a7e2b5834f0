/** Built-in starting-balance distributions: static amounts, pareto and pareto-50 wealth splits. */
package io.mvtrx.plugin.balances;
