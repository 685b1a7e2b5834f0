/** Primitive collections private to the price-time book. */
package io.mvtrx.plugin.matching.pricetime.internal;
