/** Named float32 parameter tensors and the layout (names, shapes, order) that checkpoints and deltas are checked against. */
package io.mvtrx.runtime.gentrx.delta;
