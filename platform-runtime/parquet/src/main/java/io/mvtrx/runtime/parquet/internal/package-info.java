/** Parquet's byte level: the Thrift compact protocol, value encodings, GZIP pages and the footer. */
package io.mvtrx.runtime.parquet.internal;
