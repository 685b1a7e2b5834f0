/** Writing Parquet files: a schema, a buffer of rows, and a writer that turns each full buffer into a row group. */
package io.mvtrx.runtime.parquet;
