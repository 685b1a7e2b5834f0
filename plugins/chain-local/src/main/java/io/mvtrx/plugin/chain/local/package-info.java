/** The {@code local} chain backend: a single-file chain state for local networks and tests. */
package io.mvtrx.plugin.chain.local;
