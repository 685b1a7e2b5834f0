package io.mvtrx.testkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.mvtrx.api.spi.storage.StorageBackend;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link StorageBackend} promises, whatever holds its objects: byte-exact round trips, replacement,
 * sorted prefix listing (a prefix is a string prefix, not only a directory), idempotent deletes and the key rules of
 * {@link io.mvtrx.api.spi.storage.StorageKeys} with their exact messages. A backend's test extends this class and
 * answers {@link #newBackend()} with an empty backend; each test gets its own and closes it afterwards.
 *
 * {@snippet :
 * class FsStorageTest extends StorageBackendContractTest {
 *     @TempDir
 *     Path root;
 *
 *     @Override
 *     protected StorageBackend newBackend() {
 *         return FsStorage.open(root);
 *     }
 * }
 * }
 */
public abstract class StorageBackendContractTest {

    /** The backend under test, new and empty for each test. */
    protected StorageBackend storage;

    @TempDir
    Path scratch;

    /** A new, empty backend. */
    protected abstract StorageBackend newBackend() throws IOException;

    @BeforeEach
    void openBackend() throws IOException {
        storage = newBackend();
    }

    @AfterEach
    void closeBackend() throws IOException {
        storage.close();
    }

    /** Reads an object fully; fails if it is absent. */
    protected static byte[] read(Optional<InputStream> object) throws IOException {
        assertThat(object).as("object").isPresent();
        try (InputStream in = object.get()) {
            return in.readAllBytes();
        }
    }

    /** Deterministic pseudo-random bytes. */
    protected static byte[] payload(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void getReturnsExactlyTheBytesPut() throws IOException {
        byte[] content = new byte[256];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        storage.put("gentrx/testnet/simulation/gradients/5/00000042.grad", content);

        assertThat(read(storage.get("gentrx/testnet/simulation/gradients/5/00000042.grad"))).isEqualTo(content);
    }

    @Test
    void getOfAnAbsentKeyIsEmpty() throws IOException {
        storage.put("a/present", utf8("x"));

        assertThat(storage.get("a/absent")).isEmpty();
        assertThat(storage.get("b/absent")).isEmpty();
    }

    @Test
    void putReplacesThePreviousObjectWhole() throws IOException {
        storage.put("checkpoints/0/head.json", utf8("{\"version\": 1, \"state_hash\": \"abcdef\"}"));
        storage.put("checkpoints/0/head.json", utf8("{\"version\": 2}"));

        assertThat(new String(read(storage.get("checkpoints/0/head.json")), StandardCharsets.UTF_8))
                .isEqualTo("{\"version\": 2}");
        assertThat(storage.list("checkpoints/")).containsExactly("checkpoints/0/head.json");
    }

    @Test
    void putOfAFileStoresItsContent() throws IOException {
        byte[] content = payload(300_000, 7);
        Path file = Files.write(scratch.resolve("page.parquet"), content);

        storage.put("data/3/BTC/intervals/00000000-00000500.parquet", file);

        assertThat(read(storage.get("data/3/BTC/intervals/00000000-00000500.parquet"))).isEqualTo(content);
        assertThat(file).hasBinaryContent(content);
    }

    @Test
    void emptyObjectsRoundTrip() throws IOException {
        storage.put("empty", new byte[0]);
        Path file = Files.write(scratch.resolve("empty-file"), new byte[0]);
        storage.put("empty-from-file", file);

        assertThat(read(storage.get("empty"))).isEmpty();
        assertThat(read(storage.get("empty-from-file"))).isEmpty();
        assertThat(storage.list("")).containsExactly("empty", "empty-from-file");
    }

    @Test
    void aMebibyteAndMoreRoundTripsByteForByte() throws IOException {
        byte[] content = payload(3 * 1024 * 1024 + 17, 11);

        storage.put("deltas/0/v00007.grad", content);

        assertThat(read(storage.get("deltas/0/v00007.grad"))).isEqualTo(content);
    }

    @Test
    void listReturnsTheKeysUnderAPrefixSorted() throws IOException {
        for (String key : List.of("proposals/1/00000012.grad", "proposals/0/00000011.grad",
                "proposals/0/00000010.grad", "proposals/10/00000010.grad", "deltas/0/v00001.grad")) {
            storage.put(key, utf8(key));
        }

        assertThat(storage.list("proposals/")).containsExactly("proposals/0/00000010.grad",
                "proposals/0/00000011.grad", "proposals/1/00000012.grad", "proposals/10/00000010.grad");
        assertThat(storage.list("proposals/0/")).containsExactly("proposals/0/00000010.grad",
                "proposals/0/00000011.grad");
        assertThat(storage.list("proposals/1")).containsExactly("proposals/1/00000012.grad",
                "proposals/10/00000010.grad");
    }

    @Test
    void aPrefixMayEndInsideASegment() throws IOException {
        for (String key : List.of("data/7/book/a", "data/7/bonds/b", "data/7/bo", "data/7/other/c", "data/70/x")) {
            storage.put(key, utf8(key));
        }

        assertThat(storage.list("data/7/bo")).containsExactly("data/7/bo", "data/7/bonds/b", "data/7/book/a");
        assertThat(storage.list("data/7")).containsExactly("data/7/bo", "data/7/bonds/b", "data/7/book/a",
                "data/7/other/c", "data/70/x");
        assertThat(storage.list("data/7/")).containsExactly("data/7/bo", "data/7/bonds/b", "data/7/book/a",
                "data/7/other/c");
    }

    @Test
    void theEmptyPrefixListsEverythingAndAnUnknownPrefixNothing() throws IOException {
        storage.put("b/2", utf8("2"));
        storage.put("a/1", utf8("1"));
        storage.put("c", utf8("3"));

        assertThat(storage.list("")).containsExactly("a/1", "b/2", "c");
        assertThat(storage.list("d/")).isEmpty();
        assertThat(storage.list("a/1/")).isEmpty();
    }

    @Test
    void dotFilesAreOrdinaryObjects() throws IOException {
        storage.put("data/0/.sim_id", utf8("sim-2026-01-05"));
        storage.put("data/0/BTC/intervals/p.parquet", utf8("p"));

        assertThat(new String(read(storage.get("data/0/.sim_id")), StandardCharsets.UTF_8))
                .isEqualTo("sim-2026-01-05");
        assertThat(storage.list("data/0/")).containsExactly("data/0/.sim_id", "data/0/BTC/intervals/p.parquet");
        assertThat(storage.list("data/0/.")).containsExactly("data/0/.sim_id");
    }

    @Test
    void deleteRemovesTheObjectFromGetAndList() throws IOException {
        storage.put("gradients/4/00000001.grad", utf8("one"));
        storage.put("gradients/4/00000002.grad", utf8("two"));

        storage.delete("gradients/4/00000001.grad");

        assertThat(storage.get("gradients/4/00000001.grad")).isEmpty();
        assertThat(storage.list("gradients/")).containsExactly("gradients/4/00000002.grad");
        assertThat(read(storage.get("gradients/4/00000002.grad"))).isEqualTo(utf8("two"));
    }

    @Test
    void deleteIsIdempotent() throws IOException {
        storage.put("x/y", utf8("z"));

        storage.delete("x/y");
        storage.delete("x/y");
        storage.delete("never/there");

        assertThat(storage.list("")).isEmpty();
    }

    @Test
    void aDeletedKeyCanBeWrittenAgain() throws IOException {
        storage.put("k/v", utf8("first"));
        storage.delete("k/v");
        storage.put("k/v", utf8("second"));

        assertThat(read(storage.get("k/v"))).isEqualTo(utf8("second"));
        assertThat(storage.list("k/")).containsExactly("k/v");
    }

    @Test
    void invalidKeysAreRejectedByEveryOperationNamingTheKey() {
        Map<String, String> messages = Map.of(
                "", "invalid storage key '': empty",
                "/abs/key", "invalid storage key '/abs/key': absolute (starts with '/')",
                "a//b", "invalid storage key 'a//b': empty segment ('//')",
                "a/../b", "invalid storage key 'a/../b': segment '..' is not allowed",
                "a/./b", "invalid storage key 'a/./b': segment '.' is not allowed",
                "a/b/", "invalid storage key 'a/b/': ends with '/'",
                "a\\b", "invalid storage key 'a\\b': contains '\\'",
                "a/.mvtrx-tmp", "invalid storage key 'a/.mvtrx-tmp': segment '.mvtrx-tmp' uses the reserved prefix "
                        + "'.mvtrx-'");
        SoftAssertions softly = new SoftAssertions();
        messages.forEach((key, message) -> {
            softly.assertThatThrownBy(() -> storage.put(key, new byte[] {1}))
                    .as("put '%s'", key).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            softly.assertThatThrownBy(() -> storage.put(key, scratch))
                    .as("put file '%s'", key).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            softly.assertThatThrownBy(() -> storage.get(key))
                    .as("get '%s'", key).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            softly.assertThatThrownBy(() -> storage.delete(key))
                    .as("delete '%s'", key).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        });
        softly.assertAll();
    }

    @Test
    void invalidPrefixesAreRejectedNamingThePrefix() {
        assertThatThrownBy(() -> storage.list("/data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid storage prefix '/data': absolute (starts with '/')");
        assertThatThrownBy(() -> storage.list("data/../"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid storage prefix 'data/../': segment '..' is not allowed");
        assertThatThrownBy(() -> storage.list("data//"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid storage prefix 'data//': empty segment ('//')");
    }

    @Test
    void aRejectedKeyLeavesNothingBehind() throws IOException {
        storage.put("kept", utf8("k"));
        assertThatThrownBy(() -> storage.put("../escape", utf8("e"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(storage.list("")).containsExactly("kept");
    }

    @Test
    void aMissingSourceFileFailsWithIoExceptionAndStoresNothing() {
        Path missing = scratch.resolve("no-such-file");

        assertThatThrownBy(() -> storage.put("from/missing", missing)).isInstanceOf(IOException.class);
        assertThat(listAll()).isEmpty();
    }

    private List<String> listAll() {
        try {
            return storage.list("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
