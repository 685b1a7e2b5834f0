/** Scaled-long arithmetic with explicit rounding: products, quotients and rescaling without overflow surprises. */
package io.mvtrx.runtime.exchange.fixed;
