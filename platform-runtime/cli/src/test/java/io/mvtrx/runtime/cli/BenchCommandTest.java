package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code mvtrx bench fanout} on a tiny shape: it runs the real validator loop against real miners, in this JVM or in
 * a child JVM, and reports every figure it promises. The figures themselves are timings and are not asserted
 * (doc/benchmarks.md has them).
 */
class BenchCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(BenchCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void fanoutMeasuresEveryPublishAfterTheWarmUpAndReportsBytesPerMiner() throws Exception {
        int exitCode = bench("bench", "fanout", "--miners", "2", "--blocks", "1", "--publishes", "3",
                "--warmup", "2", "--out", temp.resolve("bench").toString());

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("bench fanout: 2 miners serving RandomMakerAgent (miners in this JVM), "
                + "1 block(s) x 16 books, 2 + 3 publishes");
        assertThat(out.toString()).contains("3 publishes measured, 2 miners, 16 books; answered 6 of 6 queries",
                "validator beyond the slowest answer (query + screening + injection + scoring): p50 ",
                "fan-out alone beyond the slowest answer", "slowest answer per publish: p50 ",
                "bytes of a request carrying the books at the publish after the measured ones: ",
                "preparing one publish (books encoded once, 2 payloads encoded and signed), nothing sent: ");
        // both miners serve from this JVM: once their first answers named its books cache, one request a publish
        // carries the books and the other names them
        assertThat(out.toString()).containsPattern("requests carrying the books per measured publish: p50 1  max 1 of "
                + "2 \\(the others named them by hash\\); sent again with the books after an unresolved hash: [0-9]+\n");
        // and once each answered, their makers' open orders travel as changes to what each kept
        assertThat(out.toString()).containsPattern("requests carrying open orders as changes per measured publish: "
                + "p50 2  min [0-2] of 2 \\(the others whole\\); sent whole again after an unknown accounts base: 0\n");
        assertThat(out.toString()).containsPattern("bytes per miner per measured publish: p50 [1-9][0-9,]*  max "
                + "[1-9][0-9,]* \\(the books as sent: p50 [1-9][0-9,]*  max [1-9][0-9,]*\\)\n");
        // the prepare sample is taken at the publish after the measured ones: taken, so not zero
        assertThat(out.toString()).containsPattern(
                "nothing sent: (?!0\\.0 )[0-9.]+ ms on the prepare pool \\([0-9]+ thread\\(s\\)\\), [0-9.]+ ms on one "
                        + "thread");
        assertThat(out.toString()).containsPattern(
                "bytes of a request carrying the books at the publish after the measured ones: [1-9][0-9,]* ");
        // the percentiles' raw data: one line per measured publish
        java.util.regex.Matcher table = java.util.regex.Pattern.compile("every measured publish: (.*publishes\\.csv)\n")
                .matcher(out.toString());
        assertThat(table.find()).as(out.toString()).isTrue();
        List<String> lines = Files.readAllLines(Path.of(table.group(1)));
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("publish,started_s,beyond_slowest_ms,fanout_beyond_slowest_ms,"
                + "slowest_answer_ms,books_encoded_ms,all_signed_ms,last_call_started_ms,bytes_per_miner,books_inline,"
                + "account_changes,publication_built_ms,gc_pause_ms,jit_ms");
        // the simulation built every publication, so each took time: never 0.000
        assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line).matches(
                "[1-3],[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,[1-9][0-9]*,1,[0-2],"
                        + "(?!0\\.000,)[0-9]+\\.[0-9]{3},[0-9]+,[0-9]+"));
        // the pauses and compilation per publish, summed: the report's line agrees with the table
        long pauses = lines.subList(1, 4).stream().mapToLong(line -> Long.parseLong(line.split(",")[12])).sum();
        long pausedPublishes = lines.subList(1, 4).stream().filter(line -> !line.split(",")[12].equals("0")).count();
        assertThat(out.toString()).containsPattern("this JVM from each measured query to its scoring: collector "
                + "pauses in " + pausedPublishes + " of 3 publishes \\([0-9]+ collections, longest [0-9]+ ms, total "
                + pauses + " ms\\); JIT compilation in [0-3] of 3 \\(p50 [0-9]+ ms, max [0-9]+ ms, summed over "
                + "compiler threads\\)\n");
        assertThat(out.toString()).containsPattern("publication built by the simulation before the query \\(books, "
                + "every miner's accounts and notices; not in the figures above\\): p50 (?!0\\.0 )[0-9.]+ ms  p99 ");
    }

    @Test
    void fanoutRefusesAnOutputFolderThatIsAFileWithOneLineAndTouchesNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("results"), "kept");

        int exitCode = bench("bench", "fanout", "--miners", "2", "--blocks", "1", "--publishes", "1",
                "--warmup", "1", "--out", file.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("mvtrx: --out " + file + ": exists and is not a folder\n");
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void fanoutWithInlineBooksAndWholeAccountsSendsBothInEveryRequest() {
        int exitCode = bench("bench", "fanout", "--miners", "2", "--blocks", "1", "--publishes", "2",
                "--warmup", "1", "--inline-books", "--whole-accounts", "--out", temp.resolve("inline").toString());

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("requests carrying the books per measured publish: p50 2  max 2 of 2 "
                + "(the others named them by hash); sent again with the books after an unresolved hash: 0",
                "requests carrying open orders as changes per measured publish: p50 0  min 0 of 2 (the others "
                + "whole); sent whole again after an unknown accounts base: 0");
    }

    @Test
    void aSecondRunIntoTheSameOutFolderStartsFromAFreshChain() throws Exception {
        Path folder = temp.resolve("again");
        String[] args = {"bench", "fanout", "--miners", "2", "--blocks", "1", "--publishes", "1", "--warmup", "1",
            "--out", folder.toString()};

        assertThat(bench(args)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(bench(args)).as(err.toString()).isEqualTo(ExitCodes.OK);

        try (var runs = Files.list(folder)) {
            assertThat(runs.filter(p -> p.getFileName().toString().startsWith("run-"))).hasSize(2);
        }
        assertThat(out.toString()).contains("1 publishes measured, 2 miners, 16 books; answered 2 of 2 queries");
    }

    @Test
    void fanoutWithMinersProcessServesEveryMinerFromAChildJvm() throws Exception {
        int exitCode = bench("bench", "fanout", "--miners", "2", "--blocks", "1", "--publishes", "2",
                "--warmup", "2", "--miners-process", "--miners-jvm-options", " -XX:+UseSerialGC  -Xlog:gc:stderr ",
                "--out", temp.resolve("bench").toString());

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("bench fanout: 2 miners serving RandomMakerAgent (miners in a child JVM), "
                + "1 block(s) x 16 books, 2 + 2 publishes");
        assertThat(out.toString()).contains("2 publishes measured, 2 miners, 16 books; answered 4 of 4 queries");
        // the miners' JVM ran with the options given for it: its GC log, on its stderr, is in the miners' log
        try (var runs = Files.list(temp.resolve("bench"))) {
            Path log = runs.findFirst().orElseThrow().resolve("miners.log");
            assertThat(Files.readString(log)).contains("Using Serial");
        }
    }

    @Test
    void minersJvmOptionsNeedTheMinersProcessAndLookLikeJvmOptions() {
        assertThat(bench("bench", "fanout", "--miners-jvm-options", "-Xmx1g", "--out",
                temp.resolve("a").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("mvtrx: --miners-jvm-options needs --miners-process");
        assertThat(bench("bench", "fanout", "--miners-process", "--miners-jvm-options", "-Xmx1g Xms1g", "--out",
                temp.resolve("b").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("mvtrx: --miners-jvm-options: 'Xms1g' is not a JVM option");
        assertThat(temp.resolve("a")).doesNotExist();
        assertThat(temp.resolve("b")).doesNotExist();
    }

    @Test
    void minerCpusWithoutMinersProcessIsRefused() {
        int exitCode = bench("bench", "fanout", "--miner-cpus", "1", "--out", temp.resolve("bench").toString());

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("--miner-cpus needs --miners-process");
    }

    @Test
    void theMinersJvmsOwnLogLinesDoNotBreakItsReport() throws Exception {
        Path log = temp.resolve("miners.log");
        String script = "echo '[0.6s][info][jfr,startup] Started recording 1.'; echo 'miner 0 4101'; "
                + "echo 'miner 1 4102'; echo ready; exec cat > /dev/null";
        MinersProcess child = MinersProcess.start(List.of("sh", "-c", script), Map.of(), log, 2);
        try {
            assertThat(child.port(0)).isEqualTo(4101);
            assertThat(child.port(1)).isEqualTo(4102);
        } finally {
            child.close();
        }
    }

    @Test
    void minerNiceNeedsMinersProcessAndANicenessNiceTakes() {
        assertThat(bench("bench", "fanout", "--miner-nice", "10", "--out", temp.resolve("a").toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("--miner-nice needs --miners-process");
        assertThat(bench("bench", "fanout", "--miners-process", "--miner-nice", "20", "--out",
                temp.resolve("b").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("--miner-nice must be within 1-19 (0 for none), got 20");
    }

    @Test
    void aCpuListThatTasksetWouldNotTakeIsRefusedNamingTheOption() {
        int exitCode = bench("bench", "fanout", "--miners-process", "--miner-cpus", "one",
                "--out", temp.resolve("bench").toString());

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("--miner-cpus must be a CPU list like 0, 1-3 or 0,2, got 'one'");
        assertThat(bench("bench", "fanout", "--validator-cpus", "0-", "--out", temp.resolve("b").toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("--validator-cpus must be a CPU list like 0, 1-3 or 0,2, got '0-'");
    }

    @Test
    void placementOptionsParseIntoWhereEachPartRuns() {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(BenchCommandTest.class.getClassLoader(),
                Map.of()));
        CommandLine.ParseResult parsed = commandLine.parseArgs("bench", "fanout", "--miners-process",
                "--miner-cpus", "1-3", "--validator-cpus", "0", "--miner-nice", "10");
        BenchCommand.Fanout fanout = (BenchCommand.Fanout) parsed.subcommand().subcommand().commandSpec().userObject();

        BenchCommand.Placement placement = fanout.placement(Optional.of(new CpuList("0-7")));

        assertThat(placement).isEqualTo(new BenchCommand.Placement(true, new CpuList("1-3"), new CpuList("0"), 10));
        // on a machine with two CPUs online, CPU 2 is named before taskset would fail in the child
        assertThatThrownBy(() -> fanout.placement(Optional.of(new CpuList("0-1"))))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("--miner-cpus 1-3: no CPU 2 on this machine (online: 0-1)");
        assertThat(fanout.placement(Optional.empty())).isEqualTo(placement); // unknown: taskset decides
        assertThat(placement.describe())
                .isEqualTo("miners in a child JVM on CPUs 1-3 at nice 10, validator on CPUs 0");
        assertThat(placement.minersCommand(List.of("java", "-m", "x/y")))
                .containsExactly("nice", "-n", "10", "taskset", "-c", "1-3", "java", "-m", "x/y");
        assertThat(placement.minerCpus().prefix(List.of("java", "-m", "x/y")))
                .containsExactly("taskset", "-c", "1-3", "java", "-m", "x/y");
        assertThat(placement.validatorCpus().pinCommand(4242)).containsExactly("taskset", "-a", "-cp", "0", "4242");
    }

    @Test
    void theCpusOnlineAreReadFromSysfsAndAnythingElseLeavesThemUnknown() throws Exception {
        assertThat(CpuList.online(Files.writeString(temp.resolve("online"), "0-3,6\n")))
                .contains(new CpuList("0-3,6"));
        assertThat(CpuList.online(Files.writeString(temp.resolve("garbage"), "zero\n"))).isEmpty();
        assertThat(CpuList.online(temp.resolve("missing"))).isEmpty();
        Optional<CpuList> online = Optional.of(new CpuList("0-3,6"));
        assertThat(CpuList.parse("--miner-cpus", "6,1-2", online)).isEqualTo(new CpuList("6,1-2"));
        assertThatThrownBy(() -> CpuList.parse("--validator-cpus", "3-5", online))
                .hasMessage("--validator-cpus 3-5: no CPU 4 on this machine (online: 0-3,6)");
        // a range too long to walk is refused at its first missing CPU, not expanded
        assertThatThrownBy(() -> CpuList.parse("--miner-cpus", "0-99999999999999999999", online))
                .hasMessage("--miner-cpus 0-99999999999999999999: no CPU 4 on this machine (online: 0-3,6)");
    }

    @Test
    void theChildJvmRunsMvtrxWithThisJvmsOptionsAndModule() {
        List<String> jvmArgs = List.of("-Dmvtrx.home=/opt/mvtrx", "--module-path", "/opt/mvtrx/lib",
                "--add-modules", "ALL-MODULE-PATH", "-m", "io.mvtrx.runtime.cli/io.mvtrx.runtime.cli.Main", "bench",
                "fanout", "--miners-process");

        assertThat(ChildJvm.command("/jdk/bin/java", Optional.of(jvmArgs), true, "ignored", List.of(),
                List.of("bench", "fanout-miners")))
                .containsExactly("/jdk/bin/java", "-Dmvtrx.home=/opt/mvtrx", "--module-path", "/opt/mvtrx/lib",
                        "--add-modules", "ALL-MODULE-PATH", "-m", "io.mvtrx.runtime.cli/io.mvtrx.runtime.cli.Main",
                        "bench", "fanout-miners");
        // options of its own come after the inherited ones, so that a repeated one (-Xmx) is theirs
        assertThat(ChildJvm.command("/jdk/bin/java", Optional.of(jvmArgs), true, "ignored",
                List.of("-Xmx2g", "-XX:-AlwaysPreTouch"), List.of("bench")))
                .containsExactly("/jdk/bin/java", "-Dmvtrx.home=/opt/mvtrx", "--module-path", "/opt/mvtrx/lib",
                        "--add-modules", "ALL-MODULE-PATH", "-Xmx2g", "-XX:-AlwaysPreTouch", "-m",
                        "io.mvtrx.runtime.cli/io.mvtrx.runtime.cli.Main", "bench");
        assertThat(ChildJvm.command("/jdk/bin/java", Optional.empty(), false, "a.jar:b.jar", List.of(),
                List.of("bench")))
                .containsExactly("/jdk/bin/java", "-cp", "a.jar:b.jar", "io.mvtrx.runtime.cli.Main", "bench");
        assertThat(ChildJvm.command("/jdk/bin/java", Optional.empty(), false, "a.jar", List.of("-Xmx2g"),
                List.of("bench")))
                .containsExactly("/jdk/bin/java", "-Xmx2g", "-cp", "a.jar", "io.mvtrx.runtime.cli.Main", "bench");
        assertThatThrownBy(() -> ChildJvm.command("/jdk/bin/java", Optional.of(List.of("-Xmx1g")), true, "",
                List.of(), List.of("bench"))).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("no -m/--module among this JVM's arguments [-Xmx1g]");
    }
}
