/** Fixed-point numbers: prices, volumes and balances as scaled longs with their decimals. */
package io.mvtrx.api.number;
