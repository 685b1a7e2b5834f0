package io.mvtrx.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class StorageCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(StorageCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void checkWritesReadsListsAndDeletesAProbeAndLeavesNothingBehind() throws IOException {
        Path root = temp.resolve("store");
        Files.createDirectories(root.resolve("gentrx"));
        Files.writeString(root.resolve("gentrx/kept.txt"), "kept");

        Run run = run("storage", "check", "--storage", "fs", "--storage-param", "root=" + root, "--prefix", "gentrx/",
                "--size", "70000");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("checking storage fs root=" + root + " with gentrx/probe-")
                .contains("(70000 bytes)", "  put     ok  ", "  get     ok  ", "70000 bytes identical",
                        "  list    ok  ", "2 keys under gentrx/", "  delete  ok  ")
                .endsWith("storage fs root=" + root + ": ok\n");
        try (Stream<Path> left = Files.list(root.resolve("gentrx"))) {
            assertThat(left).containsExactly(root.resolve("gentrx/kept.txt"));
        }
    }

    @Test
    void lsListsKeysUnderAPrefixSorted() throws IOException {
        Path root = temp.resolve("store");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/2.txt"), "2");
        Files.writeString(root.resolve("a/1.txt"), "1");
        Files.writeString(root.resolve("z.txt"), "z");

        Run under = run("storage", "ls", "a/", "--storage", "fs", "--storage-param", "root=" + root);
        Run all = run("storage", "ls", "--storage", "fs", "--storage-param", "root=" + root);

        assertThat(under.exitCode()).as(under.err()).isEqualTo(ExitCodes.OK);
        assertThat(under.out()).isEqualTo("a/1.txt\na/b/2.txt\n");
        assertThat(all.out()).isEqualTo("a/1.txt\na/b/2.txt\nz.txt\n");
    }

    @Test
    void aStoreThatCannotBeWrittenFailsNamingTheStepTheKeyAndTheStore() throws IOException {
        Path root = temp.resolve("store");
        Files.createDirectories(root);
        // A file where the probe's folder would go: the put cannot succeed.
        Files.writeString(root.resolve("mvtrx-check"), "in the way");

        Run run = run("storage", "check", "--storage", "fs", "--storage-param", "root=" + root);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).startsWith("mvtrx: put mvtrx-check/probe-")
                .contains(" on storage fs root=" + root + " failed: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("ok");
    }

    @Test
    void aRootThatIsAFileIsRefusedWhenTheStoreOpens() throws IOException {
        Path file = temp.resolve("not-a-directory");
        Files.writeString(file, "x");

        Run run = run("storage", "ls", "--storage", "fs", "--storage-param", "root=" + file);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEqualTo("mvtrx: storage backend 'fs': /Storage: fs:" + file
                + ": storage root exists and is not a directory\n");
    }

    @Test
    void badOptionsAreRefusedWithOneLine() {
        Run size = run("storage", "check", "--size", "0");
        Run prefix = run("storage", "check", "--prefix", "/");
        Run param = run("storage", "ls", "--storage", "fs", "--storage-param", "rot=/tmp");

        assertThat(size.err()).isEqualTo("mvtrx: --size must be between 1 and 1073741824 bytes, got 0\n");
        assertThat(prefix.err()).isEqualTo("mvtrx: --prefix must name at least one key segment, got '/'\n");
        assertThat(param.err()).startsWith("mvtrx: storage backend 'fs' has no parameter 'rot'; it takes: ");
        assertThat(size.exitCode()).isEqualTo(ExitCodes.FAILED);
    }
}
