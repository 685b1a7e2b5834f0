/** The engine's mutable state in primitive arrays: agent index, accounts, per-book order tables, loans, expiries. */
package io.mvtrx.runtime.exchange.state;
