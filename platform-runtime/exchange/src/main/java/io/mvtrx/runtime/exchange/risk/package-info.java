/** Stage 2, risk: reservation amounts, funds, loan limits and the dual-position rule. */
package io.mvtrx.runtime.exchange.risk;
