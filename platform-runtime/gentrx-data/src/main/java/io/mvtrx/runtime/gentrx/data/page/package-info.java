/** Training pages: the 29-column Parquet schema, writing, reading, storing and listing pages. */
package io.mvtrx.runtime.gentrx.data.page;
