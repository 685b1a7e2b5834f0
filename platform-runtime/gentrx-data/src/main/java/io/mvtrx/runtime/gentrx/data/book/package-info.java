/** The small price-time engine a tick's L2 snapshot is rebuilt into and its events replayed through. */
package io.mvtrx.runtime.gentrx.data.book;
