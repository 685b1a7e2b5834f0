/** Tick packets as the validator sends them (msgpack), decoded into records. */
package io.mvtrx.runtime.gentrx.data.tick;
