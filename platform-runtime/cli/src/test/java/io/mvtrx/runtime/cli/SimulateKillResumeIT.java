package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.mvtrx.runtime.simulator.checkpoint.Checkpoint;
import io.mvtrx.runtime.simulator.checkpoint.CheckpointStore;
import io.mvtrx.runtime.simulator.log.EventLogReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 item 6: {@code mvtrx simulate} in a child JVM, killed with SIGKILL ({@link Process#destroyForcibly}) at a
 * random moment after its first checkpoint, resumes with {@code --resume latest} and ends with the event log, byte
 * for byte, and the hash of the same run left alone. The moment is drawn anew on every run and printed with the
 * outcome. No timing is asserted: the test only waits for files and processes.
 */
class SimulateKillResumeIT {

    private static final String[] RUN = {"simulate", "--duration", "1h", "--blocks", "2", "--books-per-block", "2",
        "--seed", "11", "--threads", "2", "--checkpoint-every", "60"};

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run inProcess(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                SimulateKillResumeIT.class.getClassLoader(), Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of(RUN));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void aRunKilledAfterItsFirstCheckpointResumesToTheSameEventLog() throws Exception {
        Path whole = temp.resolve("whole");
        Run uninterrupted = inProcess(with("--out", whole.toString()));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isEqualTo(ExitCodes.OK);

        Path run = temp.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(with("--out", run.toString())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile()).start();
        Path checkpoints = run.resolve(CheckpointStore.FOLDER);
        CheckpointStore store = new CheckpointStore(checkpoints, 3);
        while (child.isAlive() && store.latest().isEmpty()) {
            Thread.sleep(10);
        }
        long seed = System.nanoTime();
        long delay = new Random(seed).nextLong(1_500);
        Thread.sleep(delay);
        boolean killedMidRun = child.isAlive();
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String childLog = Files.readString(temp.resolve("child.log"));
        assertThat(killedMidRun).as("the child was still running %d ms after its first checkpoint (seed %d); "
                + "its output:%n%s", delay, seed, childLog).isTrue();

        Checkpoint latest = store.latest().orElseThrow();
        Path log = run.resolve("events.l3");
        assertThat(Files.size(log)).isGreaterThanOrEqualTo(latest.eventLog().bytes());
        assertThat(EventLogReader.read(log, event -> { }).complete()).as("a killed run's log has no trailer")
                .isFalse();

        Run resumed = inProcess("simulate", "--resume", "latest", "--out", run.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("resuming mvtrx-11 from " + latest.directory().toAbsolutePath()
                + ": step " + latest.step());
        assertThat(Files.readAllBytes(log))
                .as("killed %d ms after the first checkpoint (seed %d), resumed from step %d", delay, seed,
                        latest.step())
                .isEqualTo(Files.readAllBytes(whole.resolve("events.l3")));
        assertThat(hash(resumed.out())).isEqualTo(hash(uninterrupted.out()));
        assertThat(run.resolve("report.json")).isNotEmptyFile();
        // the Parquet logs too: the open files were cut back to the checkpoint and continued
        Map<String, byte[]> expected = files(whole.resolve("logs"));
        Map<String, byte[]> continued = files(run.resolve("logs"));
        assertThat(expected).isNotEmpty();
        assertThat(continued.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertThat(continued.get(file.getKey())).as("%s after a kill %d ms after the first checkpoint (seed %d)",
                    file.getKey(), delay, seed).isEqualTo(file.getValue());
        }
    }

    /** Every file under {@code root} by its relative path, sorted. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String hash(String summary) {
        int at = summary.indexOf("event-log hash ") + "event-log hash ".length();
        return summary.substring(at, at + 16);
    }

    @Test
    void resumeRefusesOptionsThatTheCheckpointFixes() throws IOException {
        Run run = inProcess("simulate", "--resume", "latest", "--seed", "3", "--duration", "1m",
                "--out", temp.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--resume takes the configuration, duration, seed, shape and event log from "
                + "the checkpoint; --duration, --seed cannot be given with it");
    }

    @Test
    void resumeWithoutACheckpointSaysWhereItLooked() {
        Path none = temp.resolve("none");
        Run run = inProcess("simulate", "--resume", "latest", "--out", none.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("mvtrx: cannot resume: " + none + " is neither a checkpoint (no "
                + "checkpoint.properties) nor a run directory with checkpoints/");
    }
}
