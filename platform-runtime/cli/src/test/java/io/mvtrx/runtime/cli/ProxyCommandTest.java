package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx proxy} with the built-in plugins on the test class path and a test agent from the plugins folder, on
 * the embedded live configuration cut to one block of 2 books and 11 simulated minutes (10 of grace, 60 publishes).
 */
class ProxyCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(ProxyCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void runsAnAgentThroughTheValidatorLoopAndReportsItsScoresReproducibly() throws IOException {
        Path plugins = TestAgentJar.writeTo(Files.createDirectories(temp.resolve("plugins")));
        String[] args = {"--plugins-dir", plugins.toString(), "proxy", "--agent", "CliTrader", "--agent-params",
            "quantity=5000", "--duration", "11m", "--books", "2", "--seed", "7", "--out",
            temp.resolve("proxy.json").toString()};

        Run first = run(args);

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("agent CliTrader (uid 0) on 2 books: 00:11:00 simulated in ",
                "book  kappa        pnl\n", "answers 61/61 (timeouts 0, failed 0); instructions accepted 120, "
                        + "refused none", "(kappa over 00:01:00, at least 00:00:30; pnl over 00:01:00)");
        assertThat(first.out()).containsPattern("\n   0  -?\\d+\\.\\d{6}  +-?\\d+\\.\\d{4}\n");
        assertThat(first.err()).contains("\rsim 00:11:00  100.0 %  answered 61/61  accepted 120  refused 0");
        String json = Files.readString(temp.resolve("proxy.json"));
        assertThat(json).startsWith("{\"agent\": \"CliTrader\", \"seed\": 7, \"simulatedNs\": 660000000000, ")
                .contains("\"uid\": 0, \"books\": [{\"book\": 0, \"kappa\": ", "\"acceptedInstructions\": 120");

        Run second = run(args);
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(scores(second.out())).isEqualTo(scores(first.out()));
        assertThat(Files.readString(temp.resolve("proxy.json")).replaceAll("\"wallSeconds\": [^,]+,", ""))
                .isEqualTo(json.replaceAll("\"wallSeconds\": [^,]+,", ""));
    }

    /** The result lines, without the wall time. */
    private static String scores(String out) {
        return out.substring(out.indexOf("book  kappa"));
    }

    @Test
    void refusesAnUnknownAgentOrParameterNamingWhatIsLoaded() {
        Path plugins = TestAgentJar.writeTo(temp.resolve("plugins"));

        Run unknown = run("--plugins-dir", plugins.toString(), "proxy", "--agent", "Nope", "--duration", "11m");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("mvtrx: unknown trading agent 'Nope'; loaded: CliTrader");

        Run typo = run("--plugins-dir", plugins.toString(), "proxy", "--agent", "CliTrader", "--agent-params",
                "quantiti=5", "--duration", "11m");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(typo.err()).contains("mvtrx: trading agent 'CliTrader' has no parameter 'quantiti'; it takes: "
                + "quantity");

        Run shortRun = run("--plugins-dir", plugins.toString(), "proxy", "--agent", "CliTrader", "--duration", "5m");
        assertThat(shortRun.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(shortRun.err()).contains("mvtrx: --duration 00:05:00 does not pass the grace period of 00:10:00");
    }
}
