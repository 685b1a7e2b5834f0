/** Starting balances of accounts: static amounts or a Pareto wealth distribution. */
package io.mvtrx.api.spi.balances;
