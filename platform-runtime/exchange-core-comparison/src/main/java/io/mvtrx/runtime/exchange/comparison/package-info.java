/** exchange-core 0.5.3 fed our exchange benchmarks' operation stream; a comparison only, never a product dependency. */
package io.mvtrx.runtime.exchange.comparison;
