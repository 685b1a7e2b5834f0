/** Test support: Parquet files read back with parquet-java, an independent reader (shared as a test JAR). */
package io.mvtrx.runtime.parquet.readback;
