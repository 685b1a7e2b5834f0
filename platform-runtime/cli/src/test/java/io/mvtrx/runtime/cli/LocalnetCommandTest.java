package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code mvtrx localnet} end to end: a local chain, the validator on the embedded live configuration cut to 2 books,
 * and two miners serving the test agent over loopback gRPC, for 11 simulated minutes.
 */
class LocalnetCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                LocalnetCommandTest.class.getClassLoader(), Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void runsASubnetAndLeavesALeaderboardASummaryAndWeightsOnTheChain() throws IOException {
        Path plugins = TestAgentJar.writeTo(temp.resolve("plugins"));
        Path out = temp.resolve("net");

        Run run = run("--plugins-dir", plugins.toString(), "localnet", "--miners", "2", "--agents", "CliTrader",
                "--agent-params", "quantity=5000", "--duration", "3m", "--books", "2", "--seed", "3", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("localnet: grace period 00:00:36 (the configuration's 00:10:00 scaled to a "
                + "fifth of --duration)", "localnet: chain " + out.resolve("chain") + ", validator uid 0, 2 miners "
                + "(CliTrader, CliTrader), 2 books, 00:03:00 simulated")
                .containsPattern("localnet: dashboard on http://127\\.0\\.0\\.1:\\d+/ \\(health /observe/health, "
                        + "metrics /metrics\\)");
        assertThat(run.out()).contains("rank  uid  agent ", "summary: " + out.resolve("summary.json"))
                .containsPattern("\n   1    [12]  CliTrader  ").containsPattern("\n   2    [12]  CliTrader  ")
                .contains("145 publishes in ");
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"simulatedNs\": 180000000000,", "\"books\": 2,", "\"seed\": 3,",
                "\"agent\": \"CliTrader\"", "\"uid\": 1, \"books\": [{\"book\": 0, \"kappa\": ",
                "\"uid\": 2, \"books\": [{\"book\": 0, \"kappa\": ");
        // the weights on the chain (read back) cover the miners and sum to 1
        Matcher weights = Pattern.compile("\"weights\": \\{\"1\": ([0-9.e-]+), \"2\": ([0-9.e-]+)}").matcher(summary);
        assertThat(weights.find()).as(summary).isTrue();
        assertThat(Double.parseDouble(weights.group(1)) + Double.parseDouble(weights.group(2))).isCloseTo(1.0,
                within(1e-6));
        assertThat(out.resolve("validator-state.bin")).exists();
        assertThat(out.resolve("chain/chain-state.txt")).exists();

        // run again into the same folder: the previous network is cleared, not mixed in
        Run again = run("--plugins-dir", plugins.toString(), "localnet", "--miners", "1", "--agents", "CliTrader",
                "--duration", "3m", "--books", "2", "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"uid\": 1, ")
                .doesNotContain("\"uid\": 2, ");
    }

    @Test
    void namesTheMissingAgentsAndRefusesAFolderItDidNotMake() throws IOException {
        Path plugins = TestAgentJar.writeTo(temp.resolve("plugins"));
        Run missing = run("--plugins-dir", plugins.toString(), "localnet", "--agents", "NoSuchAgent,CliTrader",
                "--duration", "11m", "--out", temp.resolve("a").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("mvtrx: unknown trading agent 'NoSuchAgent'; loaded: ")
                .contains("CliTrader");

        Files.createDirectories(temp.resolve("b/chain"));
        Run foreign = run("--plugins-dir", plugins.toString(), "localnet", "--agents", "CliTrader", "--out",
                temp.resolve("b").toString());
        assertThat(foreign.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(foreign.err()).contains("mvtrx: " + temp.resolve("b/chain") + " exists and is not a localnet "
                + "folder (no chain-state.txt): choose another --out");
    }

    @Test
    void refusesARunTooShortToScore() throws IOException {
        Path plugins = TestAgentJar.writeTo(temp.resolve("plugins"));
        Run tooShort = run("--plugins-dir", plugins.toString(), "localnet", "--agents", "CliTrader", "--duration",
                "70s", "--out", temp.resolve("c").toString());
        assertThat(tooShort.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(tooShort.err()).contains("mvtrx: --duration 00:01:10 leaves 00:00:56 after the grace period of "
                + "00:00:14: at least 00:01:00 must be scored");
    }

    @Test
    void refusesGenTrxSettingsThatCannotRunBeforeStartingAnything() {
        String out = temp.resolve("g").toString();
        Run tooManyTrainers = run("localnet", "--miners", "2", "--gentrx", "--gentrx-miners", "3", "--out", out);
        Run budgetTooLong = run("localnet", "--gentrx", "--gentrx-blocks-per-round", "5", "--gentrx-budget", "5s",
                "--out", out);
        Run pagesTooShort = run("localnet", "--gentrx", "--gentrx-page-rows", "512", "--out", out);

        assertThat(tooManyTrainers.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(tooManyTrainers.err()).contains("mvtrx: --gentrx-miners must be between 0 and --miners (2), got 3");
        assertThat(budgetTooLong.err()).contains("mvtrx: --gentrx-budget must be positive and shorter than a round "
                + "(5 s), got 00:00:05");
        assertThat(pagesTooShort.err()).contains("mvtrx: --gentrx-page-rows must exceed the training window of 512 "
                + "rows, got 512");
        // nothing was started: no chain, no seed
        assertThat(temp.resolve("g")).doesNotExist();
    }
}
