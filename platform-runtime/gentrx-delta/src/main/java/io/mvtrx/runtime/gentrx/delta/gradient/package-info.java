/** Miner gradients: top-k compression of a parameter delta, the sparse delta it yields, and the {@code .grad} file that carries it. */
package io.mvtrx.runtime.gentrx.delta.gradient;
