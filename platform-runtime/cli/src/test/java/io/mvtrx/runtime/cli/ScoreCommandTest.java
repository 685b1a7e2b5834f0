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

/** {@code mvtrx score} with the built-in scoring plugin on the test class path (a separate surefire execution). */
class ScoreCommandTest {

    private static final Path DOC_EXAMPLES = Path.of("../../doc/examples");

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(ScoreCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The worked example of doc/scoring.md: its documented output, every digit. */
    @Test
    void scoresTheDocumentedExampleExactlyAsDocumented() throws IOException {
        Run run = run("score", "--input", DOC_EXAMPLES.resolve("score-input.json").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(Files.readString(DOC_EXAMPLES.resolve("score-output.json")));
    }

    @Test
    void badInputNamesTheFileAndTheJsonPath() throws IOException {
        Path input = temp.resolve("bad.json");
        Files.writeString(input, """
                {"simulation": {"bookCount": 2, "minerWealth": 1000, "volumeDecimals": 4, "gracePeriodNs": 0},
                 "uidCount": 2, "nowNs": 0, "uids": {"1": {"activityFactors": [1.0]}}}
                """);
        Run run = run("score", "--input", input.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEqualTo("mvtrx: " + input + ": $.uids.1.activityFactors: expected one value per book "
                + "(2), got 1" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileIsAFailureAndAMissingOptionAUsageError() {
        Run missing = run("score", "--input", temp.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("none.json: no such file");
        assertThat(run("score").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
