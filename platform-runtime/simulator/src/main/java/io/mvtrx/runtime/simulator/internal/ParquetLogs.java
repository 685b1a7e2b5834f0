package io.mvtrx.runtime.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.runtime.config.LoggingConfig;
import io.mvtrx.runtime.parquet.ParquetFileWriter;
import io.mvtrx.runtime.parquet.ParquetSchema;
import io.mvtrx.runtime.parquet.RowGroupBuffer;
import io.mvtrx.runtime.parquet.WriterOptions;
import io.mvtrx.runtime.simulator.log.EventLogWriter;
import io.mvtrx.runtime.simulator.log.LogKind;
import io.mvtrx.runtime.simulator.log.LogSchemas;
import io.mvtrx.runtime.simulator.log.ParquetLogSummary;

/**
 * The Parquet logs of a run: per book, the L3, trades, fees and L2 files the configuration's {@code <Logging>} asks
 * for, under {@code <root>/block-<b>/book-<canonical id>/<tag->kind-<DDHHMMSS>.parquet}, one file per
 * {@code logWindow} of simulation time (named by the window's start since the run's start; the whole run when the
 * window is 0). Schemas in {@link LogSchemas}.
 *
 * <p>The step loop only copies: at each barrier ({@link #barrier}) each block's L3 events of the step (one array
 * copy) and, at a publish, an L2 row per book taken to the configured depth go into a batch, one batch per writer
 * lane, handed over after {@value #HANDOFF_STEPS} steps, {@value #HANDOFF_EVENTS} events or a window's end. A lane
 * is one thread owning the files of the blocks {@code b} with {@code b % lanes == lane}; it splits a batch into
 * per-file row buffers, writes a buffer of {@value #ROW_GROUP_ROWS} rows as a row group, and closes a window's files
 * once a batch reaches past the window's end. The step loop waits only when a lane has {@value #BATCHES_IN_FLIGHT}
 * batches queued. A row belongs to the window holding its time; an L2 row taken at a
 * window's end belongs to that window. Since each file is written by one thread, in the order the rows were
 * produced, the files are the same whatever the number of worker threads or lanes.
 *
 * <p>Checkpoints: {@link #capture} hands every batch over, waits for the lanes, writes each open file's buffered
 * rows as a row group and records where every file stands; {@link #restore}, on a fresh instance over the same
 * folder, cuts the open files back to that point and continues them, so a run resumed from a checkpoint finishes the
 * same files, byte for byte, as the run would have uninterrupted (files of later windows are written again).
 *
 * <p>A failure on a lane (a full disk) stops further writing and is thrown, naming the file, by the next call from
 * the simulation's thread. Confined to the simulation's thread, apart from the lanes it owns.
 */
public final class ParquetLogs implements AutoCloseable {

    /** Rows of a full row group. */
    static final int ROW_GROUP_ROWS = 8_192;
    /** Batches queued on a lane before the step loop waits. */
    static final int BATCHES_IN_FLIGHT = 16;
    /** A batch goes to its lane after this many steps, ... */
    static final int HANDOFF_STEPS = 16;
    /** ... or this many events, or at a window's end, whichever comes first. */
    static final int HANDOFF_EVENTS = 1 << 13;

    private static final WriterOptions OPTIONS = WriterOptions.defaults();
    private static final int STRIDE = L3Buffer.STRIDE;

    private static final int L3_TIME = LogSchemas.L3.indexOf("time");
    private static final int L3_SEQ = LogSchemas.L3.indexOf("seq");
    private static final int L3_EVENT = LogSchemas.L3.indexOf("event");
    private static final int L3_ORDER = LogSchemas.L3.indexOf("order_id");
    private static final int L3_AGENT = LogSchemas.L3.indexOf("agent_id");
    private static final int L3_SIDE = LogSchemas.L3.indexOf("side");
    private static final int L3_PRICE = LogSchemas.L3.indexOf("price");
    private static final int L3_VOLUME = LogSchemas.L3.indexOf("volume");
    private static final int L3_CLIENT = LogSchemas.L3.indexOf("client_order_id");
    private static final int L3_TYPE = LogSchemas.L3.indexOf("order_type");
    private static final int L3_STP = LogSchemas.L3.indexOf("stp");
    private static final int L3_LEVERAGE = LogSchemas.L3.indexOf("leverage");
    private static final int L3_TRADE = LogSchemas.L3.indexOf("trade_id");
    private static final int L3_MAKER_ORDER = LogSchemas.L3.indexOf("maker_order_id");
    private static final int L3_MAKER_AGENT = LogSchemas.L3.indexOf("maker_agent_id");
    private static final int L3_TAKER_FEE = LogSchemas.L3.indexOf("taker_fee");
    private static final int L3_MAKER_FEE = LogSchemas.L3.indexOf("maker_fee");
    private static final int L3_REMAINING = LogSchemas.L3.indexOf("remaining");
    private static final int L3_REASON = LogSchemas.L3.indexOf("reason");

    private static final int TR_TIME = LogSchemas.TRADES.indexOf("time");
    private static final int TR_SEQ = LogSchemas.TRADES.indexOf("seq");
    private static final int TR_TRADE = LogSchemas.TRADES.indexOf("trade_id");
    private static final int TR_SIDE = LogSchemas.TRADES.indexOf("taker_side");
    private static final int TR_TAKER_ORDER = LogSchemas.TRADES.indexOf("taker_order_id");
    private static final int TR_MAKER_ORDER = LogSchemas.TRADES.indexOf("maker_order_id");
    private static final int TR_TAKER_AGENT = LogSchemas.TRADES.indexOf("taker_agent_id");
    private static final int TR_MAKER_AGENT = LogSchemas.TRADES.indexOf("maker_agent_id");
    private static final int TR_PRICE = LogSchemas.TRADES.indexOf("price");
    private static final int TR_VOLUME = LogSchemas.TRADES.indexOf("volume");
    private static final int TR_TAKER_FEE = LogSchemas.TRADES.indexOf("taker_fee");
    private static final int TR_MAKER_FEE = LogSchemas.TRADES.indexOf("maker_fee");

    private static final int FE_TIME = LogSchemas.FEES.indexOf("time");
    private static final int FE_TRADE = LogSchemas.FEES.indexOf("trade_id");
    private static final int FE_AGENT = LogSchemas.FEES.indexOf("agent_id");
    private static final int FE_ROLE = LogSchemas.FEES.indexOf("role");
    private static final int FE_ORDER = LogSchemas.FEES.indexOf("order_id");
    private static final int FE_FEE = LogSchemas.FEES.indexOf("fee");
    private static final int FE_PRICE = LogSchemas.FEES.indexOf("price");
    private static final int FE_VOLUME = LogSchemas.FEES.indexOf("volume");

    private static final int NO_CODE = -1;

    private final Path root;
    private final long start;
    private final long end;
    private final long logWindow;
    private final String prefix;
    private final boolean l3;
    private final boolean fees;
    private final int depth;
    private final ParquetSchema l2Schema;
    private final int l2Width;
    private final Map<String, String> runMetadata;
    private final BookLogs[] books;
    private final Lane[] lanes;
    private final Batch[] current;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private final Levels asks;
    private final Levels bids;
    private long appendNanos;
    private long waitNanos;
    private boolean closed;
    private boolean failureThrown;

    /**
     * Logs for {@code blockCount × booksPerBlock} books; files are created when a row group fills or a window ends.
     *
     * @param root      folder of the logs
     * @param logging   which logs, the L2 depth, the file-name tag and the start date
     * @param start     simulation start, ns
     * @param end       simulation end, ns
     * @param logWindow length of a file's window, ns, or 0 for one file per book and kind
     * @param lanes     writer threads, at least 1 (more than {@code blockCount} would idle)
     */
    public ParquetLogs(Path root, LoggingConfig logging, int blockCount, int booksPerBlock, long start, long end,
                       long logWindow, BookDecimals decimals, String simulationId, long seed, int lanes) {
        if (logWindow < 0) {
            throw new IllegalArgumentException("logWindow must be >= 0 ns, got " + logWindow);
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, got " + lanes);
        }
        this.root = root;
        this.start = start;
        this.end = end;
        this.logWindow = logWindow;
        this.prefix = logging.tag().map(tag -> tag + "-").orElse("");
        this.l3 = logging.l3();
        this.fees = logging.feeLog();
        this.depth = logging.l2Depth();
        this.l2Schema = logging.l2() ? LogSchemas.l2(depth) : null;
        this.l2Width = 2 + 4 * depth;
        this.asks = new Levels(Math.max(1, depth));
        this.bids = new Levels(Math.max(1, depth));
        Map<String, String> common = new LinkedHashMap<>();
        common.put("mvtrx.simulation", simulationId);
        common.put("mvtrx.seed", Long.toString(seed));
        common.put("mvtrx.startDate", logging.startDate().toString());
        common.put("mvtrx.decimals.price", Integer.toString(decimals.price().decimals()));
        common.put("mvtrx.decimals.volume", Integer.toString(decimals.volume().decimals()));
        common.put("mvtrx.decimals.base", Integer.toString(decimals.base().decimals()));
        common.put("mvtrx.decimals.quote", Integer.toString(decimals.quote().decimals()));
        // insertion order, not Map.copyOf: its iteration order changes from JVM to JVM, and so would the footers
        this.runMetadata = Collections.unmodifiableMap(common);
        this.books = new BookLogs[blockCount * booksPerBlock];
        for (int b = 0; b < books.length; b++) {
            books[b] = new BookLogs(b / booksPerBlock, b);
        }
        int count = Math.min(lanes, blockCount);
        this.lanes = new Lane[count];
        for (int lane = 0; lane < count; lane++) {
            this.lanes[lane] = new Lane(lane);
        }
        this.current = new Batch[count];
    }

    /** Whether {@code logging} asks for any Parquet log. */
    public static boolean wanted(LoggingConfig logging) {
        return logging.l3() || logging.feeLog() || logging.l2();
    }

    /**
     * The barrier work of a step ending at {@code cutoff}: copies every block's L3 events of the step (before the
     * simulation clears them) and, if the barrier publishes, an L2 row per book, and hands them to the lanes.
     *
     * @throws IllegalStateException or {@link UncheckedIOException} if writing failed on a lane, naming the file
     */
    public void barrier(List<Block> blocks, long cutoff, boolean publishes) {
        checkFailure();
        if (closed) {
            throw new IllegalStateException("the Parquet logs are closed");
        }
        long began = System.nanoTime();
        for (int lane = 0; lane < lanes.length; lane++) {
            if (current[lane] == null) {
                current[lane] = lanes[lane].take();
                current[lane].firstCutoff = cutoff;
            }
            current[lane].cutoff = cutoff;
        }
        for (Block block : blocks) {
            Batch batch = current[block.index() % lanes.length];
            if (l3 || fees) {
                batch.addEvents(block);
            }
            if (publishes && l2Schema != null) {
                for (int b = 0; b < block.books(); b++) {
                    asks.clear();
                    bids.clear();
                    block.levels(b, Side.SELL, depth, asks);
                    block.levels(b, Side.BUY, depth, bids);
                    batch.addSnapshot(block.bookOffset() + b, cutoff, asks, bids);
                }
            }
        }
        for (int lane = 0; lane < lanes.length; lane++) {
            Batch batch = current[lane];
            // Several steps a batch: fewer wake-ups of the lane, which otherwise preempts the step loop on a busy box.
            if (++batch.steps >= HANDOFF_STEPS || batch.eventCount >= HANDOFF_EVENTS
                    || windowOf(cutoff) != windowOf(batch.firstCutoff)) {
                lanes[lane].submit(batch);
                current[lane] = null;
            }
        }
        appendNanos += System.nanoTime() - began;
    }

    /** What {@link #capture} saved, and the files still open (a checkpoint makes their bytes so far durable). */
    public record Capture(byte[] state, List<Path> openFiles) {
        public Capture {
            openFiles = List.copyOf(openFiles);
        }
    }

    /**
     * Between two steps: hands every batch to its lane, waits until the lanes have written everything, and records
     * where each file stands (its buffered rows written as a row group first). The run goes on unchanged.
     *
     * @throws IllegalStateException or {@link UncheckedIOException} if writing failed on a lane, naming the file
     */
    public Capture capture() {
        checkFailure();
        if (closed) {
            throw new IllegalStateException("the Parquet logs are closed");
        }
        long began = System.nanoTime();
        List<Future<?>> flushed = new ArrayList<>(lanes.length);
        for (int lane = 0; lane < lanes.length; lane++) {
            if (current[lane] != null) {
                lanes[lane].submit(current[lane]);
                current[lane] = null;
            }
            flushed.add(lanes[lane].executor.submit(lanes[lane]::flushOpenFiles));
        }
        boolean interrupted = false;
        for (Future<?> future : flushed) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause()));
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        checkFailure();
        // the lanes are idle until the next batch: their fields are read here after Future.get (happens-before)
        StateWriter out = StateWriter.inMemory();
        List<Path> open = new ArrayList<>();
        out.writeBoolean(l3);
        out.writeBoolean(fees);
        out.writeInt(l2Schema == null ? -1 : depth);
        out.writeLong(start);
        out.writeLong(end);
        out.writeLong(logWindow);
        out.writeInt(books.length);
        Lane first = lanes[0];
        out.writeBoolean(first.processed);
        out.writeLong(first.lastCutoff);
        out.writeLong(first.rolledTo);
        for (BookLogs book : books) {
            out.writeLong(book.seq);
            for (FileSlot slot : book.slots) {
                out.writeLong(slot.window);
                out.writeBoolean(slot.writer != null);
                if (slot.writer != null) {
                    out.writeString(root.relativize(slot.file).toString());
                    out.writeBytes(slot.writer.progress());
                    open.add(slot.file);
                }
            }
        }
        out.writeLong(files.get());
        out.writeLong(rowsWritten.get());
        out.writeLong(bytes.get());
        appendNanos += System.nanoTime() - began;
        return new Capture(out.toByteArray(), open);
    }

    /**
     * Continues the files a {@link #capture} of a run of the same configuration recorded, under this instance's
     * folder; call before the first {@link #barrier}. Open files are cut back to where they stood.
     *
     * @throws io.mvtrx.api.snapshot.StateFormatException if the state is of other logs (kinds, depth, windows, books)
     * @throws UncheckedIOException                       if an open file is missing or shorter, naming it
     */
    public void restore(StateReader in) {
        if (closed || lanes[0].processed || current[0] != null) {
            throw new IllegalStateException("restore comes before the first step");
        }
        in.check(in.readBoolean() == l3 && in.readBoolean() == fees && in.readInt() == (l2Schema == null ? -1 : depth),
                "the checkpointed run wrote other Parquet logs (L3/trades, fees, L2 depth) than this configuration asks");
        in.check(in.readLong() == start && in.readLong() == end && in.readLong() == logWindow,
                "the checkpointed run's Parquet log windows differ from this run's");
        int count = in.readInt();
        in.check(count == books.length, "the checkpoint's Parquet logs cover %d books, this run has %d", count,
                books.length);
        boolean processed = in.readBoolean();
        long lastCutoff = in.readLong();
        long rolledTo = in.readLong();
        for (Lane lane : lanes) {
            lane.processed = processed;
            lane.lastCutoff = lastCutoff;
            lane.rolledTo = rolledTo;
        }
        for (BookLogs book : books) {
            book.seq = in.readLong();
            for (FileSlot slot : book.slots) {
                slot.window = in.readLong();
                if (in.readBoolean()) {
                    Path file = root.resolve(in.readString());
                    byte[] progress = in.readBytes();
                    try {
                        slot.writer = ParquetFileWriter.resume(file, progress, slot.schema, OPTIONS);
                        slot.file = file;
                        for (Map.Entry<String, String> entry : runMetadata.entrySet()) {
                            in.check(entry.getValue().equals(slot.writer.metadata(entry.getKey())),
                                    "%s: the checkpointed run's %s was %s, this run's is %s", file, entry.getKey(),
                                    slot.writer.metadata(entry.getKey()), entry.getValue());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                    }
                }
            }
        }
        files.set(in.readLong());
        rowsWritten.set(in.readLong());
        bytes.set(in.readLong());
    }

    /** What the logs cost so far; complete after {@link #close}. */
    public ParquetLogSummary summary() {
        return new ParquetLogSummary(files.get(), rowsWritten.get(), bytes.get(), appendNanos, waitNanos,
                writeNanos.get());
    }

    /**
     * Writes what is buffered, closes every file and stops the lanes. Idempotent.
     *
     * @throws IllegalStateException or {@link UncheckedIOException} if writing failed, naming the file (unless
     *                               {@link #barrier} threw it already)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int lane = 0; lane < lanes.length; lane++) {
            if (current[lane] != null) {
                lanes[lane].submit(current[lane]);
                current[lane] = null;
            }
            lanes[lane].finish();
        }
        boolean interrupted = false;
        for (Lane lane : lanes) {
            while (true) {
                try {
                    if (lane.executor.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failureThrown) {
            checkFailure();
        }
    }

    private void checkFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            failureThrown = true;
            throw e;
        }
    }

    private long windowOf(long time) {
        return logWindow == 0 ? 0 : (time - start) / logWindow;
    }

    /** {@code DDHHMMSS} of a span of ns: days (two digits or more), hours, minutes, seconds. */
    static String tag(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d%02d%02d%02d", seconds / 86_400, seconds / 3600 % 24,
                seconds / 60 % 60, seconds % 60);
    }

    // ------------------------------------------------------------------------------------------ lanes

    /** One writer thread, the files of its blocks, and its pool of batches. */
    private final class Lane {
        final int index;
        final ExecutorService executor;
        final Semaphore permits = new Semaphore(BATCHES_IN_FLIGHT);
        final ConcurrentLinkedQueue<Batch> pool = new ConcurrentLinkedQueue<>();
        /** Lane thread only: whether a batch was processed, the last one's cutoff, the window rolls reached. */
        boolean processed;
        long lastCutoff;
        long rolledTo;
        /** Scratch of {@link #byBook}: event indices, and per-book starts. */
        int[] order = new int[1024];
        final int[] starts = new int[books.length + 1];

        Lane(int index) {
            this.index = index;
            this.executor = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("mvtrx-parquet-logs-" + index).daemon(true).factory());
        }

        Batch take() {
            if (!permits.tryAcquire()) {
                long began = System.nanoTime();
                permits.acquireUninterruptibly();
                waitNanos += System.nanoTime() - began;
            }
            Batch batch = pool.poll();
            if (batch == null) {
                batch = new Batch(l2Width);
            }
            batch.reset();
            return batch;
        }

        void submit(Batch batch) {
            executor.execute(() -> {
                long began = System.nanoTime();
                try {
                    if (failure.get() == null) {
                        process(batch);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    pool.add(batch);
                    permits.release();
                    writeNanos.addAndGet(System.nanoTime() - began);
                }
            });
        }

        /** Lane thread, at a capture: writes every open file's buffered rows as a row group and flushes it. */
        void flushOpenFiles() {
            for (BookLogs book : books) {
                if (book.block % lanes.length == index) {
                    for (FileSlot slot : book.slots) {
                        slot.flush();
                        slot.flushFile();
                    }
                }
            }
        }

        /** Writes every buffered row, closes every file of the lane, stops the thread. */
        void finish() {
            executor.execute(() -> {
                long began = System.nanoTime();
                // the window of the last step run; none if no step ran
                long last = processed ? windowOf(lastCutoff - 1) : -1;
                for (BookLogs book : books) {
                    if (book.block % lanes.length == index) {
                        for (FileSlot slot : book.slots) {
                            try {
                                while (slot.window <= last) {
                                    slot.finish();
                                }
                            } catch (RuntimeException e) {
                                // the first failure is reported; every other file is still closed
                                failure.compareAndSet(null, e);
                            }
                        }
                    }
                }
                writeNanos.addAndGet(System.nanoTime() - began);
            });
            executor.shutdown();
        }

        private void process(Batch batch) {
            if (l3 || fees) {
                route(batch.events, batch.eventCount, byBook(batch));
            }
            long[] d = batch.l2;
            for (int row = 0; row < batch.l2Rows; row++) {
                int at = row * l2Width;
                FileSlot slot = books[(int) d[at]].l2;
                long time = d[at + 1];
                RowGroupBuffer r = slot.rowsAt(windowOf(time - 1));
                r.putLong(0, time);
                for (int c = 1; c < l2Width - 1; c++) {
                    r.putLong(c, d[at + 1 + c]);
                }
                slot.rowDone();
            }
            roll(batch.cutoff);
            processed = true;
            lastCutoff = batch.cutoff;
        }

        /**
         * The batch's events grouped by book, each book's in their order (a stable counting sort): appending one
         * book's rows at a time writes each column array sequentially instead of scattering over every book's.
         */
        private int[] byBook(Batch batch) {
            int n = batch.eventCount;
            if (order.length < n) {
                order = new int[Math.max(n, order.length * 2)];
            }
            Arrays.fill(starts, 0);
            long[] d = batch.events;
            for (int e = 0; e < n; e++) {
                starts[(int) d[e * STRIDE + 1] + 1]++;
            }
            for (int b = 0; b < books.length; b++) {
                starts[b + 1] += starts[b];
            }
            for (int e = 0; e < n; e++) {
                order[starts[(int) d[e * STRIDE + 1]]++] = e;
            }
            return order;
        }

        /** Writes and closes every file of the lane whose window ended at or before {@code cutoff}. */
        private void roll(long cutoff) {
            long window = windowOf(cutoff);
            if (window == rolledTo) {
                return;
            }
            rolledTo = window;
            for (BookLogs book : books) {
                if (book.block % lanes.length == index) {
                    for (FileSlot slot : book.slots) {
                        while (slot.window < window) {
                            slot.finish();
                        }
                    }
                }
            }
        }
    }

    /** What the step loop hands a lane at one barrier. */
    private static final class Batch {
        final int l2Width;
        /** The last step's cutoff, and the first's. */
        long cutoff;
        long firstCutoff;
        int steps;
        /** L3 events as in {@link L3Buffer}, book ids canonical. */
        long[] events = new long[STRIDE * 1024];
        int eventCount;
        /** L2 rows: canonical book, time, then ask price, ask volume, bid price, bid volume per level. */
        long[] l2;
        int l2Rows;

        Batch(int l2Width) {
            this.l2Width = l2Width;
            this.l2 = new long[l2Width * 16];
        }

        void reset() {
            steps = 0;
            eventCount = 0;
            l2Rows = 0;
        }

        void addEvents(Block block) {
            L3Buffer buffer = block.events();
            int n = buffer.size();
            int from = eventCount * STRIDE;
            int need = from + n * STRIDE;
            if (need > events.length) {
                events = Arrays.copyOf(events, Math.max(need, events.length * 2));
            }
            System.arraycopy(buffer.raw(), 0, events, from, n * STRIDE);
            int offset = block.bookOffset();
            if (offset != 0) {
                for (int i = from + 1; i < need; i += STRIDE) {
                    events[i] += offset;
                }
            }
            eventCount += n;
        }

        void addSnapshot(int book, long time, Levels asks, Levels bids) {
            int at = l2Rows * l2Width;
            if (at + l2Width > l2.length) {
                l2 = Arrays.copyOf(l2, l2.length * 2);
            }
            l2[at] = book;
            l2[at + 1] = time;
            int c = at + 2;
            for (int level = 0; c < at + l2Width; level++) {
                l2[c++] = asks.price(level);
                l2[c++] = asks.volume(level);
                l2[c++] = bids.price(level);
                l2[c++] = bids.volume(level);
            }
            l2Rows++;
        }
    }

    // ------------------------------------------------------------------------------------------ rows (lane thread)

    /** Appends the rows of events {@code order[0..size-1]} of {@code d}. */
    private void route(long[] d, int size, int[] order) {
        for (int k = 0; k < size; k++) {
            int i = order[k] * STRIDE;
            BookLogs book = books[(int) d[i + 1]];
            long time = d[i + 2];
            int type = (int) d[i];
            if (l3) {
                RowGroupBuffer r = book.l3.rowsAt(windowOf(time));
                r.putLong(L3_TIME, time);
                r.putLong(L3_SEQ, book.seq);
                r.putInt(L3_EVENT, type);
                switch (type) {
                    case EventLogWriter.PLACED -> {
                        r.putLong(L3_ORDER, d[i + 3]);
                        r.putInt(L3_AGENT, (int) d[i + 4]);
                        r.putInt(L3_SIDE, (int) d[i + 7]);
                        r.putLong(L3_PRICE, d[i + 9]);
                        r.putLong(L3_VOLUME, d[i + 10]);
                        r.putLong(L3_CLIENT, d[i + 5]);
                        r.putInt(L3_TYPE, (int) d[i + 6]);
                        r.putInt(L3_STP, (int) d[i + 8]);
                        r.putLong(L3_LEVERAGE, d[i + 11]);
                        r.putLong(L3_TRADE, 0);
                        r.putLong(L3_MAKER_ORDER, 0);
                        r.putInt(L3_MAKER_AGENT, 0);
                        r.putLong(L3_TAKER_FEE, 0);
                        r.putLong(L3_MAKER_FEE, 0);
                        r.putLong(L3_REMAINING, 0);
                        r.putInt(L3_REASON, NO_CODE);
                    }
                    case EventLogWriter.TRADE -> {
                        r.putLong(L3_ORDER, d[i + 5]);
                        r.putInt(L3_AGENT, (int) d[i + 7]);
                        r.putInt(L3_SIDE, (int) d[i + 4]);
                        r.putLong(L3_PRICE, d[i + 9]);
                        r.putLong(L3_VOLUME, d[i + 10]);
                        r.putLong(L3_CLIENT, 0);
                        r.putInt(L3_TYPE, NO_CODE);
                        r.putInt(L3_STP, NO_CODE);
                        r.putLong(L3_LEVERAGE, 0);
                        r.putLong(L3_TRADE, d[i + 3]);
                        r.putLong(L3_MAKER_ORDER, d[i + 6]);
                        r.putInt(L3_MAKER_AGENT, (int) d[i + 8]);
                        r.putLong(L3_TAKER_FEE, d[i + 11]);
                        r.putLong(L3_MAKER_FEE, d[i + 12]);
                        r.putLong(L3_REMAINING, 0);
                        r.putInt(L3_REASON, NO_CODE);
                    }
                    case EventLogWriter.CANCELLED -> {
                        r.putLong(L3_ORDER, d[i + 3]);
                        r.putInt(L3_AGENT, (int) d[i + 4]);
                        r.putInt(L3_SIDE, NO_CODE);
                        r.putLong(L3_PRICE, d[i + 5]);
                        r.putLong(L3_VOLUME, d[i + 6]);
                        r.putLong(L3_CLIENT, 0);
                        r.putInt(L3_TYPE, NO_CODE);
                        r.putInt(L3_STP, NO_CODE);
                        r.putLong(L3_LEVERAGE, 0);
                        r.putLong(L3_TRADE, 0);
                        r.putLong(L3_MAKER_ORDER, 0);
                        r.putInt(L3_MAKER_AGENT, 0);
                        r.putLong(L3_TAKER_FEE, 0);
                        r.putLong(L3_MAKER_FEE, 0);
                        r.putLong(L3_REMAINING, d[i + 7]);
                        r.putInt(L3_REASON, (int) d[i + 8]);
                    }
                    default -> throw new IllegalStateException("corrupt L3 buffer: event type " + type);
                }
                book.l3.rowDone();
            }
            if (type == EventLogWriter.TRADE) {
                if (l3) {
                    RowGroupBuffer r = book.trades.rowsAt(windowOf(time));
                    r.putLong(TR_TIME, time);
                    r.putLong(TR_SEQ, book.seq);
                    r.putLong(TR_TRADE, d[i + 3]);
                    r.putInt(TR_SIDE, (int) d[i + 4]);
                    r.putLong(TR_TAKER_ORDER, d[i + 5]);
                    r.putLong(TR_MAKER_ORDER, d[i + 6]);
                    r.putInt(TR_TAKER_AGENT, (int) d[i + 7]);
                    r.putInt(TR_MAKER_AGENT, (int) d[i + 8]);
                    r.putLong(TR_PRICE, d[i + 9]);
                    r.putLong(TR_VOLUME, d[i + 10]);
                    r.putLong(TR_TAKER_FEE, d[i + 11]);
                    r.putLong(TR_MAKER_FEE, d[i + 12]);
                    book.trades.rowDone();
                }
                if (fees) {
                    fee(book, time, d[i + 3], (int) d[i + 7], 0, d[i + 5], d[i + 11], d[i + 9], d[i + 10]);
                    fee(book, time, d[i + 3], (int) d[i + 8], 1, d[i + 6], d[i + 12], d[i + 9], d[i + 10]);
                }
            }
            if (l3) {
                book.seq++;
            }
        }
    }

    private void fee(BookLogs book, long time, long tradeId, int agentId, int role, long orderId, long fee,
                            long price, long volume) {
        RowGroupBuffer r = book.fees.rowsAt(windowOf(time));
        r.putLong(FE_TIME, time);
        r.putLong(FE_TRADE, tradeId);
        r.putInt(FE_AGENT, agentId);
        r.putInt(FE_ROLE, role);
        r.putLong(FE_ORDER, orderId);
        r.putLong(FE_FEE, fee);
        r.putLong(FE_PRICE, price);
        r.putLong(FE_VOLUME, volume);
        book.fees.rowDone();
    }

    // ------------------------------------------------------------------------------------------ per book, per file

    private final class BookLogs {
        final FileSlot l3;
        final FileSlot trades;
        final FileSlot fees;
        final FileSlot l2;
        final FileSlot[] slots;
        final int block;
        /** L3 rows so far; lane thread. */
        long seq;

        BookLogs(int block, int book) {
            this.block = block;
            Path dir = root.resolve("block-" + block).resolve("book-" + book);
            this.l3 = ParquetLogs.this.l3 ? new FileSlot(LogKind.L3, LogSchemas.L3, dir, block, book) : null;
            this.trades = ParquetLogs.this.l3 ? new FileSlot(LogKind.TRADES, LogSchemas.TRADES, dir, block, book)
                    : null;
            this.fees = ParquetLogs.this.fees ? new FileSlot(LogKind.FEES, LogSchemas.FEES, dir, block, book)
                    : null;
            this.l2 = l2Schema == null ? null : new FileSlot(LogKind.L2, l2Schema, dir, block, book);
            this.slots = Stream.of(l3, trades, fees, l2).filter(Objects::nonNull).toArray(FileSlot[]::new);
        }
    }

    /**
     * One kind of log of one book: the window being filled, its row buffer and its open file. Confined to the
     * book's lane.
     */
    private final class FileSlot {
        final LogKind kind;
        final ParquetSchema schema;
        final Path dir;
        final int block;
        final int book;
        /** Window being collected: every earlier window's file is written. */
        long window;
        RowGroupBuffer rows;
        ParquetFileWriter writer;
        Path file;

        FileSlot(LogKind kind, ParquetSchema schema, Path dir, int block, int book) {
            this.kind = kind;
            this.schema = schema;
            this.dir = dir;
            this.block = block;
            this.book = book;
        }

        /** The buffer for a row in window {@code index}, closing the earlier windows' files first. */
        RowGroupBuffer rowsAt(long index) {
            if (index < window) {
                throw new IllegalStateException(String.format("book %d %s: a row of window %d after window %d",
                        book, kind.stem(), index, window));
            }
            while (window < index) {
                finish();
            }
            if (rows == null) {
                rows = new RowGroupBuffer(schema, 1024);
            }
            return rows;
        }

        void rowDone() {
            rows.endRow();
            if (rows.rows() >= ROW_GROUP_ROWS) {
                flush();
            }
        }

        /** Writes the buffered rows as a row group, opening the window's file first if needed. */
        void flush() {
            if (rows == null || rows.isEmpty()) {
                return;
            }
            try {
                if (writer == null) {
                    open();
                }
                writer.write(rows);
                rowsWritten.addAndGet(rows.rows());
                rows.clear();
            } catch (IOException e) {
                throw new UncheckedIOException(String.format("cannot write the Parquet log %s: %s", where(),
                        e.getMessage()), e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(String.format("cannot write the Parquet log %s: %s", where(),
                        e.getMessage()), e);
            }
        }

        /** Pushes the open file's bytes to the OS, if a file is open. */
        void flushFile() {
            if (writer == null) {
                return;
            }
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(String.format("cannot write the Parquet log %s: %s", where(),
                        e.getMessage()), e);
            }
        }

        /** Writes the window's last rows and closes its file (an empty one if the window had no rows); moves on. */
        void finish() {
            flush();
            try {
                if (writer == null) {
                    open();
                }
                ParquetFileWriter closing = writer;
                writer = null;
                closing.close();
                files.incrementAndGet();
                bytes.addAndGet(closing.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(String.format("cannot write the Parquet log %s: %s", where(),
                        e.getMessage()), e);
            } finally {
                window++;
            }
        }

        private String where() {
            return file == null ? dir.toString() : file.toString();
        }

        private void open() throws IOException {
            long from = start + window * logWindow;
            long to = logWindow == 0 ? end : Math.min(end, from + logWindow);
            Files.createDirectories(dir);
            file = dir.resolve(prefix + kind.stem() + "-" + tag(from - start) + ".parquet");
            writer = ParquetFileWriter.create(file, schema, OPTIONS);
            for (Map.Entry<String, String> entry : runMetadata.entrySet()) {
                writer.metadata(entry.getKey(), entry.getValue());
            }
            writer.metadata("mvtrx.kind", kind.stem());
            writer.metadata("mvtrx.block", Integer.toString(block));
            writer.metadata("mvtrx.book", Integer.toString(book));
            writer.metadata("mvtrx.window.start", Long.toString(from));
            writer.metadata("mvtrx.window.end", Long.toString(to));
            if (kind == LogKind.L2) {
                writer.metadata("mvtrx.l2.depth", Integer.toString(depth));
            }
        }
    }

    /** Collects up to {@code depth} levels of one side. */
    private static final class Levels implements LevelVisitor {
        private final long[] prices;
        private final long[] volumes;
        private int count;

        Levels(int depth) {
            prices = new long[depth];
            volumes = new long[depth];
        }

        void clear() {
            count = 0;
        }

        @Override
        public boolean visit(long price, long quantity, int orders) {
            prices[count] = price;
            volumes[count] = quantity;
            count++;
            return count < prices.length;
        }

        long price(int level) {
            return level < count ? prices[level] : 0;
        }

        long volume(int level) {
            return level < count ? volumes[level] : 0;
        }
    }
}
