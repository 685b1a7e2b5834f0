package io.mvtrx.runtime.gentrx.server.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The page registry as {@code GET /data-status} shows it: pages per book and the latest simulation time seen. */
public record DataView(long maxTs, Map<String, List<PageRef>> pagesByBook, Map<String, Long> maxTsByBook) {

    public DataView {
        pagesByBook = Map.copyOf(new TreeMap<>(pagesByBook));
        maxTsByBook = Map.copyOf(maxTsByBook);
    }

    public static DataView empty() {
        return new DataView(0, Map.of(), Map.of());
    }

    public List<PageRef> pages(String book) {
        return pagesByBook.getOrDefault(book, List.of());
    }
}
