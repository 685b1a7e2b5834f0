package io.mvtrx.runtime.gentrx.data.ingest;

import java.util.List;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.data.page.TrainingRow;

/**
 * What the ingest must keep across a restart (reference gentrx.md §3.6, restart staging): the bound simulation,
 * its scales, the last processed tick time, the newest event time, and per book the replay state and the rows not
 * yet in a page. Ticks waiting in the reorder buffer are not kept (the reference keeps none either).
 *
 * @param simId      bound simulation, if any
 * @param scales     bound scales, if any
 * @param lastTickTs time of the last processed tick, or -1 for none
 * @param maxTs      newest event time
 * @param books      per book, in book order
 */
public record IngestState(Optional<String> simId, Optional<Scales> scales, long lastTickTs, long maxTs,
                          List<Book> books) {

    public IngestState {
        books = List.copyOf(books);
    }

    /**
     * One book.
     *
     * @param bookId   book id
     * @param firstMid the book's first non-zero mid (0 for none), the base of {@code mid_price_delta}
     * @param lastTs   time of its last event, or -1 for none
     * @param pending  rows not yet flushed, in arrival order
     */
    public record Book(int bookId, long firstMid, long lastTs, List<TrainingRow> pending) {

        public Book {
            pending = List.copyOf(pending);
        }
    }
}
