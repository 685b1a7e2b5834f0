package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.mvtrx.testkit.plugins.PluginJarBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class PluginsCommandTest {

    @TempDir
    Path temp;

    private Path home;
    private Path plugins;
    private URLClassLoader lib;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void distribution() throws IOException {
        home = temp.resolve("home");
        plugins = Files.createDirectories(home.resolve("plugins"));
        Path fees = PluginJarBuilder.plugin("mvtrx-test-fees")
                .version("0.1.0")
                .feePolicyProvider("com.example.builtin.StaticFees", "static")
                .feePolicyProvider("com.example.builtin.TieredFees", "tiered")
                .writeTo(home.resolve("lib/mvtrx-test-fees.jar"));
        Path empty = PluginJarBuilder.plugin("mvtrx-test-empty").version("0.1.0")
                .writeTo(home.resolve("lib/mvtrx-test-empty.jar"));
        lib = new URLClassLoader(new URL[] {fees.toUri().toURL(), empty.toUri().toURL()},
                PluginsCommandTest.class.getClassLoader());
    }

    @AfterEach
    void closeLib() throws IOException {
        lib.close();
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(lib, Map.of("MVTRX_HOME",
                home.toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void listsBuiltInPluginsWithVersionOriginStateAndNames() {
        Run run = run("plugins");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo(lines(
                "ID                     VERSION  ORIGIN    STATE   PROVIDES",
                "mvtrx-chain-remote     0.1.0    built-in  loaded  chain backend: remote",
                "mvtrx-chain-subtensor  0.1.0    built-in  loaded  chain backend: subtensor",
                "mvtrx-test-empty       0.1.0    built-in  loaded  -",
                "mvtrx-test-fees        0.1.0    built-in  loaded  fee policy: static, tiered",
                "",
                "4 plugins (4 loaded, 0 disabled, 0 failed); plugins folder: " + plugins.toAbsolutePath()));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void listsFolderPluginsAndPrintsProblemsOnStderrButStillExitsZero() {
        PluginJarBuilder.plugin("flat-fees")
                .feePolicyProvider("com.example.flat.FlatFees", "flat-test")
                .writeTo(plugins.resolve("flat.jar"));
        PluginJarBuilder.writeCorrupt(plugins.resolve("corrupt.jar"));
        PluginJarBuilder.plugin("future-fees").requires(">=9.0.0")
                .feePolicyProvider("com.example.future.FutureFees", "future")
                .writeTo(plugins.resolve("future.jar"));

        Run run = run("plugins");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo(lines(
                "ID                     VERSION  ORIGIN    STATE   PROVIDES",
                "mvtrx-chain-remote     0.1.0    built-in  loaded  chain backend: remote",
                "mvtrx-chain-subtensor  0.1.0    built-in  loaded  chain backend: subtensor",
                "mvtrx-test-empty       0.1.0    built-in  loaded  -",
                "mvtrx-test-fees        0.1.0    built-in  loaded  fee policy: static, tiered",
                "corrupt.jar            -        folder    failed  -",
                "flat-fees              1.0.0    folder    loaded  fee policy: flat-test",
                "future-fees            1.0.0    folder    failed  -",
                "",
                "7 plugins (5 loaded, 0 disabled, 2 failed); plugins folder: " + plugins.toAbsolutePath()
                        + "; 2 problems on stderr"));
        assertThat(run.err()).isEqualTo(lines(
                "plugins/corrupt.jar: not a JAR: zip END header not found",
                "plugins/future.jar: refused: requires platform >=9.0.0, this platform is 0.1.0"));
    }

    @Test
    void groupsNamesOfSeveralExtensionPointsOnePerLine() {
        PluginJarBuilder.plugin("two-points")
                .feePolicyProvider("com.example.two.TwoFees", "two")
                .source("com.example.two.NoisyProcess", """
                        package com.example.two;

                        import io.mvtrx.api.settings.Settings;
                        import io.mvtrx.api.spi.process.PriceProcess;
                        import io.mvtrx.api.spi.process.PriceProcessProvider;
                        import io.mvtrx.api.spi.process.ProcessContext;

                        public class NoisyProcess implements PriceProcessProvider {
                            @Override public String name() { return "Noise"; }
                            @Override public PriceProcess create(Settings settings, ProcessContext context) {
                                throw new UnsupportedOperationException("listing only");
                            }
                        }
                        """)
                .service("io.mvtrx.api.spi.process.PriceProcessProvider", "com.example.two.NoisyProcess")
                .writeTo(plugins.resolve("two.jar"));

        Run run = run("--plugins-dir", plugins.toString(), "plugins");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains(lines(
                "two-points             1.0.0    folder    loaded  fee policy: two",
                "                                                  price process: Noise"));
    }

    @Test
    void verboseShowsLocationsDescriptionsAndParameters() {
        PluginJarBuilder.plugin("flat-fees")
                .feePolicyProvider("com.example.flat.FlatFees", "flat-test")
                .writeTo(plugins.resolve("flat.jar"));

        Run run = run("plugins", "--verbose");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains(lines(
                "flat-fees              1.0.0    folder    loaded  fee policy: flat-test",
                "    location: " + plugins.resolve("flat.jar").toAbsolutePath(),
                "    fee policy flat-test: test fee policy flat-test",
                "      rate (decimal, default 0): flat rate for both sides"));
    }

    @Test
    void pluginsDirOptionWorksAfterTheSubcommandToo() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other"));
        PluginJarBuilder.plugin("elsewhere")
                .feePolicyProvider("com.example.elsewhere.ElsewhereFees", "elsewhere")
                .writeTo(other.resolve("elsewhere.jar"));

        Run run = run("plugins", "--plugins-dir", other.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("elsewhere              1.0.0    folder    loaded  fee policy: elsewhere")
                .contains("plugins folder: " + other.toAbsolutePath());
    }
}
