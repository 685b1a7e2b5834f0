package io.mvtrx.runtime.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.parquet.readback.ParquetReadBack;
import io.mvtrx.runtime.simulator.checkpoint.Checkpoint;
import io.mvtrx.runtime.simulator.checkpoint.CheckpointStore;
import io.mvtrx.runtime.simulator.checkpoint.Checkpointer;
import io.mvtrx.runtime.simulator.checkpoint.RunDescription;
import io.mvtrx.runtime.simulator.internal.Block;
import io.mvtrx.runtime.simulator.log.EventLogReader;
import io.mvtrx.runtime.simulator.log.LogSchemas;
import io.mvtrx.runtime.simulator.log.ParquetLogSummary;

import org.apache.parquet.column.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Issue 4 item 5: the Parquet logs, read back with parquet-java, hold exactly the events of {@code events.l3}, the
 * trades, two fee rows per trade and an L2 row per book at every publish, rolled by {@code logWindow}; they change
 * nothing in the run, and they are the same on one and two threads.
 */
class ParquetLogsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long FIVE_MINUTES = 300 * SECOND;
    private static final String HOUR_WINDOW = "logWindow=\"3600000000000\"";

    @TempDir
    Path dir;

    /** small.xml with two-minute log windows: 5 simulated minutes give windows [0, 2), [2, 4), [4, 5) min. */
    private static SimulationConfig twoMinuteWindows() {
        return Fixtures.smallWith(HOUR_WINDOW, "logWindow=\"120000000000\"");
    }

    private record Run(long hash, ParquetLogSummary summary, List<BookSnapshot> finalBooks) {
    }

    private static Run run(SimulationConfig config, SimulationOptions options) {
        try (Simulation simulation = Simulation.create(config, Fixtures.PLUGINS, options)) {
            simulation.run(progress -> { });
            List<BookSnapshot> books = new ArrayList<>();
            for (Block block : simulation.blocks()) {
                for (int b = 0; b < block.books(); b++) {
                    books.add(block.snapshot(b));
                }
            }
            return new Run(simulation.eventLogHash(), simulation.parquetLogs().orElse(null), books);
        }
    }

    private static ParquetReadBack read(Path file) {
        try {
            return ParquetReadBack.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String[] WINDOWS = {"00000000", "00000200", "00000400"};

    @Test
    void theLogsHoldEveryEventTradeFeeAndSnapshotOfEveryBookWindowByWindow() throws IOException {
        Path logs = dir.resolve("logs");
        Run run = run(twoMinuteWindows(), SimulationOptions.defaults().withDuration(FIVE_MINUTES).withThreads(2)
                .withEventLog(dir.resolve("events.l3")).withParquetLogs(logs));
        List<BookEvent> logged = new ArrayList<>();
        EventLogReader.read(dir.resolve("events.l3"), logged::add);

        // 2 blocks x 2 books x 4 kinds x 3 windows
        assertThat(run.summary().files()).isEqualTo(48);
        long rows = 0;
        long trades = 0;
        for (int book = 0; book < 4; book++) {
            Path bookDir = logs.resolve("block-" + book / 2).resolve("book-" + book);
            try (Stream<Path> files = Files.list(bookDir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                        "fees-00000000.parquet", "fees-00000200.parquet", "fees-00000400.parquet",
                        "l2-00000000.parquet", "l2-00000200.parquet", "l2-00000400.parquet",
                        "l3-00000000.parquet", "l3-00000200.parquet", "l3-00000400.parquet",
                        "trades-00000000.parquet", "trades-00000200.parquet", "trades-00000400.parquet");
            }
            int id = book;
            List<BookEvent> expected = logged.stream().filter(e -> e.bookId() == id).toList();
            List<BookEvent> fromParquet = new ArrayList<>();
            List<Trade> expectedTrades = expected.stream().filter(Trade.class::isInstance).map(Trade.class::cast)
                    .toList();
            List<Trade> tradeRows = new ArrayList<>();
            List<long[]> feeRows = new ArrayList<>();
            long seq = 0;
            for (int w = 0; w < WINDOWS.length; w++) {
                long from = w * 120 * SECOND;
                long to = Math.min(FIVE_MINUTES, from + 120 * SECOND);

                ParquetReadBack l3 = read(bookDir.resolve("l3-" + WINDOWS[w] + ".parquet"));
                assertThat(l3.columnNames()).hasSize(LogSchemas.L3.size());
                assertThat(l3.metadata()).contains(entry("mvtrx.kind", "l3"), entry("mvtrx.book", "" + book),
                        entry("mvtrx.block", "" + book / 2), entry("mvtrx.window.start", "" + from),
                        entry("mvtrx.window.end", "" + to), entry("mvtrx.decimals.price", "2"),
                        entry("mvtrx.decimals.volume", "4"), entry("mvtrx.decimals.quote", "10"),
                        entry("mvtrx.startDate", "2025-05-07T00:00"), entry("mvtrx.seed", "42"));
                assertThat(l3.rows()).isPositive();
                long[] time = l3.longs("time");
                assertThat(Arrays.stream(time).allMatch(t -> t >= from && t < to)).isTrue();
                assertThat(l3.longs("seq")).containsExactly(sequence(seq, l3.rows()));
                seq += l3.rows();
                Statistics<?> timeStats = l3.statistics(0, "time");
                assertThat(timeStats.genericGetMin()).isEqualTo(time[0]);
                assertThat(l3.rowGroups()).isEqualTo(1);
                assertThat(timeStats.genericGetMax()).isEqualTo(time[time.length - 1]);
                fromParquet.addAll(events(book, l3));

                ParquetReadBack tr = read(bookDir.resolve("trades-" + WINDOWS[w] + ".parquet"));
                for (int r = 0; r < tr.rows(); r++) {
                    tradeRows.add(new Trade(book, tr.longs("time")[r], tr.longs("trade_id")[r],
                            Side.values()[tr.ints("taker_side")[r]], tr.longs("taker_order_id")[r],
                            tr.longs("maker_order_id")[r], tr.ints("taker_agent_id")[r],
                            tr.ints("maker_agent_id")[r], tr.longs("price")[r], tr.longs("volume")[r],
                            tr.longs("taker_fee")[r], tr.longs("maker_fee")[r]));
                }
                ParquetReadBack fe = read(bookDir.resolve("fees-" + WINDOWS[w] + ".parquet"));
                for (int r = 0; r < fe.rows(); r++) {
                    feeRows.add(new long[] {fe.longs("time")[r], fe.longs("trade_id")[r], fe.ints("agent_id")[r],
                            fe.ints("role")[r], fe.longs("order_id")[r], fe.longs("fee")[r], fe.longs("price")[r],
                            fe.longs("volume")[r]});
                }
                rows += l3.rows() + tr.rows() + fe.rows();
            }
            assertThat(fromParquet).isEqualTo(expected);
            assertThat(tradeRows).isEqualTo(expectedTrades);
            assertThat(feeRows).hasSize(2 * expectedTrades.size());
            for (int t = 0; t < expectedTrades.size(); t++) {
                Trade trade = expectedTrades.get(t);
                assertThat(feeRows.get(2 * t)).containsExactly(trade.timestamp(), trade.tradeId(),
                        trade.takerAgentId(), 0, trade.takerOrderId(), trade.takerFee(), trade.price(),
                        trade.volume());
                assertThat(feeRows.get(2 * t + 1)).containsExactly(trade.timestamp(), trade.tradeId(),
                        trade.makerAgentId(), 1, trade.makerOrderId(), trade.makerFee(), trade.price(),
                        trade.volume());
            }
            trades += expectedTrades.size();
            rows += snapshots(bookDir, book, run.finalBooks().get(book));
        }
        assertThat(trades).isGreaterThan(20);
        assertThat(run.summary().rows()).isEqualTo(rows);
    }

    private static long[] sequence(long from, long count) {
        long[] values = new long[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    /** The L3 rows as events; fields that do not apply to a row's event are 0, or -1 for codes. */
    private static List<BookEvent> events(int book, ParquetReadBack l3) {
        List<BookEvent> events = new ArrayList<>();
        for (int r = 0; r < l3.rows(); r++) {
            long time = l3.longs("time")[r];
            long order = l3.longs("order_id")[r];
            int agent = l3.ints("agent_id")[r];
            long price = l3.longs("price")[r];
            long volume = l3.longs("volume")[r];
            switch (l3.ints("event")[r]) {
                case 1 -> {
                    assertThat(l3.ints("reason")[r]).isEqualTo(-1);
                    assertThat(l3.longs("trade_id")[r]).isZero();
                    events.add(new OrderPlaced(book, time, order, agent, l3.longs("client_order_id")[r],
                            OrderType.values()[l3.ints("order_type")[r]], Side.values()[l3.ints("side")[r]], price,
                            volume, l3.longs("leverage")[r], StpMode.values()[l3.ints("stp")[r]]));
                }
                case 2 -> {
                    assertThat(l3.ints("order_type")[r]).isEqualTo(-1);
                    assertThat(l3.longs("remaining")[r]).isZero();
                    events.add(new Trade(book, time, l3.longs("trade_id")[r], Side.values()[l3.ints("side")[r]],
                            order, l3.longs("maker_order_id")[r], agent, l3.ints("maker_agent_id")[r], price,
                            volume, l3.longs("taker_fee")[r], l3.longs("maker_fee")[r]));
                }
                case 3 -> {
                    assertThat(l3.ints("side")[r]).isEqualTo(-1);
                    assertThat(l3.longs("leverage")[r]).isZero();
                    events.add(new OrderCancelled(book, time, order, agent, price, volume,
                            l3.longs("remaining")[r], CancelReason.values()[l3.ints("reason")[r]]));
                }
                default -> throw new AssertionError("event code " + l3.ints("event")[r]);
            }
        }
        return events;
    }

    /**
     * The L2 rows: one per publish (every step from the 60 s grace period on: 241), each window's rows in
     * (start, end] apart from the first publish, levels ordered, and the last row equal to the final book.
     */
    private static long snapshots(Path bookDir, int book, BookSnapshot last) {
        List<Long> times = new ArrayList<>();
        ParquetReadBack lastWindow = null;
        for (String window : WINDOWS) {
            ParquetReadBack l2 = read(bookDir.resolve("l2-" + window + ".parquet"));
            assertThat(l2.metadata()).contains(entry("mvtrx.kind", "l2"), entry("mvtrx.l2.depth", "5"));
            assertThat(l2.columnNames()).hasSize(21).startsWith("time", "ask_price_1", "ask_volume_1",
                    "bid_price_1", "bid_volume_1", "ask_price_2");
            for (long t : l2.longs("time")) {
                times.add(t);
            }
            for (int r = 0; r < l2.rows(); r++) {
                long bestAsk = l2.longs("ask_price_1")[r];
                long bestBid = l2.longs("bid_price_1")[r];
                assertThat(bestAsk).as("book %d row %d", book, r).isGreaterThan(bestBid).isPositive();
                for (int level = 2; level <= 5; level++) {
                    long ask = l2.longs("ask_price_" + level)[r];
                    long bid = l2.longs("bid_price_" + level)[r];
                    if (ask != 0) {
                        assertThat(ask).isGreaterThan(l2.longs("ask_price_" + (level - 1))[r]);
                    }
                    if (bid != 0) {
                        assertThat(bid).isLessThan(l2.longs("bid_price_" + (level - 1))[r]);
                    }
                }
            }
            lastWindow = l2;
        }
        List<Long> expected = new ArrayList<>();
        for (long t = 60; t <= 300; t++) {
            expected.add(t * SECOND);
        }
        assertThat(times).isEqualTo(expected);
        assertThat(read(bookDir.resolve("l2-00000000.parquet")).rows()).isEqualTo(61);
        assertThat(read(bookDir.resolve("l2-00000200.parquet")).rows()).isEqualTo(120);
        assertThat(read(bookDir.resolve("l2-00000400.parquet")).rows()).isEqualTo(60);

        int r = (int) lastWindow.rows() - 1;
        for (int level = 1; level <= 5; level++) {
            Level ask = last.asks().get(level - 1);
            Level bid = last.bids().get(level - 1);
            assertThat(lastWindow.longs("ask_price_" + level)[r]).isEqualTo(ask.price());
            assertThat(lastWindow.longs("ask_volume_" + level)[r]).isEqualTo(ask.volume());
            assertThat(lastWindow.longs("bid_price_" + level)[r]).isEqualTo(bid.price());
            assertThat(lastWindow.longs("bid_volume_" + level)[r]).isEqualTo(bid.volume());
        }
        return expected.size();
    }

    @Test
    void theLogsChangeNothingInTheRunAndAreTheSameOnOneAndTwoThreads() throws IOException {
        SimulationOptions options = SimulationOptions.defaults().withDuration(FIVE_MINUTES);
        Run one = run(twoMinuteWindows(), options.withThreads(1).withParquetLogs(dir.resolve("one")));
        Run two = run(twoMinuteWindows(), options.withThreads(2).withParquetLogs(dir.resolve("two")));
        Run none = run(twoMinuteWindows(), options.withThreads(2));

        assertThat(two.hash()).isEqualTo(one.hash());
        assertThat(none.hash()).isEqualTo(one.hash());
        assertThat(none.summary()).isNull();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("one"))) {
            files = walk.filter(Files::isRegularFile).map(dir.resolve("one")::relativize).sorted().toList();
        }
        assertThat(files).hasSize(48);
        for (Path file : files) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(file)))
                    .as(file.toString()).isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }
    }

    @Test
    void onlyTheLogsTheConfigurationAsksForAreWritten() throws IOException {
        SimulationConfig feesOnly = Fixtures.smallWith("<L2 depth=\"5\" />\n                <L3 />", "");
        Run run = run(feesOnly, SimulationOptions.defaults().withDuration(FIVE_MINUTES)
                .withParquetLogs(dir.resolve("logs")));

        try (Stream<Path> walk = Files.walk(dir.resolve("logs"))) {
            assertThat(walk.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).distinct())
                    .containsExactly("fees-00000000.parquet");
        }
        assertThat(run.summary().files()).isEqualTo(4);
        ParquetReadBack fees = read(dir.resolve("logs/block-0/book-0/fees-00000000.parquet"));
        assertThat(fees.metadata()).contains(entry("mvtrx.window.start", "0"),
                entry("mvtrx.window.end", "" + FIVE_MINUTES));
        assertThat(fees.rows() % 2).isZero();

        SimulationConfig none = Fixtures.smallWith("<L2 depth=\"5\" />\n                <L3 />\n"
                + "                <FeeLog />", "");
        Run quiet = run(none, SimulationOptions.defaults().withDuration(SECOND * 10)
                .withParquetLogs(dir.resolve("none")));
        assertThat(quiet.summary()).isNull();
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeCreatedStopsTheRunNamingTheFile() throws IOException {
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where the logs folder should be");
        SimulationOptions options = SimulationOptions.defaults().withDuration(FIVE_MINUTES).withThreads(1)
                .withParquetLogs(blocked);

        assertThatThrownBy(() -> run(twoMinuteWindows(), options))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write the Parquet log " + blocked.resolve("block-0")
                        .resolve("book-0"));
    }

    /**
     * Issue 4 item 6 for the Parquet logs: a run checkpointed at steps 100 and 200, run on to step 250 and stopped
     * (so its files hold rows past the checkpoint and a window it will write again), then resumed from step 100 on
     * the other thread count, finishes the very files, byte for byte, of the same run uninterrupted (checkpointed at
     * the same steps: a capture writes the buffered rows as a row group).
     */
    @ParameterizedTest(name = "run on {0} thread(s), resumed on {1}")
    @CsvSource({"1, 2", "2, 1"})
    void aResumedRunFinishesTheSameParquetFilesByteForByte(int threads, int resumedThreads) throws IOException {
        SimulationConfig config = twoMinuteWindows();
        Path whole = dir.resolve("whole");
        try (Simulation simulation = Simulation.create(config, Fixtures.PLUGINS, checkpointed(whole, threads));
             Checkpointer checkpointer = checkpointer(simulation, whole)) {
            simulation.run(checkpointer);
            assertThat(checkpointer.written()).isEqualTo(2);
        }

        Path run = dir.resolve("run");
        try (Simulation simulation = Simulation.create(config, Fixtures.PLUGINS, checkpointed(run, threads));
             Checkpointer checkpointer = checkpointer(simulation, run)) {
            for (int step = 0; step < 250; step++) {
                simulation.step();
                checkpointer.onStep(simulation.progress());
            }
        }
        Map<String, byte[]> stopped = files(run.resolve("logs"));
        // stopped at 250 s: windows [0, 2) and [2, 4) min complete, [4, 5) cut short
        assertThat(stopped.keySet()).anyMatch(name -> name.endsWith("l3-00000400.parquet"));
        CheckpointStore store = new CheckpointStore(run.resolve(CheckpointStore.FOLDER), 3);
        Checkpoint first = store.list().getFirst();
        assertThat(first.step()).isEqualTo(100);
        try (Simulation simulation = Simulation.resume(config, Fixtures.PLUGINS, checkpointed(run, resumedThreads),
                CheckpointStore.read(first));
             Checkpointer checkpointer = checkpointer(simulation, run)) {
            simulation.run(checkpointer);
        }

        Map<String, byte[]> expected = files(whole.resolve("logs"));
        Map<String, byte[]> resumed = files(run.resolve("logs"));
        assertThat(expected).hasSize(2 * 2 * 3 * 4);
        assertThat(resumed.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertThat(resumed.get(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
        long rows = expected.keySet().stream().filter(name -> name.contains("/l3-"))
                .mapToLong(name -> read(run.resolve("logs").resolve(name)).rows()).sum();
        assertThat(rows).isGreaterThan(2_000);
    }

    @Test
    void aCheckpointWithoutParquetLogsCannotBeContinuedWithThem() throws IOException {
        SimulationConfig config = twoMinuteWindows();
        Path run = dir.resolve("plain");
        SimulationOptions plain = SimulationOptions.defaults().withDuration(FIVE_MINUTES)
                .withEventLog(run.resolve("events.l3"));
        try (Simulation simulation = Simulation.create(config, Fixtures.PLUGINS, plain);
             Checkpointer checkpointer = checkpointer(simulation, run)) {
            for (int step = 0; step < 150; step++) {
                simulation.step();
                checkpointer.onStep(simulation.progress());
            }
        }
        Checkpoint first = new CheckpointStore(run.resolve(CheckpointStore.FOLDER), 3).list().getFirst();
        assertThatThrownBy(() -> Simulation.resume(config, Fixtures.PLUGINS, checkpointed(run, 1),
                CheckpointStore.read(first)).close())
                .hasMessageContaining("the checkpointed run wrote no Parquet logs, so this run cannot continue them");
    }

    private static SimulationOptions checkpointed(Path run, int threads) {
        return SimulationOptions.defaults().withDuration(FIVE_MINUTES).withThreads(threads)
                .withEventLog(run.resolve("events.l3")).withParquetLogs(run.resolve("logs"));
    }

    private static Checkpointer checkpointer(Simulation simulation, Path run) {
        CheckpointStore store = new CheckpointStore(run.resolve(CheckpointStore.FOLDER), 3);
        RunDescription description = new RunDescription(simulation.info().simulationId(), "small.xml",
                Fixtures.text("small.xml").getBytes(StandardCharsets.UTF_8), simulation.clock().duration(),
                simulation.seed(), simulation.info().blockCount(), simulation.info().booksPerBlock(), true);
        return new Checkpointer(simulation, store, 100, description, line -> {
            throw new AssertionError(line);
        });
    }

    /** Every file under {@code root} by its relative path (with '/'), sorted. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
