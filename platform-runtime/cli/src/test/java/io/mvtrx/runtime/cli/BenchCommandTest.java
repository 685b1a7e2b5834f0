package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx bench fanout} on a tiny shape: it runs the real validator loop against real miners and reports every
 * figure it promises. The figures themselves are timings and are not asserted (doc/benchmarks.md has them).
 */
class BenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void fanoutMeasuresEveryPublishAfterTheWarmUpAndReportsBytesPerMiner() {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(BenchCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("bench", "fanout", "--miners", "2", "--blocks", "1", "--publishes", "3",
                "--warmup", "2", "--out", temp.resolve("bench").toString());

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("bench fanout: 2 miners serving RandomMakerAgent, 1 block(s) x 16 books, "
                + "2 + 3 publishes");
        assertThat(out.toString()).contains("3 publishes measured, 2 miners, 16 books; answered 6 of 6 queries",
                "validator beyond the slowest answer (query + screening + injection + scoring): p50 ",
                "fan-out alone beyond the slowest answer", "slowest answer per publish: p50 ",
                "bytes per miner per publish: ", "preparing one publish (books encoded once, 2 payloads encoded and "
                        + "signed), nothing sent: ");
    }
}
