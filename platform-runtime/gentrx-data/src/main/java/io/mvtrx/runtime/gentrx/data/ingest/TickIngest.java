package io.mvtrx.runtime.gentrx.data.ingest;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.mvtrx.runtime.gentrx.data.book.ReplayBook;
import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.PageRecord;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;
import io.mvtrx.runtime.gentrx.data.tick.BookTick;
import io.mvtrx.runtime.gentrx.data.tick.PriceLevel;
import io.mvtrx.runtime.gentrx.data.tick.Side;
import io.mvtrx.runtime.gentrx.data.tick.TickEvent;
import io.mvtrx.runtime.gentrx.data.tick.TickPacket;

/**
 * The gradient server's ingest pipeline (reference gentrx.md §3.2): ticks go through a {@link ReorderBuffer}, then
 * each released tick is checked for simulation markers and identity, de-duplicated, and replayed book by book
 * through a {@link ReplayBook} rebuilt from the tick's L2 snapshot; every emitted event becomes a
 * {@link TrainingRow} appended to the {@link PageStore}. Books that reach the page cap are flushed at the end of
 * {@link #offer}; {@link #maintain} (the 5-s loop) releases timed-out ticks, runs a due wipe and tail-flushes books
 * that fell {@link IngestSettings#tailFlushNs} behind.
 *
 * <p>Per event, the book's state is read <em>before</em> the event is applied:
 * <ul>
 *   <li>trade: row {@code EXEC_BUY} (taker side buy) or {@code EXEC_SELL} with the fill's price and quantity; the
 *   engine is not driven (the fill is replayed by its taker's order event);</li>
 *   <li>cancel: row {@code CANCEL}; the engine cancels that quantity at the level's front;</li>
 *   <li>order: row {@code BID}/{@code ASK} with the remaining quantity, only when it is above 0; the engine gets
 *   the full size, remaining plus the fills of that order id as taker in this tick, so a crossing order matches
 *   there as it did in the simulator.</li>
 * </ul>
 *
 * <p>Thread-safe: ticks are processed under this object's lock; page puts and deletes happen outside it.
 */
public final class TickIngest {

    private static final System.Logger LOG = System.getLogger(TickIngest.class.getName());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;

    /** What one call did, for metrics and tests. */
    public record Outcome(int ticksProcessed, int ticksDropped, int rows, List<PageRecord> pages) {
    }

    private final PageStore pages;
    private final IngestSettings settings;
    private final ReorderBuffer reorder;
    private final Map<Integer, BookState> books = new HashMap<>();
    private final long[] askScratch = new long[ReplayBook.DEPTH];
    private final long[] bidScratch = new long[ReplayBook.DEPTH];
    private final Set<Integer> due = new LinkedHashSet<>();
    private boolean everBound;
    /** A simulation restored from staging that no tick has confirmed yet. */
    private boolean restoredUnconfirmed;
    private String simId;
    private Scales scales;
    private boolean hasLastTick;
    private long lastTickTs;
    private long maxTs;
    private long rowsEmitted;
    private long executions;

    /** Per-book replay state; the engine is created with the book and reset every tick. */
    private static final class BookState {
        final ReplayBook engine = new ReplayBook();
        long firstMid;
        boolean hasLast;
        long lastTs;
    }

    public TickIngest(PageStore pages, IngestSettings settings, InstantSource clock) {
        this.pages = pages;
        this.settings = settings;
        this.reorder = new ReorderBuffer(clock);
    }

    /** Accepts a tick; processes whatever the reorder buffer releases and flushes full pages. */
    public Outcome offer(TickPacket tick) throws IOException {
        int[] counts;
        synchronized (this) {
            counts = process(reorder.offer(tick));
        }
        return new Outcome(counts[0], counts[1], counts[2], flushDue());
    }

    /**
     * The loop's work (every 5 s in the reference): releases ticks that waited long enough, runs a due wipe and
     * re-asserts the marker, flushes full pages and tail-flushes books that fell behind.
     */
    public Outcome maintain() throws IOException {
        int[] counts;
        synchronized (this) {
            counts = process(reorder.release());
        }
        pages.maintain();
        List<PageRecord> written = new ArrayList<>(flushDue());
        for (int book : tailDue()) {
            pages.flush(book, true).ifPresent(written::add);
        }
        return new Outcome(counts[0], counts[1], counts[2], written);
    }

    /** The bound simulation. */
    public synchronized Optional<String> simId() {
        return Optional.ofNullable(simId);
    }

    /** The newest event time seen in this simulation, ns. */
    public synchronized long maxTs() {
        return maxTs;
    }

    /** The scales in use, once bound. */
    public synchronized Optional<Scales> scales() {
        return Optional.ofNullable(scales);
    }

    /**
     * The state to stage for a restart (pending rows included); consistent with the ticks processed so far.
     * Rows a flush is writing at this moment are included, so a page may be rewritten after a crash, never lost.
     */
    public synchronized IngestState snapshot() {
        List<IngestState.Book> states = new ArrayList<>();
        TreeSet<Integer> ids = new TreeSet<>(books.keySet());
        ids.addAll(pages.pendingBooks());
        for (int id : ids) {
            BookState state = books.get(id);
            states.add(new IngestState.Book(id, state == null ? 0 : state.firstMid,
                    state == null || !state.hasLast ? -1 : state.lastTs, pages.pending(id)));
        }
        return new IngestState(Optional.ofNullable(simId), Optional.ofNullable(scales),
                hasLastTick ? lastTickTs : -1, maxTs, states);
    }

    /**
     * Restores a staged state into a fresh ingest (before any tick). The first tick naming another simulation then
     * resets memory, and wipes the stored pages only with {@link IngestSettings#startupCleanup}.
     *
     * @throws IllegalStateException if this ingest has already bound a simulation
     */
    public synchronized void restore(IngestState state) {
        if (everBound) {
            throw new IllegalStateException("restore must come before the first tick");
        }
        if (state.simId().isEmpty()) {
            return;
        }
        everBound = true;
        restoredUnconfirmed = true;
        simId = state.simId().get();
        pages.bind(simId);
        scales = state.scales().orElse(null);
        hasLastTick = state.lastTickTs() >= 0;
        lastTickTs = Math.max(0, state.lastTickTs());
        maxTs = state.maxTs();
        for (IngestState.Book book : state.books()) {
            BookState restored = new BookState();
            restored.firstMid = book.firstMid();
            restored.hasLast = book.lastTs() >= 0;
            restored.lastTs = Math.max(0, book.lastTs());
            books.put(book.bookId(), restored);
            pages.restorePending(book.bookId(), book.pending());
            if (pages.cap() > 0 && pages.pendingRows(book.bookId()) >= pages.cap()) {
                due.add(book.bookId());
            }
        }
    }

    /** The data status: pages per book from the registry, last event times, row counts. */
    public synchronized DataStatus dataStatus() {
        Map<Integer, List<PageRecord>> byBook = new TreeMap<>();
        for (PageRecord page : pages.pages()) {
            byBook.computeIfAbsent(page.book(), b -> new ArrayList<>()).add(page);
        }
        for (Map.Entry<Integer, BookState> book : books.entrySet()) {
            byBook.computeIfAbsent(book.getKey(), b -> new ArrayList<>());
        }
        SortedMap<Integer, DataStatus.Book> status = new TreeMap<>();
        byBook.forEach((book, list) -> {
            BookState state = books.get(book);
            status.put(book, new DataStatus.Book(list, state == null ? 0 : state.lastTs));
        });
        return new DataStatus(maxTs, status, rowsEmitted, executions);
    }

    /** Ticks waiting in the reorder buffer. */
    public synchronized int buffered() {
        return reorder.buffered();
    }

    private List<PageRecord> flushDue() throws IOException {
        List<Integer> books;
        synchronized (this) {
            books = List.copyOf(due);
            due.clear();
        }
        List<PageRecord> written = new ArrayList<>();
        for (int book : books) {
            while (pages.cap() > 0 && pages.pendingRows(book) >= pages.cap()) {
                Optional<PageRecord> page = pages.flush(book, false);
                if (page.isEmpty()) {
                    break;
                }
                written.add(page.get());
            }
        }
        return written;
    }

    private synchronized List<Integer> tailDue() {
        List<Integer> tail = new ArrayList<>();
        for (int book : pages.pendingBooks()) {
            BookState state = books.get(book);
            long reference = pages.cap() == 0 ? pages.firstPendingTs(book).orElse(maxTs)
                    : state == null ? maxTs : state.lastTs;
            if (maxTs - reference >= settings.tailFlushNs()) {
                tail.add(book);
            }
        }
        return tail;
    }

    /** Returns {processed, dropped, rows}. */
    private int[] process(List<TickPacket> ticks) throws IOException {
        int[] counts = new int[3];
        for (TickPacket tick : ticks) {
            int rows = processOne(tick);
            if (rows < 0) {
                counts[1]++;
            } else {
                counts[0]++;
                counts[2] += rows;
            }
        }
        return counts;
    }

    /** Rows emitted, or -1 when the tick was dropped. */
    private int processOne(TickPacket tick) throws IOException {
        if (tick.simEnd()) {
            LOG.log(System.Logger.Level.INFO, "simulation end (ESE) of " + simId + ": resetting, data wipe due");
            resetAll(true);
            return -1;
        }
        Optional<String> id = tick.simulation();
        if (tick.simStart() && simId != null && !id.filter(simId::equals).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "simulation start (ESS) of " + id.orElse("?") + " while bound to "
                    + simId + ": resetting, data wipe due");
            resetAll(true);
        }
        if (id.isEmpty()) {
            if (simId == null) {
                return -1;
            }
        } else if (simId == null) {
            bind(id.get());
        } else if (restoredUnconfirmed && !simId.equals(id.get())) {
            // A transition across the restart: in-memory state goes; stored pages go only with startup cleanup.
            LOG.log(System.Logger.Level.INFO, "restored simulation " + simId + " is followed by " + id.get()
                    + (settings.startupCleanup() ? ": wiping its data" : ": keeping its data"));
            resetAll(settings.startupCleanup());
            pages.bind(id.get());
            simId = id.get();
        } else if (!simId.equals(id.get())) {
            LOG.log(System.Logger.Level.INFO, "simulation changed from " + simId + " to " + id.get()
                    + ": resetting, data wipe due");
            resetAll(true);
            bind(id.get());
        }
        restoredUnconfirmed = false;
        if (hasLastTick && tick.ts() == lastTickTs) {
            return -1;
        }
        hasLastTick = true;
        lastTickTs = tick.ts();
        if (scales == null) {
            scales = bindScales(tick);
        }
        int rows = 0;
        for (BookTick book : tick.books()) {
            rows += replay(book, tick);
        }
        return rows;
    }

    private void bind(String id) throws IOException {
        if (!everBound) {
            everBound = true;
            pages.bindFirst(id, settings.startupCleanup());
        } else {
            pages.bind(id);
        }
        simId = id;
    }

    private Scales bindScales(TickPacket tick) {
        if (tick.config().priceDecimals().isEmpty() || tick.config().volumeDecimals().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "tick at " + tick.ts() + " lacks priceDecimals or volumeDecimals;"
                    + " using 2 and 4");
            return Scales.FALLBACK;
        }
        return new Scales(tick.config().priceDecimals().getAsInt(), tick.config().volumeDecimals().getAsInt());
    }

    private void resetAll(boolean wipe) {
        books.clear();
        due.clear();
        reorder.reset();
        simId = null;
        scales = null;
        hasLastTick = false;
        lastTickTs = 0;
        maxTs = 0;
        rowsEmitted = 0;
        executions = 0;
        pages.reset(wipe);
    }

    private int replay(BookTick book, TickPacket tick) {
        BookState state = books.computeIfAbsent(book.bookId(), b -> new BookState());
        ReplayBook engine = state.engine;
        engine.reset();
        // Worst to best, bids then asks, as the reference inserts them.
        for (PriceLevel level : book.bids().reversed()) {
            rebuild(engine, true, level);
        }
        for (PriceLevel level : book.asks().reversed()) {
            rebuild(engine, false, level);
        }
        Map<Long, Double> fills = new HashMap<>();
        for (TickEvent event : book.events()) {
            if (event instanceof TickEvent.Trade trade) {
                fills.merge(trade.takerId(), trade.quantity(), Double::sum);
            }
        }
        boolean exchange = tick.config().exchangeMode();
        int rows = 0;
        for (TickEvent event : book.events()) {
            long ts = exchange ? tick.ts() : event.ts();
            long mid = engine.top(askScratch, bidScratch);
            if (state.firstMid == 0 && mid != 0) {
                state.firstMid = mid;
            }
            long interval = state.hasLast ? ts - state.lastTs : 0;
            state.hasLast = true;
            state.lastTs = ts;
            maxTs = Math.max(maxTs, ts);
            TrainingRow row = switch (event) {
                case TickEvent.Trade trade -> row(ts, trade.side() == Side.BUY ? OrderType.EXEC_BUY
                        : OrderType.EXEC_SELL, trade.price(), trade.quantity(), interval, mid, state);
                case TickEvent.Cancel cancel -> {
                    TrainingRow r = row(ts, OrderType.CANCEL, cancel.price(), cancel.quantity(), interval, mid,
                            state);
                    engine.cancel(cancel.side() == Side.BUY, scales.ticks(cancel.price()),
                            scales.units(cancel.quantity()));
                    yield r;
                }
                case TickEvent.Order order -> {
                    TrainingRow r = order.remaining() > 0 ? row(ts, order.side() == Side.BUY ? OrderType.BID
                            : OrderType.ASK, order.price(), order.remaining(), interval, mid, state) : null;
                    double full = order.remaining() + fills.getOrDefault(order.orderId(), 0.0);
                    engine.submit(order.side() == Side.BUY, scales.ticks(order.price()), scales.units(full));
                    yield r;
                }
            };
            if (row != null) {
                rows++;
                rowsEmitted++;
                if (row.orderType() == OrderType.EXEC_BUY || row.orderType() == OrderType.EXEC_SELL) {
                    executions++;
                }
                if (pages.append(book.bookId(), row)) {
                    due.add(book.bookId());
                }
            }
        }
        return rows;
    }

    private void rebuild(ReplayBook engine, boolean buy, PriceLevel level) {
        if (level.price() <= 0) {
            return;
        }
        engine.submit(buy, scales.ticks(level.price()), Math.max(1, scales.units(level.quantity())));
    }

    private TrainingRow row(long ts, OrderType type, double price, double quantity, long interval, long mid,
                            BookState state) {
        double whole = Math.floor(quantity);
        double[] asks = new double[TrainingRow.LEVELS];
        double[] bids = new double[TrainingRow.LEVELS];
        double volumeScale = scales.volumeScale();
        for (int i = 0; i < TrainingRow.LEVELS; i++) {
            asks[i] = askScratch[i] / volumeScale;
            bids[i] = bidScratch[i] / volumeScale;
        }
        long relPrice = mid == 0 ? 0 : scales.ticks(price) - mid;
        long midDelta = state.firstMid == 0 ? 0 : mid - state.firstMid;
        int timeOfDay = (int) Math.floorMod(Math.floorDiv(ts, NANOS_PER_SECOND), SECONDS_PER_DAY);
        return new TrainingRow(ts, type, relPrice, (int) whole, (float) (quantity - whole), interval, mid,
                timeOfDay, midDelta, asks, bids);
    }
}
