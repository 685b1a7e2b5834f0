/** The framing all GenTRX files share (length-prefixed JSON header, little-endian body) and the defects a reader names. */
package io.mvtrx.runtime.gentrx.delta.frame;
