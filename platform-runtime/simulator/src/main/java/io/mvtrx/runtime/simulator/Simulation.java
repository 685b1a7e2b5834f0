package io.mvtrx.runtime.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.config.AgentGroupConfig;
import io.mvtrx.runtime.config.ExchangeConfig;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.internal.AgentDirectory;
import io.mvtrx.runtime.simulator.internal.Block;
import io.mvtrx.runtime.simulator.internal.BlockSetup;
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
    private final RemoteAgents remote;
    private final int remoteCount;
    private final int booksPerBlock;
    private final Map<Integer, List<Notice>> pendingNotices = new HashMap<>();
    private long stepIndex;
    private long wallNanos;

    private Simulation(SimulationInfo info, StepClock clock, long seed, List<Block> blocks, BlockScheduler scheduler,
                       EventLogWriter log, ParquetLogs parquet, RemoteAgents remote) {
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
        List<Block> blocks = build(setups, threads);
        EventLogWriter log = new EventLogWriter(open(options.eventLog()), blockCount, booksPerBlock,
                exchange.decimals(), config.start(), config.step(), seed);
        ParquetLogs parquet = options.parquetLogs().isPresent() && ParquetLogs.wanted(exchange.logging())
                ? new ParquetLogs(options.parquetLogs().get(), exchange.logging(), blockCount, booksPerBlock,
                        config.start(), clock.end(), config.logWindow(), exchange.decimals(), id, seed, threads)
                : null;
        return new Simulation(info, clock, seed, blocks, new BlockScheduler(threads), log, parquet, remote);
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

    private static List<Block> build(List<BlockSetup> setups, int threads) {
        if (threads == 1 || setups.size() == 1) {
            return setups.stream().map(Block::build).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, setups.size()));
        try {
            List<Future<Block>> futures = new ArrayList<>();
            for (BlockSetup setup : setups) {
                futures.add(pool.submit(() -> Block.build(setup)));
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

    // ------------------------------------------------------------------------------------------------ publishing

    private void publish(long timestamp) {
        boolean last = finished();
        List<BookState> books = new ArrayList<>(info.bookCount());
        for (Block block : blocks) {
            List<List<BookEvent>> events = block.events().records(block.books(), block.bookOffset());
            for (int b = 0; b < block.books(); b++) {
                books.add(new BookState(block.snapshot(b), events.get(b), block.makerTakerRatio(b)));
            }
        }
        List<BookState> shared = List.copyOf(books);
        Map<Integer, StateUpdate> updates = new HashMap<>();
        for (int id = 0; id < remoteCount; id++) {
            if (last) {
                notice(id, new SimulationEnded(timestamp, info.simulationId()));
            }
            Map<Integer, Account> accounts = new HashMap<>();
            List<Notice> notices = new ArrayList<>(pendingNotices.getOrDefault(id, List.of()));
            pendingNotices.remove(id);
            for (Block block : blocks) {
                for (int b = 0; b < block.books(); b++) {
                    accounts.put(block.bookOffset() + b, block.account(id, b));
                }
                notices.addAll(block.takeRemoteNotices(id));
            }
            notices.sort(Comparator.comparingLong(Notice::timestamp));
            updates.put(id, new StateUpdate(timestamp, info, shared, accounts, notices));
        }
        Map<Integer, AgentResponse> answers = remote.onPublish(new Publication(timestamp, info, shared, updates,
                last));
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
     * {@code 0..bookCount-1} ({@code UNKNOWN_BOOK}); refused silently: {@code ResetAgents} (only
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
                    rejectUnknownBook(fromAgent, instruction, bookId, now);
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

    private void rejectUnknownBook(int agentId, Instruction instruction, int bookId, long now) {
        switch (instruction) {
            case PlaceLimit p -> notice(agentId, new OrderRejected(now, bookId, p.clientOrderId(), OrderType.LIMIT,
                    p.side(), RejectReason.UNKNOWN_BOOK));
            case PlaceMarket p -> notice(agentId, new OrderRejected(now, bookId, p.clientOrderId(),
                    OrderType.MARKET, p.side(), RejectReason.UNKNOWN_BOOK));
            case CancelOrders c -> {
                for (CancelOrders.Cancellation cancellation : c.cancellations()) {
                    notice(agentId, new CancelReport(now, bookId, cancellation.orderId(), 0, CancelReason.REQUESTED,
                            Optional.of(RejectReason.UNKNOWN_BOOK)));
                }
            }
            case ClosePositions c -> {
                for (ClosePositions.PositionClose close : c.closes()) {
                    notice(agentId, new PositionCloseReport(now, bookId, close.orderId(),
                            Optional.of(RejectReason.UNKNOWN_BOOK)));
                }
            }
            case ResetAgents r -> {
                // refused before
            }
        }
    }

    private void notice(int agentId, Notice notice) {
        pendingNotices.computeIfAbsent(agentId, k -> new ArrayList<>()).add(notice);
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
