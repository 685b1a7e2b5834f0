/** Views of a book: price levels and L2 snapshots with detailed (per-order) and broad levels. */
package io.mvtrx.api.book;
