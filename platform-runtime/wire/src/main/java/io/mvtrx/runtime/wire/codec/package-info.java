/** Converters between the api records and their protobuf messages, exact in both directions. */
package io.mvtrx.runtime.wire.codec;
