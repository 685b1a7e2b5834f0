package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.mvtrx.testkit.plugins.PluginJarBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

class MvtrxCommandTest {

    @TempDir
    Path temp;

    private Path plugins;
    private Path builtInJar;
    private URLClassLoader lib;

    /** What one in-process run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void distribution() throws IOException {
        plugins = Files.createDirectories(temp.resolve("home/plugins"));
        builtInJar = PluginJarBuilder.plugin("mvtrx-test-fees")
                .version("0.1.0")
                .feePolicyProvider("com.example.builtin.StaticFees", "static")
                .feePolicyProvider("com.example.builtin.TieredFees", "tiered")
                .writeTo(temp.resolve("home/lib/mvtrx-test-fees.jar"));
        lib = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()}, MvtrxCommandTest.class.getClassLoader());
    }

    @AfterEach
    void closeLib() throws IOException {
        lib.close();
    }

    private Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(MvtrxCommand.commandLine(new MvtrxCommand(lib, Map.of("MVTRX_HOME",
                temp.resolve("home").toString()))), args);
    }

    @Test
    void helpListsThePluginsCommandTheGlobalOptionAndTheExitCodes() {
        Run run = run("--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: mvtrx [-hV] [--plugins-dir=DIR] [COMMAND]")
                .containsPattern("(?m)^  plugins +Lists every plugin")
                .contains("Exit codes:", "  0   success", "  1   validation or operation failed (reason on stderr)",
                        "  2   usage error: unknown command or option, bad value",
                        "  3   internal error (a bug; stack trace on stderr)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everySubcommandHasHelp() {
        Run run = run("plugins", "--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: mvtrx plugins [-hvV] [--plugins-dir=DIR]", "--verbose",
                "Exit codes:");
    }

    @Test
    void helpCommandShowsASubcommandsHelp() {
        Run run = run("help", "plugins");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: mvtrx plugins");
    }

    @Test
    void versionNamesDistributionPlatformApiAndJava() {
        Run run = run("--version");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().lines().toList()).hasSize(3)
                .startsWith("mvtrx 0.1.0", "platform API 0.1.0")
                .last().asString().startsWith("Java " + Runtime.version());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: mvtrx");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run run = run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("plugins", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--colour'");
    }

    @Test
    void pluginsDirThatIsNotADirectoryIsAUsageError() {
        Path missing = temp.resolve("nowhere");

        Run run = run("--plugins-dir", missing.toString(), "plugins");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--plugins-dir " + missing + ": not a directory");
    }

    @Test
    void failedOperationExitsWithOneAndItsMessage() {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(lib, Map.of()));
        commandLine.addSubcommand(new Failing(() -> {
            throw new CommandFailedException("config %s: unknown fee policy '%s'", "sim.xml", "flat");
        }));

        Run run = run(commandLine, "failing");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mvtrx: config sim.xml: unknown fee policy 'flat'" + System.lineSeparator());
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithItsStackTrace() {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(lib, Map.of()));
        commandLine.addSubcommand(new Failing(() -> {
            throw new IllegalStateException("broken invariant");
        }));

        Run run = run(commandLine, "failing");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("mvtrx: internal error: java.lang.IllegalStateException: broken invariant")
                .contains("at io.mvtrx.runtime.cli.MvtrxCommandTest");
    }

    @Test
    void defaultPluginsFolderIsUnderMvtrxHome() {
        MvtrxCommand command = new MvtrxCommand(lib, Map.of("MVTRX_HOME", "/opt/mvtrx"));
        new CommandLine(command).parseArgs();

        assertThat(command.pluginsDirectory()).isEqualTo(Path.of("/opt/mvtrx/plugins"));
    }

    @Test
    void defaultPluginsFolderWithoutMvtrxHomeIsTheWorkingDirectorysPluginsFolder() {
        MvtrxCommand command = new MvtrxCommand(lib, Map.of());
        new CommandLine(command).parseArgs();

        assertThat(command.pluginsDirectory()).isEqualTo(Path.of("plugins"));
    }

    /** A subcommand added by a test to reach the exception handler. */
    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        private final Callable<Integer> body;

        Failing(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }
}
