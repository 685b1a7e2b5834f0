package io.mvtrx.runtime.simulator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.snapshot.StateFormatException;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.config.AgentGroupConfig;
import io.mvtrx.runtime.config.ExchangeConfig;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.checkpoint.SimulationState;
import io.mvtrx.runtime.simulator.internal.AgentDirectory;
import io.mvtrx.runtime.simulator.internal.Block;
import io.mvtrx.runtime.simulator.internal.BlockSetup;
import io.mvtrx.runtime.simulator.internal.MessageCodec;
import io.mvtrx.runtime.simulator.internal.ParquetLogs;
import io.mvtrx.runtime.simulator.kernel.BlockScheduler;
import io.mvtrx.runtime.simulator.kernel.StepClock;
import io.mvtrx.runtime.simulator.log.EventLogWriter;
import io.mvtrx.runtime.simulator.log.ParquetLogSummary;

/**
 * A whole simulation: {@code blockCount} independent blocks (see {@link Block}) advanced step by step on a bounded
 * pool, with everything that happens at the barrier between steps done here, on the caller's thread, in block
 * order:
 *
 * <ol>
 *   <li>every block's L3 events of the step go to the event log (block 0's first, each block's in processing order),
 *       then a step marker;</li>
 *   <li>with Parquet logs, the same events go to their row buffers and, at a publish time, an L2 row per book
 *       (whether or not remote agents are attached); windows that ended are closed (see {@code ParquetLogs});</li>
 *   <li>at or after the grace period, with remote agents attached, a {@link Publication} is built — the books once,
 *       shared by every remote account's {@link StateUpdate} — and handed to {@link RemoteAgents}; their answers are
 *       checked and their instructions queued to arrive {@code delay} ns after the barrier;</li>
 *   <li>the step's L3 buffers are cleared.</li>
 * </ol>
 *
 * Because blocks share nothing and the barrier work runs in block order, the event log, the Parquet logs and every
 * exchange's state are the same whatever the number of threads.
 *
 * {@snippet :
 * try (Simulation simulation = Simulation.create(config, catalog, SimulationOptions.defaults().withThreads(2))) {
 *     simulation.run(progress -> { });
 *     System.out.println(EventLogHash.hex(simulation.eventLogHash()));
 * }
 * }
 *
 * <p>Checkpoints: between steps {@link #capture()} saves the whole state (every block in parallel) and
 * {@link #resume} builds a simulation from the same configuration that continues from it, writing the same event
 * log from there on as the saved run would have (see {@code checkpoint.CheckpointStore} for the files).
 *
 * <p>One caller at a time. Remote accounts are {@code 0..remoteAgentCount-1} in every block (one account per book).
 */
public final class Simulation implements AutoCloseable {

    /** Open orders per book the exchanges size their pools for. */
    static final int EXPECTED_ORDERS = 16_384;

    private final SimulationInfo info;
    private final StepClock clock;
    private final long seed;
    private final List<Block> blocks;
    private final BlockScheduler scheduler;
    private final EventLogWriter log;
    private final ParquetLogs parquet;
    /** Parquet files open at the last capture; simulation thread. */
    private List<Path> capturedOpenFiles = List.of();
    private final RemoteAgents remote;
    private final int remoteCount;
    private final int booksPerBlock;
    private final Map<Integer, List<Notice>> pendingNotices = new HashMap<>();
    private final Path eventLogFile;
    private long stepIndex;
    /** Open orders the last publication carried: the next one's first guess at its order block. */
    private int publishedOrders;
    private long wallNanos;
    private BarrierListener barrierListener;

    private Simulation(SimulationInfo info, StepClock clock, long seed, List<Block> blocks, BlockScheduler scheduler,
                       EventLogWriter log, ParquetLogs parquet, RemoteAgents remote, Path eventLogFile) {
        this.eventLogFile = eventLogFile;
        this.info = info;
        this.clock = clock;
        this.seed = seed;
        this.blocks = List.copyOf(blocks);
        this.scheduler = scheduler;
        this.log = log;
        this.parquet = parquet;
        this.remote = remote;
        this.remoteCount = info.remoteAgentCount();
        this.booksPerBlock = info.booksPerBlock();
        if (remote != null) {
            for (int id = 0; id < remoteCount; id++) {
                notice(id, new SimulationStarted(clock.start(), info.simulationId()));
            }
        }
    }

    /**
     * Builds every block (in parallel on {@code threads} workers) and starts it: background agents' {@code onStart}
     * run at the start time, every account is funded.
     *
     * @throws IllegalArgumentException naming the block and the cause, if a plugin refuses its configuration
     * @throws UncheckedIOException     if the event log cannot be created
     */
    public static Simulation create(SimulationConfig config, PluginCatalog catalog, SimulationOptions options) {
        return assemble(config, catalog, options, null);
    }

    /**
     * Builds a simulation that continues a {@link #capture captured} state: every block is built from the
     * configuration as {@link #create} builds it, without funding or starting anything, and restores its saved
     * state; the event log, when {@code options} names one, is cut back to the checkpoint's length and continued.
     * The configuration and the options' duration, seed, blocks and books per block must be those of the saved
     * run; the thread count may differ.
     *
     * @throws StateFormatException     naming the block and component, if the state does not fit the configuration
     * @throws IllegalArgumentException naming the block, if a plugin refuses its configuration
     * @throws UncheckedIOException     if the event log is missing, shorter than the checkpoint says, or another run's
     */
    public static Simulation resume(SimulationConfig config, PluginCatalog catalog, SimulationOptions options,
                                    SimulationState state) {
        return assemble(config, catalog, options, state);
    }

    private static Simulation assemble(SimulationConfig config, PluginCatalog catalog, SimulationOptions options,
                                       SimulationState state) {
        ExchangeConfig exchange = config.exchange();
        long duration = options.duration() > 0 ? options.duration() : config.duration();
        long seed = options.seed().orElse(config.seed());
        int blockCount = options.blockCount() > 0 ? options.blockCount() : config.blockCount();
        int booksPerBlock = options.booksPerBlock() > 0 ? options.booksPerBlock()
                : exchange.books().instanceCount();
        if ((long) blockCount * booksPerBlock > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format("blocks x books per block must fit an int, got %d x %d",
                    blockCount, booksPerBlock));
        }
        int threads = options.threads() > 0 ? options.threads()
                : Math.max(1, Math.min(blockCount, Runtime.getRuntime().availableProcessors()));
        StepClock clock = new StepClock(config.start(), config.step(), duration, exchange.gracePeriod());
        String id = config.id().orElse("mvtrx-" + Long.toUnsignedString(seed));
        SimulationInfo info = new SimulationInfo(id, exchange.remoteAgentCount(), blockCount, booksPerBlock, duration,
                exchange.gracePeriod(), config.step(), exchange.decimals(), exchange.minOrderSize(),
                exchange.maxOpenOrders(), exchange.maxLeverage(), exchange.maxLoan(), exchange.maintenanceMargin(),
                exchange.initialPrice(), exchange.feePolicy().type());

        List<AgentGroupConfig> groups = config.agents().stream().filter(g -> g.instanceCount() > 0).toList();
        AgentDirectory directory = AgentDirectory.of(groups, exchange.name());
        RemoteAgents remote = options.remote().orElse(null);
        List<BlockSetup> setups = new ArrayList<>(blockCount);
        for (int b = 0; b < blockCount; b++) {
            setups.add(new BlockSetup(b, booksPerBlock, config.start(), duration, seed, exchange, groups,
                    directory.all(), catalog, remote != null, EXPECTED_ORDERS));
        }
        Path logFile = options.eventLog().orElse(null);
        if (state == null) {
            List<Block> blocks = build(setups, threads, Block::build);
            EventLogWriter log = new EventLogWriter(open(options.eventLog()), blockCount, booksPerBlock,
                    exchange.decimals(), config.start(), config.step(), seed);
            ParquetLogs parquet = parquetLogs(config, options, clock, blockCount, booksPerBlock, id, seed, threads);
            return new Simulation(info, clock, seed, blocks, new BlockScheduler(threads), log, parquet, remote,
                    logFile);
        }
        if (logFile != null && state.eventLog().bytes() == 0) {
            throw new IllegalArgumentException(String.format("cannot continue the event log %s: the checkpointed "
                    + "run wrote none; resume without an event log", logFile));
        }
        if (state.blocks().size() != blockCount) {
            throw new StateFormatException("the checkpoint holds %d blocks, the run has %d", state.blocks().size(),
                    blockCount);
        }
        List<Block> blocks = build(setups, threads, setup -> Block.restore(setup,
                StateReader.of(state.blocks().get(setup.index()), SimulationState.FORMAT)));
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        new EventLogWriter(header, blockCount, booksPerBlock, exchange.decimals(), config.start(), config.step(),
                seed).position();
        EventLogWriter log = EventLogWriter.resume(reopen(logFile, header.toByteArray(), state.eventLog().bytes()),
                state.eventLog());
        ParquetLogs parquet = parquetLogs(config, options, clock, blockCount, booksPerBlock, id, seed, threads);
        Simulation simulation = new Simulation(info, clock, seed, blocks, new BlockScheduler(threads), log, parquet,
                remote, logFile);
        try {
            simulation.readState(StateReader.of(state.simulation(), SimulationState.FORMAT));
        } catch (RuntimeException e) {
            simulation.scheduler.close();
            if (parquet != null) {
                parquet.close();
            }
            throw e;
        }
        return simulation;
    }

    private static ParquetLogs parquetLogs(SimulationConfig config, SimulationOptions options, StepClock clock,
                                           int blockCount, int booksPerBlock, String id, long seed, int threads) {
        ExchangeConfig exchange = config.exchange();
        return options.parquetLogs().isPresent() && ParquetLogs.wanted(exchange.logging())
                ? new ParquetLogs(options.parquetLogs().get(), exchange.logging(), blockCount, booksPerBlock,
                        config.start(), clock.end(), config.logWindow(), exchange.decimals(), id, seed, threads)
                : null;
    }

    /**
     * The event log of a resumed run: the saved run's file cut back to the checkpoint's length, open for appending.
     * The file must start with this run's header and hold at least {@code length} bytes.
     */
    private static OutputStream reopen(Path file, byte[] header, long length) {
        if (file == null) {
            return null;
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new UncheckedIOException(new IOException(String.format("cannot continue the event log %s: "
                        + "it does not exist (the checkpoint needs its first %d bytes)", file, length)));
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                long size = channel.size();
                ByteBuffer start = ByteBuffer.allocate(header.length);
                while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
                    // read the header
                }
                if (size < length || !Arrays.equals(start.array(), header)) {
                    throw new IOException(String.format("cannot continue the event log %s: %s", file,
                            size < length ? String.format("it has %d bytes, the checkpoint needs its first %d",
                                    size, length) : "its header is not this run's (another seed or shape)"));
                }
                channel.truncate(length);
                channel.position(length);
                return new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static OutputStream open(Optional<Path> file) {
        if (file.isEmpty()) {
            return null;
        }
        try {
            Path parent = file.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new BufferedOutputStream(Files.newOutputStream(file.get()), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot create the event log %s: %s", file.get(),
                    e.getMessage()), e);
        }
    }

    private static List<Block> build(List<BlockSetup> setups, int threads, Function<BlockSetup, Block> builder) {
        if (threads == 1 || setups.size() == 1) {
            return setups.stream().map(builder).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, setups.size()));
        try {
            List<Future<Block>> futures = new ArrayList<>();
            for (BlockSetup setup : setups) {
                futures.add(pool.submit(() -> builder.apply(setup)));
            }
            List<Block> blocks = new ArrayList<>();
            for (Future<Block> future : futures) {
                blocks.add(future.get());
            }
            return blocks;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("building a block failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building blocks", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ running

    /** Whether every step ran. */
    public boolean finished() {
        return stepIndex >= clock.stepCount();
    }

    /**
     * Runs the next step of every block and the barrier work (log, publish, responses).
     *
     * @throws IllegalStateException if the run is finished
     * @throws BlockScheduler.BlockFailedException if a block failed; the run cannot continue
     */
    public void step() {
        if (finished()) {
            throw new IllegalStateException("the simulation has finished");
        }
        long began = System.nanoTime();
        long cutoff = clock.cutoff(stepIndex);
        scheduler.step(blocks, cutoff);
        for (Block block : blocks) {
            block.events().writeTo(log, block.bookOffset());
        }
        log.step(cutoff);
        if (parquet != null) {
            parquet.barrier(blocks, cutoff, clock.publishesAt(cutoff));
        }
        stepIndex++;
        if (remote != null && clock.publishesAt(cutoff)) {
            publish(cutoff);
        }
        if (barrierListener != null) {
            barrierListener.onBarrier(cutoff);
        }
        for (Block block : blocks) {
            block.events().clear();
        }
        wallNanos += System.nanoTime() - began;
    }

    /** Runs every remaining step, reporting after each; then closes the event log and the Parquet logs. */
    public void run(ProgressListener listener) {
        while (!finished()) {
            step();
            listener.onStep(progress());
        }
        log.close();
        if (parquet != null) {
            parquet.close();
        }
    }

    /** Where the run stands. */
    public Progress progress() {
        long messages = 0;
        for (Block block : blocks) {
            messages += block.messages();
        }
        return new Progress(time() - clock.start(), clock.duration(), stepIndex, clock.stepCount(), messages,
                log.events(), wallNanos);
    }

    /** Receives progress after every step of {@link #run}. */
    @FunctionalInterface
    public interface ProgressListener {

        /** Called on the simulation's thread after each step. */
        void onStep(Progress progress);
    }

    /**
     * Called at the end of every step, on the simulation's thread, while the step's L3 events are still held: a
     * listener may read {@link #bookStates()} and {@link #processValue} then (an observer such as the dashboard,
     * which decides itself how often to pay for a copy).
     */
    @FunctionalInterface
    public interface BarrierListener {

        /** The step ending at simulation time {@code timestamp} (ns) is done. */
        void onBarrier(long timestamp);
    }

    /** Sets the listener called at the end of every step (replacing any previous one; null for none). */
    public void onBarrier(BarrierListener listener) {
        this.barrierListener = listener;
    }

    /**
     * Every book as a remote agent would see it now: its L2 snapshot at the configured depths and the L3 events of
     * the current step (none outside a {@link BarrierListener} call). Between steps only; builds new records each
     * call.
     */
    public List<BookState> bookStates() {
        // each block's books on the block threads: the snapshots read every resting order of the detailed levels
        List<List<BookState>> perBlock = scheduler.map(blocks, block -> {
            List<BookState> own = new ArrayList<>(block.books());
            List<List<BookEvent>> events = block.events().records(block.books(), block.bookOffset());
            for (int b = 0; b < block.books(); b++) {
                own.add(new BookState(block.snapshot(b), events.get(b), block.makerTakerRatio(b)));
            }
            return own;
        });
        List<BookState> books = new ArrayList<>(info.bookCount());
        perBlock.forEach(books::addAll);
        return books;
    }

    /**
     * Each book's value of the process named {@code name} (e.g. {@code fundamental}) as its agents last sampled it,
     * in canonical book order; NaN for a book without that process. Does not advance any process. Between steps
     * only.
     */
    public double[] processValues(String name) {
        double[] values = new double[info.bookCount()];
        for (Block block : blocks) {
            for (int b = 0; b < block.books(); b++) {
                values[block.bookOffset() + b] = block.processValue(b, name);
            }
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------ publishing

    /** The accounts' orders as the last publication gave them; made at the first publication. */
    private PublishedOrders published;

    /** A block's part of a publication: every remote account on its books (book-major), each agent's notices. */
    private record BlockRead(Account[] accounts, List<List<Notice>> notices) {
    }

    /**
     * A block's part of a publication, on its thread: every remote account on its books, its orders in the rows
     * reserved for them ({@code firstRows}), each book's revision mark into {@code marks}; then each agent's notices
     * from this block, and what changed on its accounts here since the last publication recorded on their orders, for
     * the validator's changes.
     */
    private BlockRead read(Block block, OrderList.Columns orders, int[] firstRows, long[] marks) {
        int bookCount = info.bookCount();
        Account[] out = new Account[block.books() * remoteCount];
        for (int b = 0; b < block.books(); b++) {
            int book = block.bookOffset() + b;
            for (int id = 0; id < remoteCount; id++) {
                out[b * remoteCount + id] = block.account(id, b, orders, firstRows[id * bookCount + book]);
            }
            marks[book] = block.revisionMark(b);
        }
        List<List<Notice>> taken = new ArrayList<>(remoteCount);
        OrderList.Columns addedRows = new OrderList.Columns(4 * remoteCount * block.books());
        for (int id = 0; id < remoteCount; id++) {
            List<Notice> own = block.takeRemoteNotices(id);
            taken.add(own);
            long[][] named = published.namedByBook(own, block.bookOffset(), block.books());
            for (int b = 0; b < block.books(); b++) {
                Account a = out[b * remoteCount + id];
                OrderList mine = OrderList.of(a.orders());
                OrderList recorded = published.record(id, block.bookOffset() + b, mine, named[b], addedRows);
                if (recorded != mine) {
                    out[b * remoteCount + id] = new Account(a.agentId(), a.bookId(), a.base(), a.quote(),
                            a.baseLoan(), a.quoteLoan(), a.baseCollateral(), a.quoteCollateral(), recorded,
                            a.loans(), a.fees());
                }
            }
        }
        return new BlockRead(out, taken);
    }

    private void publish(long timestamp) {
        long began = System.nanoTime();
        boolean last = finished();
        List<BookState> shared = List.copyOf(bookStates());
        Map<Integer, StateUpdate> updates = new HashMap<>();
        // every remote account's open orders in one block of columns, sized from the last publication's
        OrderList.Columns orders = new OrderList.Columns(publishedOrders + publishedOrders / 8);
        // each agent's accounts in consecutive rows, book after book (the fan-out reads them miner by miner), but
        // read from the exchanges book by book, the blocks in parallel: a book's order table (a megabyte with a few
        // thousand resting orders) then stays in the cache while every agent's orders are read from it, where agent
        // by agent each read missed it; the rows are reserved first, so every block writes its own
        int bookCount = info.bookCount();
        int[] firstRows = new int[remoteCount * bookCount];
        scheduler.map(blocks, block -> {
            for (int b = 0; b < block.books(); b++) {
                for (int id = 0; id < remoteCount; id++) {
                    firstRows[id * bookCount + block.bookOffset() + b] = block.openOrderCount(id, b);
                }
            }
            return block;
        });
        int total = 0;
        for (int i = 0; i < firstRows.length; i++) {
            int count = firstRows[i];
            firstRows[i] = total;
            total += count;
        }
        orders.append(total);
        long[] marks = new long[bookCount];
        if (published == null) {
            published = new PublishedOrders(remoteCount, bookCount);
        }
        List<BlockRead> read = scheduler.map(blocks, block -> read(block, orders, firstRows, marks));
        for (int id = 0; id < remoteCount; id++) {
            if (last) {
                notice(id, new SimulationEnded(timestamp, info.simulationId()));
            }
            List<Notice> notices = new ArrayList<>(pendingNotices.getOrDefault(id, List.of()));
            pendingNotices.remove(id);
            Map<Integer, Account> accounts = HashMap.newHashMap(bookCount);
            for (int k = 0; k < blocks.size(); k++) {
                Block block = blocks.get(k);
                BlockRead part = read.get(k);
                notices.addAll(part.notices().get(id));
                for (int b = 0; b < block.books(); b++) {
                    accounts.put(block.bookOffset() + b, part.accounts()[b * remoteCount + id]);
                }
            }
            notices.sort(Comparator.comparingLong(Notice::timestamp));
            updates.put(id, new StateUpdate(timestamp, info, shared, accounts, notices));
        }
        published.marked(marks);
        publishedOrders = orders.rows();
        Map<Integer, AgentResponse> answers = remote.onPublish(new Publication(timestamp, info, shared, updates,
                last, System.nanoTime() - began));
        if (answers != null && !last) {
            for (Map.Entry<Integer, AgentResponse> answer : new TreeMap<>(answers).entrySet()) {
                respond(answer.getKey(), answer.getValue());
            }
        }
    }

    /**
     * Checks one remote agent's answer and queues its instructions at the current time, each to reach the exchange
     * {@code delay} ns later, in the order given. Call at the barrier (from {@link RemoteAgents} or between steps).
     * Refused outright: a sender that is not a remote account, an answer whose {@code agentId} is not its sender.
     * Refused per instruction, with a notice to the agent in the next publication: a book outside
     * {@code 0..bookCount-1} ({@code UNKNOWN_BOOK}), a delay that would overflow the clock
     * ({@code INVALID_INSTRUCTION}); refused silently: {@code ResetAgents} (only
     * {@link #resetAgents} resets accounts).
     *
     * @return one line per refusal, empty if everything was queued
     */
    public List<String> respond(int fromAgent, AgentResponse response) {
        List<String> problems = new ArrayList<>();
        if (fromAgent < 0 || fromAgent >= remoteCount) {
            problems.add(String.format("answer from %d refused: remote accounts are 0..%d", fromAgent,
                    remoteCount - 1));
            return problems;
        }
        if (response.agentId() != fromAgent) {
            problems.add(String.format("answer from %d refused: it is for agent %d", fromAgent,
                    response.agentId()));
            return problems;
        }
        long now = time();
        int index = 0;
        for (Instruction instruction : response.instructions()) {
            if (instruction instanceof ResetAgents) {
                problems.add(String.format("agent %d instruction %d refused: agents cannot reset accounts",
                        fromAgent, index));
            } else {
                int bookId = bookOf(instruction);
                if (bookId < 0 || bookId >= info.bookCount()) {
                    problems.add(String.format("agent %d instruction %d refused: no book %d (books are 0..%d)",
                            fromAgent, index, bookId, info.bookCount() - 1));
                    refuse(fromAgent, instruction, RejectReason.UNKNOWN_BOOK);
                } else if (instruction.delay() > Long.MAX_VALUE - now) {
                    problems.add(String.format("agent %d instruction %d refused: delay %d ns overflows the clock",
                            fromAgent, index, instruction.delay()));
                    refuse(fromAgent, instruction, RejectReason.INVALID_INSTRUCTION);
                } else {
                    blocks.get(bookId / booksPerBlock).injectRemote(fromAgent, bookId % booksPerBlock, instruction,
                            now, instruction.delay());
                }
            }
            index++;
        }
        return problems;
    }

    /**
     * Resets remote accounts {@code delay} ns from now in every block (reference 1.10.4): orders cancelled, fresh
     * starting balances drawn, fee history forgotten, pending instructions dropped; each account then gets an
     * {@code AgentReset} notice. Ids outside {@code 0..remoteAgentCount-1} are ignored.
     */
    public void resetAgents(List<Integer> agentIds, long delay) {
        ResetAgents reset = new ResetAgents(agentIds, delay);
        for (Block block : blocks) {
            block.injectReset(reset, time(), delay);
        }
    }

    private static int bookOf(Instruction instruction) {
        return switch (instruction) {
            case PlaceLimit p -> p.bookId();
            case PlaceMarket p -> p.bookId();
            case CancelOrders c -> c.bookId();
            case ClosePositions c -> c.bookId();
            case ResetAgents r -> -1;
        };
    }

    /**
     * Refuses one instruction of a remote agent without queueing it: the agent finds the refusal in its next
     * publication, as the exchange would report it — an {@code OrderRejected} for a placement, a failed
     * {@code CancelReport} per cancellation, a failed {@code PositionCloseReport} per close — stamped with the
     * current time and the instruction's book id as given. A {@code ResetAgents} has no book and no notice: nothing is sent.
     * Call at the barrier, like {@link #respond}; a validator uses it for the instructions its own rules drop.
     *
     * @throws IllegalArgumentException if {@code agentId} is not a remote account
     */
    public void refuse(int agentId, Instruction instruction, RejectReason reason) {
        if (agentId < 0 || agentId >= remoteCount) {
            throw new IllegalArgumentException(String.format("no remote account %d: remote accounts are 0..%d",
                    agentId, remoteCount - 1));
        }
        long now = time();
        switch (instruction) {
            case PlaceLimit p -> notice(agentId, new OrderRejected(now, p.bookId(), p.clientOrderId(),
                    OrderType.LIMIT, p.side(), reason));
            case PlaceMarket p -> notice(agentId, new OrderRejected(now, p.bookId(), p.clientOrderId(),
                    OrderType.MARKET, p.side(), reason));
            case CancelOrders c -> {
                for (CancelOrders.Cancellation cancellation : c.cancellations()) {
                    notice(agentId, new CancelReport(now, c.bookId(), cancellation.orderId(), 0,
                            CancelReason.REQUESTED, Optional.of(reason)));
                }
            }
            case ClosePositions c -> {
                for (ClosePositions.PositionClose close : c.closes()) {
                    notice(agentId, new PositionCloseReport(now, c.bookId(), close.orderId(), Optional.of(reason)));
                }
            }
            case ResetAgents r -> {
                // no book, no notice: only the validator resets accounts (resetAgents)
            }
        }
    }

    private void notice(int agentId, Notice notice) {
        pendingNotices.computeIfAbsent(agentId, k -> new ArrayList<>()).add(notice);
    }

    // ------------------------------------------------------------------------------------------------ checkpoints

    /**
     * The components of the run that cannot save their state, one line each naming the plugin and its class
     * (the same in every block, so block 0's); empty when the run can be checkpointed.
     */
    public List<String> unsnapshottable() {
        return blocks.getFirst().unsnapshottable();
    }

    /**
     * Captures the whole state between two steps: flushes the event log and saves every block (in parallel on the
     * worker threads) and the simulation's own state. The run is unchanged and continues.
     *
     * @throws IllegalStateException listing the components that cannot save their state, or if the run has
     *                               finished (the event log is closed)
     */
    public SimulationState capture() {
        List<String> missing = unsnapshottable();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot checkpoint: " + String.join("; ", missing)
                    + " cannot save their state");
        }
        EventLogWriter.Position position = log.position();
        ParquetLogs.Capture logs = parquet == null ? null : parquet.capture();
        capturedOpenFiles = logs == null ? List.of() : logs.openFiles();
        StateWriter own = StateWriter.inMemory();
        writeState(own, logs == null ? null : logs.state());
        List<byte[]> states = scheduler.map(blocks, block -> {
            // sized from the block's last checkpoint: no regrowth copies of a state of many megabytes
            StateWriter out = StateWriter.inMemory(block.lastStateSize() + block.lastStateSize() / 8);
            block.writeState(out);
            return out.toByteArray();
        });
        return new SimulationState(stepIndex, time(), position, own.toByteArray(), states);
    }

    /** The event-log file, if one is written (checkpoints make it durable before they are). */
    public Optional<Path> eventLogFile() {
        return Optional.ofNullable(eventLogFile);
    }

    /**
     * The files a checkpoint of the last {@link #capture} must make durable before it is written: the event log and
     * the Parquet log files open at that capture.
     */
    public List<Path> filesToSync() {
        List<Path> files = new ArrayList<>(capturedOpenFiles.size() + 1);
        if (eventLogFile != null) {
            files.add(eventLogFile);
        }
        files.addAll(capturedOpenFiles);
        return files;
    }

    private void writeState(StateWriter out, byte[] parquetState) {
        out.writeLong(seed);
        out.writeLong(clock.start());
        out.writeLong(clock.step());
        out.writeLong(clock.duration());
        out.writeInt(info.blockCount());
        out.writeInt(booksPerBlock);
        out.writeInt(remoteCount);
        out.writeBoolean(remote != null);
        out.writeLong(stepIndex);
        out.writeLong(wallNanos);
        Map<Integer, List<Notice>> notices = new TreeMap<>(pendingNotices);
        out.writeInt(notices.size());
        for (Map.Entry<Integer, List<Notice>> entry : notices.entrySet()) {
            out.writeInt(entry.getKey());
            out.writeInt(entry.getValue().size());
            for (Notice notice : entry.getValue()) {
                MessageCodec.writeNotice(out, notice);
            }
        }
        out.writeBoolean(parquetState != null);
        if (parquetState != null) {
            out.writeBytes(parquetState);
        }
    }

    private void readState(StateReader in) {
        same(in, "seed", in.readLong(), seed);
        same(in, "start", in.readLong(), clock.start());
        same(in, "step", in.readLong(), clock.step());
        same(in, "duration", in.readLong(), clock.duration());
        same(in, "block count", in.readInt(), info.blockCount());
        same(in, "books per block", in.readInt(), booksPerBlock);
        same(in, "remote account count", in.readInt(), remoteCount);
        boolean published = in.readBoolean();
        in.check(published == (remote != null), "the checkpoint was written %s remote agents, this run %s",
                published ? "with" : "without", remote != null ? "has them" : "has none");
        stepIndex = in.readLong();
        in.check(stepIndex >= 0 && stepIndex <= clock.stepCount(), "checkpoint at step %d of a %d-step run",
                stepIndex, clock.stepCount());
        wallNanos = in.readLong();
        pendingNotices.clear();
        for (int n = in.readInt(); n > 0; n--) {
            int agentId = in.readInt();
            for (int k = in.readInt(); k > 0; k--) {
                notice(agentId, MessageCodec.readNotice(in));
            }
        }
        if (in.readBoolean()) {
            byte[] logs = in.readBytes();
            // resumed without Parquet logs (--no-parquet-logs): the saved files stay as the checkpoint left them
            if (parquet != null) {
                parquet.restore(StateReader.of(logs, SimulationState.FORMAT));
            }
        } else {
            in.check(parquet == null, "the checkpointed run wrote no Parquet logs, so this run cannot continue "
                    + "them; resume it without Parquet logs");
        }
        in.check(in.remaining() == 0, "%d bytes left after the simulation's state", in.remaining());
    }

    private static void same(StateReader in, String what, long saved, long now) {
        in.check(saved == now, "the checkpoint's %s is %d, this run's %d", what, saved, now);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** What agents are told about the run. */
    public SimulationInfo info() {
        return info;
    }

    /** The step grid. */
    public StepClock clock() {
        return clock;
    }

    /** The root seed in use. */
    public long seed() {
        return seed;
    }

    /** Worker threads. */
    public int threads() {
        return scheduler.threads();
    }

    /** Simulation time: the last barrier passed (the start before the first step), ns. */
    public long time() {
        return stepIndex == 0 ? clock.start() : clock.cutoff(stepIndex - 1);
    }

    /** The finished running hash of the event log so far. */
    public long eventLogHash() {
        return log.hash();
    }

    /** L3 events logged so far. */
    public long l3Events() {
        return log.events();
    }

    /** What the Parquet logs cost so far (complete once closed); empty when none are written. */
    public Optional<ParquetLogSummary> parquetLogs() {
        return Optional.ofNullable(parquet).map(ParquetLogs::summary);
    }

    /** Each block's exchange fingerprint, in block order. */
    public long[] stateHashes() {
        long[] hashes = new long[blocks.size()];
        for (int b = 0; b < hashes.length; b++) {
            hashes[b] = blocks.get(b).stateHash();
        }
        return hashes;
    }

    /** Wall ns each block took to build and start, in block order. */
    public long[] startupNanos() {
        long[] nanos = new long[blocks.size()];
        for (int b = 0; b < nanos.length; b++) {
            nanos[b] = blocks.get(b).startupNanos();
        }
        return nanos;
    }

    /** Background agents per block. */
    public int agentsPerBlock() {
        return blocks.getFirst().agentCount();
    }

    /** Statistics of every book, in canonical id order. */
    public List<BookStats> bookStats() {
        List<BookStats> stats = new ArrayList<>(info.bookCount());
        for (Block block : blocks) {
            for (int b = 0; b < block.books(); b++) {
                stats.add(block.stats(b));
            }
        }
        return Collections.unmodifiableList(stats);
    }

    /** Liquidations triggered so far, all blocks. */
    public long marginCalls() {
        long total = 0;
        for (Block block : blocks) {
            total += block.marginCalls();
        }
        return total;
    }

    /** The blocks (tests). */
    List<Block> blocks() {
        return blocks;
    }

    /** Stops the worker threads, closes the event log (writing its trailer) and the Parquet logs. Idempotent. */
    @Override
    public void close() {
        scheduler.close();
        log.close();
        if (parquet != null) {
            parquet.close();
        }
    }
}
