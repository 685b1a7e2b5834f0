package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 item 3: each example agent earns a defined score in a fixed-seed offline run — {@code mvtrx proxy} on the
 * embedded live configuration, one block of 2 books, 1 simulated hour (10 minutes of grace, 3 001 publishes), root
 * seed 7, the agent's answer time fixed at 20 ms so the latency model draws the same delays on every machine. The
 * pinned numbers are what this run printed when the test was written (`bin/mvtrx proxy --agent NAME
 * [--agent-params ...] --duration 1h --books 2 --seed 7 --response-time 20ms`); the run is done twice and must print
 * the same lines both times. A change to an agent, the simulator or the scoring that moves them must update them
 * here and in doc/agents.md, on purpose.
 */
class ExampleAgentScoresTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "RandomMakerAgent     | seed=5                  | 0.248658 | -0.058585 | 0.184137 | 13383",
        "RandomTakerAgent     | seed=5                  | 0.419822 | -0.214083 | 0.286702 | 4237",
        "SimpleRegressorAgent | signal_threshold=0.00001 | 0.248124 | -0.057818 | 0.183876 | 3184",
        "InventoryMakerAgent  |                         | 0.247579 | -0.002335 | 0.195097 | 1889",
    })
    void earnsItsDefinedScoreInAFixedSeedOfflineRun(String agent, String params, String kappaScore, String pnlScore,
                                                    String tradingScore, long accepted) {
        List<String> args = new ArrayList<>(List.of("proxy", "--agent", agent));
        if (params != null) {
            args.add("--agent-params");
            args.addAll(List.of(params.split(" ")));
        }
        args.addAll(List.of("--duration", "1h", "--books", "2", "--seed", "7", "--response-time", "20ms"));

        String first = run(args);
        String second = run(args);

        assertThat(first).contains(String.format("kappa score %s  pnl score %s  trading score %s  (kappa over "
                + "00:50:00", kappaScore, pnlScore, tradingScore), String.format("answers 3001/3001 (timeouts 0, "
                + "failed 0); instructions accepted %d, refused none", accepted));
        assertThat(second).isEqualTo(first);
    }

    /** The result lines of a run (from the per-book table on: the first line carries the wall time). */
    private String run(List<String> args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                ExampleAgentScoresTest.class.getClassLoader(), Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        return text.substring(text.indexOf("book  kappa"));
    }
}
