package io.mvtrx.runtime.gentrx.data.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.data.page.MemoryStorage;
import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.PageColumns;
import io.mvtrx.runtime.gentrx.data.page.PageReader;
import io.mvtrx.runtime.gentrx.data.page.PageRecord;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;
import io.mvtrx.runtime.gentrx.data.tick.MsgPackWriter;
import io.mvtrx.runtime.gentrx.data.tick.Side;
import io.mvtrx.runtime.gentrx.data.tick.TickConfig;
import io.mvtrx.runtime.gentrx.data.tick.TickDecoder;
import io.mvtrx.runtime.gentrx.data.tick.TickPacket;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.book;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.cancel;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.level;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.marker;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.order;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.tick;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.trade;
import static org.assertj.core.api.Assertions.assertThat;

class TickIngestTest {

    /** Day 1, 00:16:40 of simulation time: time of day 1000 s. */
    private static final long T = 87_400_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.TESTNET, GentrxMode.SIMULATION);

    private MemoryStorage storage;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        storage = new MemoryStorage();
        clock = new MutableClock();
    }

    private TickIngest ingest(PageStore pages) {
        return new TickIngest(pages, IngestSettings.defaults(), clock);
    }

    private PageStore pages(int cap) {
        return new PageStore(storage, LAYOUT, 4, cap, WriterOptions.defaults());
    }

    private static TrainingRow row(long ts, OrderType type, long rel, int vol, float frac, long interval, long mid,
                                   long dmid, double[] asks, double[] bids) {
        return new TrainingRow(ts, type, rel, vol, frac, interval, mid, (int) (ts / 1_000_000_000L % 86_400), dmid,
                pad(asks), pad(bids));
    }

    private static double[] pad(double[] v) {
        double[] out = new double[10];
        System.arraycopy(v, 0, out, 0, v.length);
        return out;
    }

    private static double[] v(double... values) {
        return values;
    }

    /**
     * Book 0 at T: bids 100.00 x 5, 99.50 x 2; asks 100.50 x 3, 101.00 x 4 (2 price and 2 volume decimals, so
     * ticks 10000/9950 and 10050/10100, mid (10000 + 10050) / 2 = 10025). Events, each row reading the book before
     * its event:
     * <ol>
     *   <li>trade taker 7 buys 3.0 at 100.50: EXEC_BUY, rel 10050 - 10025 = 25; the engine is not driven;</li>
     *   <li>order 7 buys at 100.60 with 1.5 remaining: BID rel 35, vol 1 + 0.5; the engine gets 1.5 + 3.0 = 4.5
     *   (450 units) at 10060, takes the 300 at 10050 and rests 150 at 10060: mid (10060 + 10100) / 2 = 10080;</li>
     *   <li>cancel of 1.25 at 101.00 (sell) 150 ms later: CANCEL rel 20, interval 150 ms, mid drift 10080 - 10025 =
     *   55; the engine removes 125 of the 400 at 10100;</li>
     *   <li>trade taker 11 sells 1.0 at 100.60 50 ms later: EXEC_SELL rel -20;</li>
     *   <li>order 11 sells at 100.55 with 0 remaining: no row, but the engine gets its full 1.0 (100 units) and
     *   takes it from the 150 bid at 10060, leaving 50;</li>
     *   <li>order 12 buys 0.3 at 99.00 100 ms later: BID rel 9900 - 10080 = -180, vol 0 + 0.3, and the book it
     *   reads shows bid 1 = 0.5, the trace of the full-size re-drive of the crossing sell.</li>
     * </ol>
     * Tick 2 (T + 1 s) rebuilds the book from its L2 (bid 100.00 x 5, ask 100.41 x 1: mid floor(20041 / 2) =
     * 10020) and one buy of 2.0 at 100.10 at T + 1.2 s: rel -10, interval 800 ms, drift 10020 - 10025 = -5.
     */
    @Test
    void replaysHandmadeTicksIntoExactRows() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        TickPacket first = tick("sim-A", T, book(0,
                List.of(level(100.00, 5), level(99.50, 2)), List.of(level(100.50, 3), level(101.00, 4)),
                trade(7, 3, 100.50, 3.0, T + 100 * MS, Side.BUY),
                order(Side.BUY, 7, 100.60, 1.5, T + 100 * MS),
                cancel(Side.SELL, 9, 101.00, 1.25, T + 250 * MS),
                trade(11, 7, 100.60, 1.0, T + 300 * MS, Side.SELL),
                order(Side.SELL, 11, 100.55, 0, T + 300 * MS),
                order(Side.BUY, 12, 99.00, 0.3, T + 400 * MS)));
        TickPacket second = tick("sim-A", T + 1_000 * MS, book(0,
                List.of(level(100.00, 5)), List.of(level(100.41, 1)),
                order(Side.BUY, 13, 100.10, 2.0, T + 1_200 * MS)));

        TickIngest.Outcome one = ingest.offer(first);
        TickIngest.Outcome two = ingest.offer(second);

        assertThat(one.ticksProcessed()).isEqualTo(1);
        assertThat(one.rows()).isEqualTo(5);
        assertThat(two.rows()).isEqualTo(1);
        assertThat(pages.pending(0)).containsExactly(
                row(T + 100 * MS, OrderType.EXEC_BUY, 25, 3, 0f, 0, 10_025, 0, v(3, 4), v(5, 2)),
                row(T + 100 * MS, OrderType.BID, 35, 1, 0.5f, 0, 10_025, 0, v(3, 4), v(5, 2)),
                row(T + 250 * MS, OrderType.CANCEL, 20, 1, 0.25f, 150 * MS, 10_080, 55, v(4), v(1.5, 5, 2)),
                row(T + 300 * MS, OrderType.EXEC_SELL, -20, 1, 0f, 50 * MS, 10_080, 55, v(2.75), v(1.5, 5, 2)),
                row(T + 400 * MS, OrderType.BID, -180, 0, 0.3f, 100 * MS, 10_080, 55, v(2.75), v(0.5, 5, 2)),
                row(T + 1_200 * MS, OrderType.BID, -10, 2, 0f, 800 * MS, 10_020, -5, v(1), v(5)));
        assertThat(pages.pending(0).getFirst().timeOfDaySeconds()).isEqualTo(1_000);
        assertThat(ingest.maxTs()).isEqualTo(T + 1_200 * MS);
        assertThat(ingest.scales()).contains(new Scales(2, 2));
        DataStatus status = ingest.dataStatus();
        assertThat(status.maxTs()).isEqualTo(T + 1_200 * MS);
        assertThat(status.rowsEmitted()).isEqualTo(6);
        assertThat(status.executions()).isEqualTo(2);
        assertThat(status.books()).containsOnlyKeys(0);
        assertThat(status.books().get(0)).isEqualTo(new DataStatus.Book(List.of(), T + 1_200 * MS));
    }

    @Test
    void dropsDuplicatesAndTicksBeforeAnySimulation() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        TickPacket anonymous = new TickPacket(1, T, List.of(book(0, List.of(level(100, 1)), List.of(),
                order(Side.BUY, 1, 99, 1, T))), List.of(), TickConfig.NONE,
                Optional.empty());
        TickPacket bound = tick("sim-A", T, book(0, List.of(level(100, 1)), List.of(), order(Side.BUY, 1, 99, 1, T)));

        assertThat(ingest.offer(anonymous).ticksDropped()).isEqualTo(1);
        assertThat(ingest.offer(bound).rows()).isEqualTo(1);
        assertThat(ingest.offer(bound).ticksDropped()).isEqualTo(1);
        assertThat(pages.pendingRows(0)).isEqualTo(1);
        // Only one side: the mid is that side's best, 10000; rel 9900 - 10000.
        assertThat(pages.pending(0).getFirst().relPrice()).isEqualTo(-100);
        assertThat(pages.pending(0).getFirst().midPrice()).isEqualTo(10_000);
    }

    @Test
    void exchangeModeStampsEventsWithTheTickTime() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        TickPacket tick = new TickPacket(1, T, List.of(book(0, List.of(), List.of(),
                order(Side.SELL, 1, 100, 1, 1_700_000_000L))), List.of(), Ticks.config("exchange"),
                Optional.empty());

        ingest.offer(tick);

        assertThat(pages.pending(0).getFirst().timestamp()).isEqualTo(T);
        // An empty book has mid 0: rel_price 0, no drift.
        assertThat(pages.pending(0).getFirst().relPrice()).isZero();
        assertThat(pages.pending(0).getFirst().midPrice()).isZero();
    }

    @Test
    void flushesEveryFullPageAndReadsItBack() throws IOException {
        PageStore pages = pages(3);
        TickIngest ingest = ingest(pages);
        TickPacket tick = tick("sim-A", T, book(2, List.of(level(100, 1)), List.of(level(101, 1)),
                order(Side.BUY, 1, 99, 1, T), order(Side.BUY, 2, 99, 2, T + 1_000 * MS),
                order(Side.BUY, 3, 99, 3, T + 2_000 * MS), order(Side.BUY, 4, 99, 4, T + 3_000 * MS),
                order(Side.BUY, 5, 99, 5, T + 4_000 * MS), order(Side.BUY, 6, 99, 6, T + 5_000 * MS),
                order(Side.BUY, 7, 99, 7, T + 6_000 * MS)));

        TickIngest.Outcome outcome = ingest.offer(tick);

        assertThat(outcome.pages()).extracting(PageRecord::fileName)
                .containsExactly("01001640-01001642.parquet", "01001643-01001645.parquet");
        assertThat(pages.pendingRows(2)).isEqualTo(1);
        assertThat(ingest.dataStatus().books().get(2).pages()).isEqualTo(outcome.pages());
        assertThat(storage.keys()).containsExactly(
                "gentrx/testnet/simulation/data/4/.sim_id",
                "gentrx/testnet/simulation/data/4/2/intervals/01001640-01001642.parquet",
                "gentrx/testnet/simulation/data/4/2/intervals/01001643-01001645.parquet");
        assertThat(new String(storage.bytes("gentrx/testnet/simulation/data/4/.sim_id"))).isEqualTo("sim-A");
        PageColumns page = PageReader.read(storage, outcome.pages().get(1).key()).orElseThrow();
        assertThat(page.rows()).isEqualTo(3);
        assertThat(page.volumeInt()).containsExactly(4, 5, 6);
        assertThat(page.timestamp()).containsExactly(T + 3_000 * MS, T + 4_000 * MS, T + 5_000 * MS);
    }

    @Test
    void tailFlushesABookThatFellFiveMinutesBehind() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        ingest.offer(tick("sim-A", T, book(0, List.of(), List.of(), order(Side.BUY, 1, 99, 1, T)),
                book(1, List.of(), List.of(), order(Side.BUY, 2, 99, 1, T))));
        ingest.offer(tick("sim-A", T + 4_000 * MS, book(1, List.of(), List.of(),
                order(Side.BUY, 3, 99, 1, T + 299_000 * MS))));

        assertThat(ingest.maintain().pages()).isEmpty();

        ingest.offer(tick("sim-A", T + 8_000 * MS, book(1, List.of(), List.of(),
                order(Side.BUY, 4, 99, 1, T + 300_000 * MS))));
        TickIngest.Outcome tail = ingest.maintain();

        // Book 0's last event is exactly 300 s behind the newest one; book 1 is current.
        assertThat(tail.pages()).extracting(PageRecord::book, PageRecord::rows).containsExactly(
                Tuple.tuple(0, 1));
        assertThat(pages.pendingRows(1)).isEqualTo(3);
    }

    @Test
    void simulationEndResetsAndWipesTheDataArea() throws IOException {
        PageStore pages = pages(1);
        TickIngest ingest = ingest(pages);
        ingest.offer(tick("sim-A", T, book(0, List.of(), List.of(), order(Side.BUY, 1, 99, 1, T))));
        assertThat(pages.pages()).hasSize(1);
        storage.put("gentrx/testnet/simulation/checkpoints/4/v00001.pt", new byte[] {1});

        TickIngest.Outcome end = ingest.offer(marker("sim-A", T + 1_000 * MS, TickPacket.SIM_END));
        ingest.maintain();

        assertThat(end.ticksDropped()).isEqualTo(1);
        assertThat(pages.pages()).isEmpty();
        assertThat(ingest.simId()).isEmpty();
        assertThat(storage.keys()).containsExactly("gentrx/testnet/simulation/checkpoints/4/v00001.pt");

        ingest.offer(tick("sim-B", 5_000 * MS, book(0, List.of(), List.of(), order(Side.SELL, 1, 99, 2, 5_000 * MS))));

        assertThat(storage.keys()).containsExactly("gentrx/testnet/simulation/checkpoints/4/v00001.pt",
                "gentrx/testnet/simulation/data/4/.sim_id",
                "gentrx/testnet/simulation/data/4/0/intervals/00000005-00000005.parquet");
        assertThat(new String(storage.bytes("gentrx/testnet/simulation/data/4/.sim_id"))).isEqualTo("sim-B");
        // A new simulation starts a new engine: no interval carried over.
        assertThat(PageReader.read(storage, pages.pages().getFirst().key()).orElseThrow().intervalNs())
                .containsExactly(0L);
    }

    @Test
    void aChangedSimulationIdResetsAndWipes() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        ingest.offer(tick("sim-A", T, book(0, List.of(), List.of(), order(Side.BUY, 1, 99, 1, T))));

        ingest.offer(tick("sim-B", T + 1_000 * MS, book(0, List.of(), List.of(), order(Side.BUY, 1, 99, 1,
                T + 1_000 * MS))));

        assertThat(ingest.simId()).contains("sim-B");
        assertThat(pages.pendingRows(0)).isEqualTo(1);
        assertThat(pages.pending(0).getFirst().intervalNs()).isZero();
        assertThat(pages.wipeDue()).isTrue();
    }

    @Test
    void aStartMarkerOfAnotherSimulationResets() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        ingest.offer(tick("sim-A", T, book(0, List.of(), List.of(), order(Side.BUY, 1, 99, 1, T))));

        ingest.offer(marker("sim-C", T + 1_000 * MS, TickPacket.SIM_START));

        assertThat(ingest.simId()).contains("sim-C");
        assertThat(pages.pendingRows(0)).isZero();
        assertThat(pages.wipeDue()).isTrue();
    }

    @Test
    void heldTicksAreProcessedOnceTheGapCloses() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        ingest.offer(tick("sim-A", T, book(0, List.of(), List.of(), order(Side.BUY, 1, 99, 1, T))));

        // 10 s ahead of a 5-s expectation: held.
        TickIngest.Outcome held = ingest.offer(tick("sim-A", T + 10_000 * MS, book(0, List.of(), List.of(),
                order(Side.BUY, 3, 99, 3, T + 10_000 * MS))));
        assertThat(held.ticksProcessed()).isZero();
        assertThat(ingest.buffered()).isEqualTo(1);

        TickIngest.Outcome filled = ingest.offer(tick("sim-A", T + 5_000 * MS, book(0, List.of(), List.of(),
                order(Side.BUY, 2, 99, 2, T + 5_000 * MS))));

        assertThat(filled.ticksProcessed()).isEqualTo(2);
        assertThat(pages.pending(0)).extracting(TrainingRow::volumeInt).containsExactly(1, 2, 3);

        ingest.offer(tick("sim-A", T + 60_000 * MS, book(0, List.of(), List.of(),
                order(Side.BUY, 4, 99, 4, T + 60_000 * MS))));
        clock.advance(Duration.ofSeconds(29));
        assertThat(ingest.maintain().ticksProcessed()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ingest.maintain().ticksProcessed()).isEqualTo(1);
        assertThat(pages.pendingRows(0)).isEqualTo(4);
    }

    @Test
    void acceptsTheMsgpackPacketTheValidatorSends() throws IOException {
        PageStore pages = pages(PageStore.DEFAULT_CAP);
        TickIngest ingest = ingest(pages);
        Map<Object, Object> books = new LinkedHashMap<>();
        books.put(0L, Map.of("bids", List.of(List.of(100.0, 5.0)), "asks", List.of(List.of(100.5, 3.0)),
                "events", List.of(Map.of("y", "c", "s", 1L, "i", 4L, "p", 100.5, "q", 2.5,
                        "t", T + 5 * MS))));
        Map<String, Object> tick = new LinkedHashMap<>();
        tick.put("step", 1L);
        tick.put("ts", T);
        tick.put("books", books);
        tick.put("config", Map.of("priceDecimals", 2L, "volumeDecimals", 2L, "simulation_id", "sim-M"));
        byte[] bytes = MsgPackWriter.write(tick);

        ingest.offer(TickDecoder.decode(bytes));

        assertThat(ingest.simId()).contains("sim-M");
        assertThat(pages.pending(0)).containsExactly(
                row(T + 5 * MS, OrderType.CANCEL, 25, 2, 0.5f, 0, 10_025, 0, v(3), v(5)));
    }
}
