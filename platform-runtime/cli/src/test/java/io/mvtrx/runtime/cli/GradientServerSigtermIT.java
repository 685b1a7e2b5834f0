package io.mvtrx.runtime.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx gradient-server} in a child JVM: it serves, takes a round, and on SIGTERM ({@link Process#destroy()})
 * persists and exits 0; the state file holds the round. No timing is asserted: the test waits for lines.
 */
class GradientServerSigtermIT {

    private static final Pattern SERVING = Pattern.compile("gradient server on http://127\\.0\\.0\\.1:(\\d+)/gentrx");

    @TempDir
    Path temp;

    @Test
    void servesARoundThenPersistsAndExitsZeroOnSigterm() throws Exception {
        Path seed = CliTestFiles.oneTensorSeed(temp);
        Path state = temp.resolve("state");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "gradient-server", "--port", "0",
                "--api-key", "k", "--storage", "fs", "--storage-param", "root=" + temp.resolve("bucket"),
                "--state-dir", state.toString(), "--checkpoint", seed.toString(), "--evaluator",
                "test-squared-length"));
        Path log = temp.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MVTRX_HOME", temp.resolve("home").toString());
        Process child = builder.start();
        try {
            int port = Integer.parseInt(awaitLine(log, child).group(1));
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/gentrx/round")).header("X-API-Key", "k").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"round\": 9, \"val_books\": [], \"assignments\": {\"3\": {\"books\": [\"1\"], \"data\": "
                                + "[\"data/0/1/intervals/p\"], \"ts_start\": 0, \"ts_end\": 10}}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(pushed.body()).isEqualTo("{\"status\":\"ok\",\"round\":9,\"n_assignments\":1}");
            }
        } catch (Throwable e) {
            child.destroyForcibly();
            throw e;
        }
        child.destroy();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the server stops after SIGTERM").isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("gradient server stopped");
        assertThat(Files.readString(state.resolve("state.json"))).contains("\"agg_round\":9", "\"3\":{\"state\":"
                + "\"DELIVERED\"");
        assertThat(state.resolve("ingest.state")).exists();
    }

    /**
     * The real thing: a tiny order-model seed from {@code mvtrx gentrx init-checkpoint}, served with the TensorFlow
     * {@code order-model} evaluator; health and version answer, SIGTERM stops it with exit 0.
     */
    @Test
    void servesATinyOrderModelSeedWithTheOrderModelEvaluator() throws Exception {
        Path seed = temp.resolve("tiny.ckpt");
        int made = MvtrxCommand.commandLine(new MvtrxCommand(getClass().getClassLoader(), Map.of("MVTRX_HOME",
                temp.resolve("home").toString()))).execute("gentrx", "init-checkpoint", "--model", "tiny", "--out",
                seed.toString());
        assertThat(made).isZero();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "gradient-server", "--port", "0",
                "--storage", "fs", "--storage-param", "root=" + temp.resolve("bucket"), "--state-dir",
                temp.resolve("state").toString(), "--checkpoint", seed.toString(), "--evaluator", "order-model"));
        Path log = temp.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MVTRX_HOME", temp.resolve("home").toString());
        Process child = builder.start();
        try {
            int port = Integer.parseInt(awaitLine(log, child).group(1));
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/gentrx/health")).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> version = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/gentrx/version")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"");
                assertThat(version.body()).isEqualTo("{\"version\":0}");
            }
        } catch (Throwable e) {
            child.destroyForcibly();
            throw e;
        }
        child.destroy();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the server stops after SIGTERM").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
    }

    private static Matcher awaitLine(Path log, Process child) throws Exception {
        while (true) {
            Matcher matcher = SERVING.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher;
            }
            assertThat(child.isAlive()).as("the server exited early: %s", Files.readString(log)).isTrue();
            Thread.sleep(50);
        }
    }
}
