package io.mvtrx.runtime.gentrx.data.ingest;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.mvtrx.runtime.gentrx.data.page.PageRecord;

/**
 * What {@code GET /gentrx/data-status} reports about the data (reference gentrx.md §2.1): the newest event time and
 * per book its complete pages and its last event time. Built from the in-memory registry only (no listing).
 *
 * @param maxTs         newest event time of the simulation, ns
 * @param books         per book id, in numeric order
 * @param rowsEmitted   rows emitted since the simulation was bound (or restored)
 * @param executions    of which {@code EXEC_BUY} / {@code EXEC_SELL} (the fallback assigner's trade fraction)
 */
public record DataStatus(long maxTs, SortedMap<Integer, Book> books, long rowsEmitted, long executions) {

    public DataStatus {
        books = Collections.unmodifiableSortedMap(new TreeMap<>(books));
    }

    /**
     * One book.
     *
     * @param pages complete pages, in registration order ({@code [fname, start_ns, end_ns]} on the wire)
     * @param maxTs the book's last event time, ns (0 before any)
     */
    public record Book(List<PageRecord> pages, long maxTs) {

        public Book {
            pages = List.copyOf(pages);
        }
    }
}
