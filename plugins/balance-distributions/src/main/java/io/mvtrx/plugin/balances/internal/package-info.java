/** The distributions behind the providers and the per-draw random streams that make them order-independent. */
package io.mvtrx.plugin.balances.internal;
