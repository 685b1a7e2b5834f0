/** Full-model checkpoints: format v1 (length-prefixed JSON header, raw little-endian float32), its writer and strict reader. */
package io.mvtrx.runtime.gentrx.delta.checkpoint;
