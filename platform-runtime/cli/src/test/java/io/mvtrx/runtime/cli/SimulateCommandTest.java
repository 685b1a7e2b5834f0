package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mvtrx.runtime.simulator.log.EventLogHash;
import io.mvtrx.runtime.simulator.log.EventLogReader;
import io.mvtrx.runtime.simulator.report.Plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvtrx simulate} with the built-in plugins of the test class path (a separate surefire execution). */
class SimulateCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(SimulateCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The live configuration cut to 1 block of 2 books, 3 simulated minutes. */
    @Test
    void runsTheEmbeddedConfigurationAndWritesTheEventLogTheReportAndThePlots() throws IOException {
        Path out = temp.resolve("run");
        Run run = run("simulate", "--duration", "3m", "--blocks", "1", "--books-per-block", "2", "--seed", "7",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("1 block(s) x 2 books, 2635 background agents and 264 remote accounts per "
                + "block, 1 thread(s)").contains("\rsim 00:03:00  100.0 %")
                .containsPattern("target acfReturns1  (met|NOT met) +[+-]\\d\\.\\d{3} \\(\\|ACF\\(r, lag 1\\)\\| < 0.05\\)")
                .contains("target spread ");
        EventLogReader.Summary log = EventLogReader.read(out.resolve("events.l3"), event -> { });
        assertThat(log.complete()).isTrue();
        assertThat(log.steps()).isEqualTo(180);
        assertThat(log.seed()).isEqualTo(7);
        assertThat(log.events()).isGreaterThan(10_000);
        assertThat(run.out()).startsWith("simulated 00:03:00 in ")
                .contains(log.events() + " L3 events, event-log hash " + EventLogHash.hex(log.hash()) + ", out "
                        + out);
        String report = Files.readString(out.resolve("report.json"));
        assertThat(report).contains("\"seed\": 7,", "\"blocks\": 1,", "\"booksPerBlock\": 2,",
                "\"l3Events\": " + log.events() + ",", "\"eventLogHash\": \"" + EventLogHash.hex(log.hash()) + "\"",
                "{\"bookId\": 0, ", "{\"bookId\": 1, ", "\"marketFacts\": {\n    \"intervalNs\": 60000000000,",
                "\"pooled\": {\"returns\": 4, ", "\"targets\": [", "{\"name\": \"kurtosis\", ")
                // the fundamental is rebuilt: its diagnostics are numbers
                .containsPattern("\"fundamentalAcfLag1\": -?\\d")
                .containsPattern("\"meanAbsLogDeviationFromFundamental\": \\d");
        for (String plot : Plots.FILES) {
            assertThat(out.resolve(plot)).isNotEmptyFile();
        }
        // <Logging> of the live configuration: L2 depth 5, L3, fees; one file each (logWindow 1 h) per book
        for (String kind : new String[] {"l3", "trades", "fees", "l2"}) {
            assertThat(out.resolve("logs/block-0/book-0/" + kind + "-00000000.parquet")).isNotEmptyFile();
            assertThat(out.resolve("logs/block-0/book-1/" + kind + "-00000000.parquet")).isNotEmptyFile();
        }
        assertThat(run.err()).contains("parquet logs: 8 files, ");
    }

    @Test
    void aLogThatCannotBeWrittenFailsTheCommandNamingTheFile() throws IOException {
        Path out = temp.resolve("blocked");
        Files.createDirectories(out);
        Files.writeString(out.resolve("logs"), "a file where the logs folder should be");
        Run run = run("simulate", "--duration", "10s", "--blocks", "1", "--books-per-block", "1", "--out",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("mvtrx: cannot write the Parquet log " + out.resolve("logs")
                .resolve("block-0").resolve("book-0"));
    }

    @Test
    void sameSeedSameHashDifferentSeedDifferentHash() {
        String a = run("simulate", "--duration", "20s", "--blocks", "1", "--books-per-block", "1", "--seed", "1",
                "--no-event-log", "--out", temp.resolve("a").toString()).out();
        String b = run("simulate", "--duration", "20s", "--blocks", "1", "--books-per-block", "1", "--seed", "1",
                "--no-event-log", "--no-parquet-logs", "--out", temp.resolve("b").toString()).out();
        String c = run("simulate", "--duration", "20s", "--blocks", "1", "--books-per-block", "1", "--seed", "2",
                "--no-event-log", "--out", temp.resolve("c").toString()).out();

        assertThat(hash(a)).isEqualTo(hash(b)).isNotEqualTo(hash(c));
        assertThat(temp.resolve("a/events.l3")).doesNotExist();
        assertThat(temp.resolve("a/report.json")).exists();
        // the Parquet logs (on by default) change nothing in the run
        assertThat(temp.resolve("a/logs/block-0/book-0/l3-00000000.parquet")).isNotEmptyFile();
        assertThat(temp.resolve("b/logs")).doesNotExist();
    }

    private static String hash(String summary) {
        int at = summary.indexOf("event-log hash ") + "event-log hash ".length();
        return summary.substring(at, at + 16);
    }

    /**
     * {@code --serve}: the dashboard is up during the run and, for --linger after it, serves the overview, the
     * books and the run's report with its plots.
     */
    @Test
    void servesTheDashboardAndTheReportOfTheRun() throws Exception {
        Path out = temp.resolve("served");
        StringWriter err = new StringWriter();
        StringWriter stdout = new StringWriter();
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                SimulateCommandTest.class.getClassLoader(), Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("simulate",
                "--duration", "2m", "--blocks", "1", "--books-per-block", "2", "--seed", "5", "--no-parquet-logs",
                "--out", out.toString(), "--serve", "--port", "0", "--linger", "20s"));
        int port = awaitPort(err, exit);
        try (HttpClient client = HttpClient.newHttpClient()) {
            String overview = "";
            for (int i = 0; i < 600 && !overview.contains("\"finished\":true"); i++) {
                overview = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/overview")).build(), HttpResponse.BodyHandlers.ofString()).body();
                Thread.sleep(100);
            }
            assertThat(overview).contains("\"source\":\"simulate\"", "\"simTimeNs\":120000000000",
                    "\"steps\":120", "\"blocks\":1", "\"booksPerBlock\":2", "\"books\":2",
                    "\"gentrxRound\":\"off\"", "\"finished\":true");
            String book = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/books/1")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(book).contains("\"book\":1,", "\"bids\":[{\"price\":").containsPattern(
                    "\"fundamental\":\\d");
            HttpResponse<String> report = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/report")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).isEqualTo(Files.readString(out.resolve("report.json")));
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/report/plots")).build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(
                    "{\"plots\":[\"autocorrelation.png\",\"depth.png\",\"prices.png\",\"returns.png\","
                            + "\"spread.png\"]}");
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/report/plots/prices.png")).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                    .isEqualTo(Files.readAllBytes(out.resolve("prices.png")));
        }
        assertThat(exit.get()).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("dashboard: the run is over, its report is on http://127.0.0.1:" + port
                + "/report; serving for 00:00:20");
        // watching changes nothing: the same run without --serve writes the same event log
        Run unserved = run("simulate", "--duration", "2m", "--blocks", "1", "--books-per-block", "2", "--seed", "5",
                "--no-parquet-logs", "--out", temp.resolve("unserved").toString());
        assertThat(hash(unserved.out())).isEqualTo(hash(stdout.toString()));
    }

    private static int awaitPort(StringWriter err, CompletableFuture<Integer> exit) throws InterruptedException {
        Pattern url = Pattern.compile("dashboard on http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 1200; i++) {
            Matcher m = url.matcher(err.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (exit.isDone()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no dashboard URL on stderr: " + err);
    }

    @Test
    void refusesServeOptionsWithoutServe() {
        Run run = run("simulate", "--port", "8123", "--duration", "10s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--host, --port and --linger go with --serve");
    }

    @Test
    void refusesADurationItCannotRead() {
        Run run = run("simulate", "--duration", "six hours");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'six hours' is not a duration: use a whole number with ns, us, ms, s, m, h "
                + "or d (e.g. 6h, 90m)");
    }

    @Test
    void reportsAnUnreadableConfigurationAsAFailure() {
        Run run = run("simulate", "--config", temp.resolve("missing.xml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("missing.xml").contains("no such file");
    }
}
