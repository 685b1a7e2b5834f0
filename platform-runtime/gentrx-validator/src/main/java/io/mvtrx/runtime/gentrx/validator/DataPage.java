package io.mvtrx.runtime.gentrx.validator;

import java.util.Objects;

/**
 * One training page a gradient server lists in {@code /data-status}.
 *
 * @param book      book id as the server lists it
 * @param file      page file name
 * @param startNs   simulation time of its first row
 * @param endNs     simulation time of its last row
 */
public record DataPage(String book, String file, long startNs, long endNs) {

    public DataPage {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(file, "file");
        if (endNs < startNs) {
            throw new IllegalArgumentException("page " + book + "/" + file + " ends (" + endNs + ") before it starts ("
                    + startNs + ")");
        }
    }

    /** The key that identifies the page across rounds. */
    String id() {
        return book + "/" + file;
    }
}
