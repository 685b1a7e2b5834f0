package io.mvtrx.runtime.gentrx.data.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.storage.PageName;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

/**
 * Pending rows per book, their flush into pages in a {@link StorageBackend}, and the registry of complete pages
 * (reference gentrx.md §3.4 to §3.6). Keys follow {@link StorageLayout}: pages at
 * {@code data/<vuid>/<book>/intervals/<page>.parquet}, the simulation marker at {@code data/<vuid>/.sim_id}.
 *
 * <ul>
 *   <li>A flush takes the first {@code cap} pending rows of a book (all of them for a tail flush or when the cap is
 *   0), writes the page, puts it, and only then registers it and drops those rows from the front: rows appended
 *   meanwhile stay, and a failed put keeps every row for the next attempt. Nothing half-written is listed.</li>
 *   <li>Flushes are single-flight per book: a second flush of a book already flushing returns at once.</li>
 *   <li>The marker is written before a simulation's first page and re-asserted until a put of it succeeds.</li>
 *   <li>{@link #reset} (simulation end or change) drops pending rows and the registry; with a wipe, the next
 *   {@link #maintain} deletes every object under {@code data/<vuid>/}. A flush that began before a reset does not
 *   register its page afterwards.</li>
 * </ul>
 *
 * <p>Thread-safe: the ingest appends under the store's lock; puts and deletes run outside it.
 */
public final class PageStore {

    /** The reference's page size ({@code --max-pending-rows-per-book}). */
    public static final int DEFAULT_CAP = 30_000;

    private static final System.Logger LOG = System.getLogger(PageStore.class.getName());

    private final StorageBackend backend;
    private final StorageLayout layout;
    private final int validatorUid;
    private final int cap;
    private final WriterOptions options;
    private final Map<Integer, List<TrainingRow>> pending = new TreeMap<>();
    private final Map<Integer, LinkedHashMap<String, PageRecord>> registry = new TreeMap<>();
    private final Set<Integer> flushing = new HashSet<>();
    private long generation;
    private String simId;
    private boolean markerWritten;
    private boolean wipeDue;

    /**
     * @param cap rows per page ({@code --max-pending-rows-per-book}, 30,000 in the reference); 0 turns the cap off
     *            (only tail flushes)
     */
    public PageStore(StorageBackend backend, StorageLayout layout, int validatorUid, int cap, WriterOptions options) {
        if (cap < 0) {
            throw new IllegalArgumentException("page row cap must be >= 0, got " + cap);
        }
        if (validatorUid < 0) {
            throw new IllegalArgumentException("validator uid must be >= 0, got " + validatorUid);
        }
        this.backend = backend;
        this.layout = layout;
        this.validatorUid = validatorUid;
        this.cap = cap;
        this.options = options;
    }

    /** Rows per page; 0 when only tail flushes cut pages. */
    public int cap() {
        return cap;
    }

    /** Appends a row to a book; returns whether the book now holds a full page. */
    public synchronized boolean append(int book, TrainingRow row) {
        List<TrainingRow> rows = pending.computeIfAbsent(book, b -> new ArrayList<>());
        rows.add(row);
        return cap > 0 && rows.size() >= cap;
    }

    /**
     * Puts back a book's pending rows after a restart, ahead of anything appended since.
     *
     * @throws IllegalStateException if a flush of the book is running
     */
    public synchronized void restorePending(int book, List<TrainingRow> rows) {
        if (flushing.contains(book)) {
            throw new IllegalStateException("book " + book + " is being flushed; restore pending rows first");
        }
        List<TrainingRow> current = pending.computeIfAbsent(book, b -> new ArrayList<>());
        current.addAll(0, rows);
    }

    /** A copy of a book's pending rows. */
    public synchronized List<TrainingRow> pending(int book) {
        return List.copyOf(pending.getOrDefault(book, List.of()));
    }

    /** Pending rows of a book. */
    public synchronized int pendingRows(int book) {
        return pending.getOrDefault(book, List.of()).size();
    }

    /** Books with pending rows. */
    public synchronized List<Integer> pendingBooks() {
        List<Integer> books = new ArrayList<>();
        pending.forEach((book, rows) -> {
            if (!rows.isEmpty()) {
                books.add(book);
            }
        });
        return books;
    }

    /** Timestamp of a book's first pending row, or empty. */
    public synchronized Optional<Long> firstPendingTs(int book) {
        List<TrainingRow> rows = pending.getOrDefault(book, List.of());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst().timestamp());
    }

    /** The complete pages, per book in book order and by registration within a book. */
    public synchronized List<PageRecord> pages() {
        List<PageRecord> all = new ArrayList<>();
        registry.values().forEach(book -> all.addAll(book.values()));
        return all;
    }

    /** The simulation the pages belong to, when one is bound. */
    public synchronized Optional<String> simId() {
        return Optional.ofNullable(simId);
    }

    /**
     * Binds a simulation for the marker. On the first bind after a start, a marker in storage naming another
     * simulation is a transition: with {@code startupCleanup} the data area is wiped at the next
     * {@link #maintain}, otherwise the old pages are kept (the reference default). No marker: kept.
     */
    public void bindFirst(String id, boolean startupCleanup) throws IOException {
        Optional<String> stored = readMarker();
        synchronized (this) {
            simId = id;
            markerWritten = stored.filter(id::equals).isPresent();
            if (stored.isPresent() && !stored.get().equals(id)) {
                LOG.log(System.Logger.Level.INFO, String.format("data area of simulation %s found while binding %s;"
                        + " %s", stored.get(), id, startupCleanup ? "wiping it" : "keeping it"));
                wipeDue |= startupCleanup;
            }
        }
    }

    /** Binds a simulation after a {@link #reset} (no marker check). */
    public synchronized void bind(String id) {
        if (!id.equals(simId)) {
            simId = id;
            markerWritten = false;
        }
    }

    /** Drops pending rows, the registry and the bound simulation; with {@code wipe}, schedules the data wipe. */
    public synchronized void reset(boolean wipe) {
        pending.clear();
        registry.clear();
        generation++;
        simId = null;
        markerWritten = false;
        wipeDue |= wipe;
    }

    /** Whether a wipe waits for {@link #maintain}. */
    public synchronized boolean wipeDue() {
        return wipeDue;
    }

    /** Runs a due wipe and re-asserts the marker. Called by the loop; errors leave the work due and rethrow. */
    public void maintain() throws IOException {
        boolean wipe;
        synchronized (this) {
            wipe = wipeDue;
        }
        if (wipe) {
            String prefix = layout.data(validatorUid);
            for (String key : backend.list(prefix)) {
                backend.delete(key);
            }
            synchronized (this) {
                wipeDue = false;
                markerWritten = false;
            }
            LOG.log(System.Logger.Level.INFO, "wiped " + prefix);
        }
        ensureMarker();
    }

    /**
     * Flushes a full page of a book (the first {@code cap} rows), or everything pending when {@code tail} or the
     * cap is 0. Returns the page registered, or empty when there was nothing to flush, the book was already
     * flushing, a wipe is due (pages wait until it ran), or a reset came in between.
     *
     * @throws IOException when the put fails (the rows stay pending)
     */
    public Optional<PageRecord> flush(int book, boolean tail) throws IOException {
        List<TrainingRow> rows;
        long started;
        String sim;
        synchronized (this) {
            List<TrainingRow> all = pending.getOrDefault(book, List.of());
            if (wipeDue || all.isEmpty() || (!tail && cap > 0 && all.size() < cap) || !flushing.add(book)) {
                return Optional.empty();
            }
            int n = tail || cap == 0 ? all.size() : cap;
            rows = List.copyOf(all.subList(0, Math.min(n, all.size())));
            started = generation;
            sim = simId;
        }
        try {
            List<TrainingRow> ordered = PageWriter.sorted(rows);
            PageName name = PageName.of(ordered.getFirst().timestamp(), ordered.getLast().timestamp());
            String bookKey = Integer.toString(book);
            synchronized (this) {
                Map<String, PageRecord> existing = registry.getOrDefault(book, new LinkedHashMap<>());
                for (int suffix = 1; existing.containsKey(name.fileName()); suffix++) {
                    name = name.withDuplicate(suffix);
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("gentrx.book", bookKey);
            if (sim != null) {
                metadata.put("gentrx.sim_id", sim);
            }
            byte[] bytes = PageWriter.encode(ordered, metadata, options);
            ensureMarker();
            String key = layout.page(validatorUid, bookKey, name);
            backend.put(key, bytes);
            PageRecord record = new PageRecord(book, name.fileName(), key, ordered.getFirst().timestamp(),
                    ordered.getLast().timestamp(), rows.size());
            synchronized (this) {
                if (generation != started) {
                    return Optional.empty();
                }
                pending.get(book).subList(0, rows.size()).clear();
                registry.computeIfAbsent(book, b -> new LinkedHashMap<>()).put(record.fileName(), record);
            }
            return Optional.of(record);
        } finally {
            synchronized (this) {
                flushing.remove(book);
            }
        }
    }

    /**
     * Rebuilds the registry from the pages listed under {@code data/<vuid>/} (after a restart). Timestamps come
     * from the name tags (whole seconds), rows are unknown (-1). Keys that are not pages are skipped.
     */
    public void restore() throws IOException {
        String prefix = layout.data(validatorUid);
        List<String> keys = backend.list(prefix);
        Map<Integer, LinkedHashMap<String, PageRecord>> found = new TreeMap<>();
        for (String key : keys) {
            String[] parts = key.substring(prefix.length()).split("/");
            if (parts.length != 3 || !StorageLayout.INTERVALS.equals(parts[1])) {
                continue;
            }
            int book;
            PageName name;
            try {
                book = Integer.parseInt(parts[0]);
                name = PageName.parse(parts[2]);
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping " + key + ": " + e.getMessage());
                continue;
            }
            found.computeIfAbsent(book, b -> new LinkedHashMap<>()).put(parts[2], new PageRecord(book, parts[2],
                    key, PageName.seconds(name.firstTag()) * 1_000_000_000L,
                    PageName.seconds(name.lastTag()) * 1_000_000_000L, -1));
        }
        synchronized (this) {
            registry.clear();
            registry.putAll(found);
        }
    }

    private Optional<String> readMarker() throws IOException {
        Optional<InputStream> in = backend.get(layout.simMarker(validatorUid));
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            String id = new String(stream.readAllBytes(), StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
    }

    private void ensureMarker() throws IOException {
        String sim;
        synchronized (this) {
            if (markerWritten || simId == null || wipeDue) {
                return;
            }
            sim = simId;
        }
        backend.put(layout.simMarker(validatorUid), sim.getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            if (sim.equals(simId)) {
                markerWritten = true;
            }
        }
    }
}
