/** JMH benchmarks of top-k compression and of the {@code .grad} codec on a full reference-model delta. */
package io.mvtrx.runtime.gentrx.delta.gradient;
