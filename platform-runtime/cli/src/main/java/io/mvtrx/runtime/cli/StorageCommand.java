package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx storage}: look at and check a storage backend (a directory, S3, R2, Hippius) with the same
 * {@code --storage NAME --storage-param K=V} options every other command uses, so an operator can prove their
 * credentials and bucket work before a validator or miner depends on them.
 */
@Command(name = "storage",
        mixinStandardHelpOptions = true,
        description = "Check and list a storage backend (fs, s3 with the aws, r2 and hippius presets).",
        subcommands = {StorageCommand.Check.class, StorageCommand.ListKeys.class})
final class StorageCommand implements Callable<Integer> {

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * {@code mvtrx storage check [--prefix P] [--size BYTES]}: writes a probe object of the given size under the
     * prefix, reads it back byte for byte, finds it in a listing, deletes it and confirms it is gone. One line per
     * step; the first failing step fails the command naming the step, the key and the cause. With the s3 backend a
     * size at or above its {@code multipartThreshold} exercises a multipart upload.
     */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Writes a probe object, reads it back, lists it, deletes it and checks it is gone: proves that the "
                        + "backend's endpoint, bucket and credentials work for reading and writing.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Check implements Callable<Integer> {

        @ParentCommand
        private StorageCommand storageCommand;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "mvtrx-check",
                description = "Key prefix the probe object is written under. Default: ${DEFAULT-VALUE}.")
        private String prefix;

        @Option(names = "--size", paramLabel = "BYTES", defaultValue = "1024",
                description = "Size of the probe object in bytes (1 to 1073741824). Default: ${DEFAULT-VALUE}.")
        private int size;

        @Override
        public Integer call() {
            if (size < 1 || size > (1 << 30)) {
                throw new CommandFailedException("--size must be between 1 and 1073741824 bytes, got %d", size);
            }
            PrintWriter out = spec.commandLine().getOut();
            // Random content and key, so a stale object from an earlier run can never pass for this one.
            SplittableRandom random = new SplittableRandom();
            byte[] content = new byte[size];
            for (int i = 0; i < size; i++) {
                content[i] = (byte) random.nextInt(256);
            }
            String key = stripSlashes(prefix) + "/probe-" + HexFormat.of().toHexDigits(random.nextLong());
            String where = "storage " + storage.describe();
            try (PluginRegistry registry = storageCommand.mvtrx.loadPlugins();
                 StorageBackend store = storage.open(registry)) {
                out.printf("checking %s with %s (%d bytes)%n", where, key, size);
                long start = System.nanoTime();
                step("put", key, where, () -> {
                    store.put(key, content);
                    return null;
                });
                out.printf("  put     ok  %s%n", millis(start));
                start = System.nanoTime();
                byte[] read = step("get", key, where, () -> readAll(store.get(key)));
                if (read == null) {
                    throw new CommandFailedException("get %s from %s: the object just written is absent", key, where);
                }
                if (!Arrays.equals(read, content)) {
                    throw new CommandFailedException("get %s from %s: read %d bytes that differ from the %d written",
                            key, where, read.length, size);
                }
                out.printf("  get     ok  %s, %d bytes identical%n", millis(start), read.length);
                start = System.nanoTime();
                List<String> listed = step("list", key, where, () -> store.list(stripSlashes(prefix) + "/"));
                if (!listed.contains(key)) {
                    throw new CommandFailedException("list %s/ on %s: the object just written is not listed (%d keys)",
                            stripSlashes(prefix), where, listed.size());
                }
                out.printf("  list    ok  %s, %d key%s under %s/%n", millis(start), listed.size(),
                        listed.size() == 1 ? "" : "s", stripSlashes(prefix));
                start = System.nanoTime();
                step("delete", key, where, () -> {
                    store.delete(key);
                    return null;
                });
                Optional<InputStream> after = step("get after delete", key, where, () -> store.get(key));
                if (after.isPresent()) {
                    after.get().close();
                    throw new CommandFailedException("delete %s on %s: the object is still readable", key, where);
                }
                out.printf("  delete  ok  %s, gone%n", millis(start));
                out.printf("%s: ok%n", where);
                out.flush();
                return ExitCodes.OK;
            } catch (IOException e) {
                throw new CommandFailedException("%s: %s", where, e.getMessage());
            }
        }

        private static byte[] readAll(Optional<InputStream> object) throws IOException {
            if (object.isEmpty()) {
                return null;
            }
            try (InputStream in = object.get()) {
                return in.readAllBytes();
            }
        }
    }

    /** {@code mvtrx storage ls [PREFIX]}: the keys under a prefix, sorted, one per line. */
    @Command(name = "ls",
            mixinStandardHelpOptions = true,
            description = "Lists the keys under a prefix (all keys without one), sorted, one per line.",
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class ListKeys implements Callable<Integer> {

        @ParentCommand
        private StorageCommand storageCommand;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Parameters(paramLabel = "PREFIX", arity = "0..1", defaultValue = "", description = "Key prefix.")
        private String prefix;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PluginRegistry registry = storageCommand.mvtrx.loadPlugins();
                 StorageBackend store = storage.open(registry)) {
                List<String> keys = step("list", prefix, "storage " + storage.describe(), () -> store.list(prefix));
                keys.forEach(out::println);
                out.flush();
                return ExitCodes.OK;
            } catch (IOException e) {
                throw new CommandFailedException("storage %s: %s", storage.describe(), e.getMessage());
            }
        }
    }

    @FunctionalInterface
    private interface StorageStep<T> {
        T run() throws IOException;
    }

    /** Runs one storage call; a failure becomes one line naming the step, the key and the store. */
    private static <T> T step(String name, String key, String where, StorageStep<T> call) {
        try {
            return call.run();
        } catch (IOException | RuntimeException e) {
            throw new CommandFailedException("%s %s on %s failed: %s", name, key.isEmpty() ? "(all keys)" : key, where,
                    e.getMessage());
        }
    }

    private static String stripSlashes(String prefix) {
        String stripped = prefix.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        if (stripped.isEmpty()) {
            throw new CommandFailedException("--prefix must name at least one key segment, got '%s'", prefix);
        }
        return stripped;
    }

    private static String millis(long startNanos) {
        return String.format("%.0f ms", (System.nanoTime() - startNanos) / 1e6);
    }
}
