package io.mvtrx.plugin.storage.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.testkit.storage.StorageBackendContractTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FsStorageTest extends StorageBackendContractTest {

    @TempDir
    Path root;

    @Override
    protected StorageBackend newBackend() throws IOException {
        return FsStorage.open(root.resolve("objects"));
    }

    private Path objects() {
        return root.resolve("objects");
    }

    @Test
    void anObjectIsTheFileAtItsKeyUnderTheRoot() throws IOException {
        storage.put("gentrx/localnet/simulation/checkpoints/1/latest.json", "{\"version\": 6}".getBytes(
                StandardCharsets.UTF_8));

        assertThat(objects().resolve("gentrx/localnet/simulation/checkpoints/1/latest.json"))
                .hasContent("{\"version\": 6}");
    }

    @Test
    void putLeavesNoTemporaryFileBehind() throws IOException {
        storage.put("a/b", payload(10_000, 1));
        storage.put("a/b", payload(20_000, 2));
        storage.put("a/c", Files.write(scratchFile("c"), payload(5_000, 3)));

        try (Stream<Path> files = Files.list(objects().resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("b", "c");
        }
    }

    @Test
    void aStrayTemporaryFileFromACrashIsInvisible() throws IOException {
        storage.put("data/0/p.parquet", "whole".getBytes(StandardCharsets.UTF_8));
        Files.write(objects().resolve("data/0/" + FsStorage.TEMP_PREFIX + "0123456789abcdef"), new byte[] {1, 2});

        assertThat(storage.list("")).containsExactly("data/0/p.parquet");
        assertThat(storage.list("data/0/.")).isEmpty();
        assertThat(read(storage.get("data/0/p.parquet"))).isEqualTo("whole".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOpenStreamKeepsReadingTheObjectItOpened() throws IOException {
        byte[] first = payload(100_000, 1);
        byte[] second = payload(50_000, 2);
        storage.put("k", first);

        try (InputStream in = storage.get("k").orElseThrow()) {
            storage.put("k", second);
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
        assertThat(read(storage.get("k"))).isEqualTo(second);
    }

    @Test
    void concurrentReadersNeverSeeAPartialObject() throws Exception {
        String key = "checkpoints/0/v00001.pt";
        List<byte[]> payloads = List.of(payload(1024 * 1024, 1), payload(1024 * 1024 + 4096, 2),
                payload(768 * 1024, 3));
        storage.put(key, payloads.get(0));
        int writes = 40;
        int readsPerReader = 120;
        int readers = 2;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        try {
            Future<Integer> writer = pool.submit(() -> {
                start.await();
                for (int i = 1; i <= writes; i++) {
                    storage.put(key, payloads.get(i % payloads.size()));
                }
                return writes;
            });
            Callable<List<String>> reader = () -> {
                start.await();
                List<String> bad = new ArrayList<>();
                for (int i = 0; i < readsPerReader; i++) {
                    byte[] seen = read(storage.get(key));
                    if (payloads.stream().noneMatch(p -> Arrays.equals(p, seen))) {
                        bad.add(String.format("read %d: %d bytes matching no payload", i, seen.length));
                    }
                }
                return bad;
            };
            List<Future<List<String>>> results = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                results.add(pool.submit(reader));
            }
            start.countDown();

            assertThat(writer.get()).isEqualTo(writes);
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(read(storage.get(key))).isEqualTo(payloads.get(writes % payloads.size()));
        assertThat(storage.list("checkpoints/")).containsExactly(key);
    }

    @Test
    void aKeyCannotBeBothAnObjectAndAPrefix() throws IOException {
        storage.put("a/b", new byte[] {1});
        storage.put("x", new byte[] {2});

        assertThatThrownBy(() -> storage.put("a", new byte[] {3}))
                .isInstanceOf(IOException.class)
                .hasMessage("fs:%s/a: put failed: the key is a prefix of other objects (a/...)", objects());
        assertThatThrownBy(() -> storage.put("x/y/z", new byte[] {4}))
                .isInstanceOf(IOException.class)
                .hasMessage("fs:%s/x/y/z: put failed: 'x' is an object, not a prefix", objects());
        assertThat(storage.get("a")).isEmpty();
        assertThat(storage.get("x/y/z")).isEmpty();
        storage.delete("a");
        storage.delete("x/y/z");
        assertThat(storage.list("")).containsExactly("a/b", "x");
    }

    @Test
    void deleteRemovesTheDirectoriesItLeavesEmpty() throws IOException {
        storage.put("data/5/BTC/intervals/p1.parquet", new byte[] {1});
        storage.put("data/5/ETH/intervals/p2.parquet", new byte[] {2});

        storage.delete("data/5/BTC/intervals/p1.parquet");

        assertThat(objects().resolve("data/5/BTC")).doesNotExist();
        assertThat(objects().resolve("data/5/ETH/intervals")).isDirectory();
        storage.delete("data/5/ETH/intervals/p2.parquet");
        assertThat(objects().resolve("data")).doesNotExist();
        assertThat(objects()).isDirectory();
        storage.put("data/5/BTC/intervals/p1.parquet", new byte[] {3});
        assertThat(storage.list("data/")).containsExactly("data/5/BTC/intervals/p1.parquet");
    }

    @Test
    void aMissingSourceFileIsNamed() {
        Path missing = root.resolve("missing.parquet");

        assertThatThrownBy(() -> storage.put("p", missing))
                .isInstanceOf(IOException.class)
                .hasMessage("fs:%s/p: put failed: source file %s does not exist", objects(), missing);
    }

    @Test
    void aClosedStorageRefusesEveryOperation() throws IOException {
        storage.put("k", new byte[] {1});
        storage.close();
        String message = String.format("fs:%s: storage is closed", objects());

        assertThatThrownBy(() -> storage.put("k", new byte[] {2})).hasMessage(message);
        assertThatThrownBy(() -> storage.get("k")).hasMessage(message);
        assertThatThrownBy(() -> storage.list("")).hasMessage(message);
        assertThatThrownBy(() -> storage.delete("k")).hasMessage(message);
    }

    @Test
    void openingARootThatIsAFileFailsNamingIt() throws IOException {
        Path file = Files.write(root.resolve("plain-file"), new byte[] {1});

        assertThatThrownBy(() -> FsStorage.open(file))
                .isInstanceOf(IOException.class)
                .hasMessage("fs:%s: storage root exists and is not a directory", file);
    }

    @Test
    void aRelativeRootIsMadeAbsolute() throws IOException {
        try (FsStorage relative = FsStorage.open(Path.of("target", "fs-storage-test-relative"))) {
            assertThat(relative.root()).isEqualTo(Path.of("target", "fs-storage-test-relative").toAbsolutePath());
        }
    }

    private Path scratchFile(String name) {
        return root.resolve(name);
    }
}
