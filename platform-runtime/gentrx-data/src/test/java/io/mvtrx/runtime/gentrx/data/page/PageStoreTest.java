package io.mvtrx.runtime.gentrx.data.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.Compression;
import io.mvtrx.runtime.parquet.WriterOptions;
import io.mvtrx.runtime.parquet.readback.ParquetReadBack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageStoreTest {

    private static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.MAINNET, GentrxMode.SIMULATION);
    private static final String DATA = "gentrx/mainnet/simulation/data/0/";
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    static TrainingRow row(long ts, int volume) {
        double[] asks = new double[10];
        double[] bids = new double[10];
        for (int i = 0; i < 10; i++) {
            asks[i] = volume + i * 0.25;
            bids[i] = i == 9 ? 0 : 1.5 * i;
        }
        return new TrainingRow(ts, OrderType.values()[volume % 5], volume * 7L - 300, volume, (volume % 8) / 8f,
                volume * 1_000L, 1_000_000L + volume, (int) (ts / S % 86_400), volume - 20L, asks, bids);
    }

    private final MemoryStorage storage = new MemoryStorage();

    private PageStore store(int cap) {
        PageStore store = new PageStore(storage, LAYOUT, 0, cap, WriterOptions.defaults()
                .withCompression(Compression.GZIP));
        store.bind("sim-1");
        return store;
    }

    @Test
    void writesTheTwentyNineColumnSchemaThatParquetJavaReads() throws IOException {
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Out of order by two: the page is sorted by timestamp.
            rows.add(row((i ^ 1) * S + 7, i));
        }
        byte[] bytes = PageWriter.encode(rows, Map.of("gentrx.book", "5"), WriterOptions.defaults());
        Path file = dir.resolve("page.parquet");
        Files.write(file, bytes);

        ParquetReadBack back = ParquetReadBack.read(file);

        assertThat(back.columnNames()).hasSize(29).startsWith("timestamp", "order_type", "rel_price", "volume_int",
                "volume_dec", "interval_ns", "mid_price", "time_of_day_s", "mid_price_delta", "lob_ask_vol_1")
                .endsWith("lob_ask_vol_10", "lob_bid_vol_1", "lob_bid_vol_2", "lob_bid_vol_3", "lob_bid_vol_4",
                        "lob_bid_vol_5", "lob_bid_vol_6", "lob_bid_vol_7", "lob_bid_vol_8", "lob_bid_vol_9",
                        "lob_bid_vol_10");
        assertThat(back.schemaText()).contains("required int64 timestamp (TIMESTAMP(NANOS,false))",
                "required int32 order_type (INTEGER(8,true))", "required int64 rel_price",
                "required int32 volume_int;", "required float volume_dec", "required double lob_bid_vol_10");
        assertThat(back.metadata()).containsEntry("gentrx.book", "5");
        List<TrainingRow> sorted = PageWriter.sorted(rows);
        assertThat(back.longs("timestamp")).containsExactly(sorted.stream().mapToLong(TrainingRow::timestamp)
                .toArray());
        assertThat(back.longs("timestamp")).isSorted();
        assertThat(back.ints("order_type")[0]).isEqualTo(sorted.getFirst().orderType().code());
        assertThat(back.longs("rel_price")[3]).isEqualTo(sorted.get(3).relPrice());
        assertThat(back.doubles("lob_ask_vol_10")[49]).isEqualTo(sorted.get(49).askVolume(9));
        assertThat(back.doubles("lob_bid_vol_2")[10]).isEqualTo(1.5);

        PageColumns ours = PageReader.read(file);
        for (int r = 0; r < 50; r++) {
            assertThat(ours.row(r)).isEqualTo(sorted.get(r));
        }
    }

    @Test
    void registersAPageOnlyAfterItsPutSucceeded() throws IOException {
        PageStore store = store(2);
        assertThat(store.append(3, row(10 * S, 1))).isFalse();
        assertThat(store.append(3, row(11 * S, 2))).isTrue();
        storage.failPuts = true;

        assertThatThrownBy(() -> store.flush(3, false)).isInstanceOf(IOException.class)
                .hasMessageContaining(".sim_id: storage unavailable");
        assertThat(store.pages()).isEmpty();
        assertThat(store.pendingRows(3)).isEqualTo(2);

        storage.failPuts = false;
        store.append(3, row(12 * S, 3));
        PageRecord page = store.flush(3, false).orElseThrow();

        assertThat(page).isEqualTo(new PageRecord(3, "00000010-00000011.parquet",
                DATA + "3/intervals/00000010-00000011.parquet", 10 * S, 11 * S, 2));
        assertThat(store.pages()).containsExactly(page);
        assertThat(store.pending(3)).containsExactly(row(12 * S, 3));
        assertThat(storage.keys()).containsExactly(DATA + ".sim_id", page.key());
    }

    @Test
    void suffixesANameThatAlreadyExistsInTheBook() throws IOException {
        PageStore store = store(1);
        for (int i = 0; i < 3; i++) {
            store.append(0, row(10 * S + i, i));
            store.flush(0, false);
        }
        store.append(1, row(10 * S, 9));
        store.flush(1, false);

        assertThat(store.pages()).extracting(PageRecord::key).containsExactly(
                DATA + "0/intervals/00000010-00000010.parquet",
                DATA + "0/intervals/00000010-00000010_0001.parquet",
                DATA + "0/intervals/00000010-00000010_0002.parquet",
                DATA + "1/intervals/00000010-00000010.parquet");
    }

    @Test
    void aTailFlushTakesEverythingAndAFullFlushOnlyACap() throws IOException {
        PageStore store = store(3);
        for (int i = 0; i < 7; i++) {
            store.append(0, row((100 + i) * S, i));
        }

        assertThat(store.flush(0, false).orElseThrow().rows()).isEqualTo(3);
        assertThat(store.flush(0, true).orElseThrow().rows()).isEqualTo(4);
        assertThat(store.flush(0, true)).isEmpty();
    }

    @Test
    void aResetDuringAPutDoesNotRegisterThePage() throws IOException {
        PageStore[] holder = new PageStore[1];
        MemoryStorage resetting = new MemoryStorage() {
            @Override
            public void put(String key, byte[] content) throws IOException {
                super.put(key, content);
                if (key.endsWith(".parquet")) {
                    holder[0].reset(true);
                }
            }
        };
        holder[0] = new PageStore(resetting, LAYOUT, 0, 1, WriterOptions.defaults());
        holder[0].bind("sim-1");
        holder[0].append(0, row(S, 1));

        assertThat(holder[0].flush(0, false)).isEmpty();
        assertThat(holder[0].pages()).isEmpty();

        holder[0].maintain();
        assertThat(resetting.keys()).isEmpty();
    }

    @Test
    void keepsOrWipesTheDataOfAnotherSimulationFoundAtStartup() throws IOException {
        storage.put(DATA + ".sim_id", "old".getBytes(StandardCharsets.UTF_8));
        storage.put(DATA + "0/intervals/00000010-00000020.parquet", new byte[] {1});
        PageStore keeping = new PageStore(storage, LAYOUT, 0, 1, WriterOptions.defaults());

        keeping.bindFirst("new", false);
        keeping.maintain();

        assertThat(storage.keys()).contains(DATA + "0/intervals/00000010-00000020.parquet");
        assertThat(new String(storage.bytes(DATA + ".sim_id"), StandardCharsets.UTF_8)).isEqualTo("new");

        PageStore wiping = new PageStore(storage, LAYOUT, 0, 1, WriterOptions.defaults());
        storage.put(DATA + ".sim_id", "old".getBytes(StandardCharsets.UTF_8));
        wiping.bindFirst("new", true);
        wiping.maintain();

        assertThat(storage.keys()).containsExactly(DATA + ".sim_id");
        assertThat(new String(storage.bytes(DATA + ".sim_id"), StandardCharsets.UTF_8)).isEqualTo("new");
    }

    @Test
    void restoresTheRegistryFromAListing() throws IOException {
        storage.put(DATA + ".sim_id", new byte[] {1});
        storage.put(DATA + "7/intervals/01000000-01000500_0001.parquet", new byte[] {1});
        storage.put(DATA + "7/intervals/notes.txt", new byte[] {1});
        storage.put(DATA + "2/intervals/00000010-00000020.parquet", new byte[] {1});
        PageStore store = new PageStore(storage, LAYOUT, 0, 1, WriterOptions.defaults());

        store.restore();

        assertThat(store.pages()).containsExactly(
                new PageRecord(2, "00000010-00000020.parquet", DATA + "2/intervals/00000010-00000020.parquet",
                        10 * S, 20 * S, -1),
                new PageRecord(7, "01000000-01000500_0001.parquet",
                        DATA + "7/intervals/01000000-01000500_0001.parquet", 86_400 * S, (86_400 + 300) * S, -1));
    }

    @Test
    void aSecondFlushOfABookAlreadyFlushingReturnsAtOnceAndRowsAddedMeanwhileStay() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MemoryStorage slow = new MemoryStorage() {
            @Override
            public void put(String key, byte[] content) throws IOException {
                if (key.endsWith(".parquet")) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                super.put(key, content);
            }
        };
        PageStore store = new PageStore(slow, LAYOUT, 0, 2, WriterOptions.defaults());
        store.bind("sim-1");
        store.append(0, row(S, 1));
        store.append(0, row(2 * S, 2));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<PageRecord>> first = executor.submit(() -> store.flush(0, false));
            entered.await();

            store.append(0, row(3 * S, 3));
            store.append(0, row(4 * S, 4));
            assertThat(store.flush(0, false)).isEmpty();
            release.countDown();

            assertThat(first.get().orElseThrow().rows()).isEqualTo(2);
            assertThat(store.pending(0)).containsExactly(row(3 * S, 3), row(4 * S, 4));
            assertThat(store.flush(0, false).orElseThrow().fileName()).isEqualTo("00000003-00000004.parquet");
        } finally {
            executor.shutdownNow();
        }
    }
}
