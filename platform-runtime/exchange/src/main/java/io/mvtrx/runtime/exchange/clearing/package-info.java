/** Stages 4 and 5, clearing: settlement of every fill with fees, loans and repayments, and release of reservations. */
package io.mvtrx.runtime.exchange.clearing;
