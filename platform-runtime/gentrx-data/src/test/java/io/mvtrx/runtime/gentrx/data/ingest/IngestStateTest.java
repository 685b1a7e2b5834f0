package io.mvtrx.runtime.gentrx.data.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.runtime.gentrx.data.page.MemoryStorage;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;
import io.mvtrx.runtime.gentrx.data.tick.Side;
import io.mvtrx.runtime.gentrx.data.tick.TickPacket;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.book;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.level;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.order;
import static io.mvtrx.runtime.gentrx.data.ingest.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestStateTest {

    private static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
    private static final long S = 1_000_000_000L;

    private final MemoryStorage storage = new MemoryStorage();

    private TickIngest ingest(boolean startupCleanup) {
        return new TickIngest(new PageStore(storage, LAYOUT, 1, PageStore.DEFAULT_CAP, WriterOptions.defaults()),
                new IngestSettings(IngestSettings.DEFAULT_TAIL_FLUSH_NS, startupCleanup), new MutableClock());
    }

    private static TickPacket first() {
        return tick("sim-A", 10 * S, book(0, List.of(level(100, 1)), List.of(level(101, 1)),
                order(Side.BUY, 1, 99, 1, 10 * S)), book(5, List.of(level(50, 2)), List.of(level(51, 2)),
                order(Side.SELL, 2, 52, 0.5, 11 * S)));
    }

    private static TickPacket second(String sim) {
        return tick(sim, 12 * S, book(0, List.of(level(100.5, 1)), List.of(level(101.5, 1)),
                order(Side.SELL, 3, 102, 2, 12 * S + 5)));
    }

    @Test
    void aRestoredIngestContinuesExactlyWhereTheStagedOneStopped() throws IOException {
        TickIngest straight = ingest(false);
        straight.offer(first());
        straight.offer(second("sim-A"));

        TickIngest before = ingest(false);
        before.offer(first());
        byte[] staged = IngestStateCodec.encode(before.snapshot());
        MemoryStorage fresh = new MemoryStorage();
        PageStore pages = new PageStore(fresh, LAYOUT, 1, PageStore.DEFAULT_CAP, WriterOptions.defaults());
        TickIngest after = new TickIngest(pages, IngestSettings.defaults(), new MutableClock());
        after.restore(IngestStateCodec.decode(staged, "pending_rows.simulation.bin"));
        after.offer(second("sim-A"));

        assertThat(after.simId()).contains("sim-A");
        assertThat(after.snapshot()).usingRecursiveComparison().isEqualTo(straight.snapshot());
        // Book 0's second row: interval 2 s + 5 ns after its first event, mid drift 10100 - 10050 = 50.
        TrainingRow last = pages.pending(0).getLast();
        assertThat(last.intervalNs()).isEqualTo(2 * S + 5);
        assertThat(last.midPriceDelta()).isEqualTo(50);
        assertThat(pages.pending(5)).hasSize(1);
    }

    @Test
    void anotherSimulationAfterARestoreKeepsStoredPagesUnlessStartupCleanup() throws IOException {
        TickIngest before = ingest(false);
        before.offer(first());
        IngestState state = before.snapshot();

        TickIngest keeping = ingest(false);
        keeping.restore(state);
        keeping.offer(second("sim-B"));
        assertThat(keeping.simId()).contains("sim-B");
        assertThat(keeping.snapshot().books()).extracting(IngestState.Book::bookId).containsExactly(0);
        assertThat(keeping.snapshot().books().getFirst().pending()).hasSize(1);

        storage.put(LAYOUT.data(1) + "0/intervals/00000001-00000002.parquet", new byte[] {1});
        TickIngest wiping = ingest(true);
        wiping.restore(state);
        wiping.offer(second("sim-B"));
        wiping.maintain();
        assertThat(storage.keys()).containsExactly(LAYOUT.simMarker(1));
    }

    @Test
    void stateBytesRoundTripAndDamageIsNamed() throws IOException {
        TickIngest before = ingest(false);
        before.offer(first());
        IngestState state = before.snapshot();
        byte[] bytes = IngestStateCodec.encode(state);

        assertThat(IngestStateCodec.decode(bytes, "f")).usingRecursiveComparison().isEqualTo(state);
        assertThat(state.scales()).contains(new Scales(2, 2));
        assertThat(state.lastTickTs()).isEqualTo(10 * S);
        assertThat(state.maxTs()).isEqualTo(11 * S);

        assertThatThrownBy(() -> IngestStateCodec.decode(Arrays.copyOf(bytes, 10), "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("f: ingest state is truncated");
        assertThatThrownBy(() -> IngestStateCodec.decode(Arrays.copyOf(bytes, bytes.length - 3), "f"))
                .hasMessage("f: books[1].rows: count 1 does not fit the file");
        assertThatThrownBy(() -> IngestStateCodec.decode(new byte[] {1, 2, 3, 4, 5}, "f"))
                .hasMessage("f: magic: not an ingest state (no GTXS magic)");
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> IngestStateCodec.decode(extra, "f")).hasMessage("f: end: 2 trailing bytes");
        byte[] badType = bytes.clone();
        // The first row's order type byte follows its 8-byte timestamp; the first book starts after the header.
        int header = 4 + 1 + 1 + 2 + "sim-A".length() + 1 + 2 + 8 + 8 + 4;
        int firstRow = header + 4 + 8 + 8 + 4;
        badType[firstRow + 8] = 9;
        assertThatThrownBy(() -> IngestStateCodec.decode(badType, "f"))
                .hasMessage("f: books[0].rows[0].order_type: must be 0 to 4, got 9");
    }
}
