/** Exact arithmetic private to the pro-rata book. */
package io.mvtrx.plugin.matching.prorata.internal;
