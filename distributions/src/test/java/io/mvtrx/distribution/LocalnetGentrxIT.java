package io.mvtrx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's acceptance on the packaged launcher: {@code bin/mvtrx localnet --gentrx --duration 20m} runs GenTRX rounds
 * end to end on the fs backend with the tiny model — miners train in the background, upload top-k gradients, the
 * gradient server scores them on held-out books and commits versions — and the published model's held-out loss ends
 * lower than the seed's on the same pages.
 */
class LocalnetGentrxIT {

    private static final Path HOME = Path.of(System.getProperty("mvtrx.distribution", "target/mvtrx-0.1.0"))
            .toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void twentySimulatedMinutesCompleteAtLeastThreeRoundsAndLowerTheHeldOutLoss() throws Exception {
        Path out = temp.resolve("localnet-out");
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        Process localnet = new ProcessBuilder(HOME.resolve("bin/mvtrx").toString(), "localnet", "--gentrx",
                "--duration", "20m", "--out", out.toString())
                .directory(temp.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!localnet.waitFor(8, TimeUnit.MINUTES)) {
            localnet.destroyForcibly();
            throw new AssertionError("localnet --gentrx did not finish in 8 minutes; stderr tail: "
                    + tail(Files.readString(stderr)));
        }
        String printed = Files.readString(stdout);
        assertThat(localnet.exitValue()).as("exit code; stderr tail %s", tail(Files.readString(stderr))).isZero();

        JsonObject gentrx;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(out.resolve("summary.json"))))) {
            gentrx = reader.readObject().getJsonObject("gentrx");
        }
        List<JsonObject> validated = gentrx.getJsonArray("rounds").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getBoolean("validated")).toList();
        assertThat(validated).as("rounds whose aggregate was validated on held-out pages; stdout %s", printed)
                .hasSizeGreaterThanOrEqualTo(3);
        // each validated round measured the seed on its own held-out pages as well
        for (JsonObject r : validated) {
            assertThat(r.getInt("accepted")).isPositive();
            assertThat(r.getJsonNumber("seedLoss").doubleValue()).isPositive();
        }
        assertThat(gentrx.getInt("aggregatesCommitted")).isGreaterThanOrEqualTo(3);
        assertThat(gentrx.getJsonNumber("modelVersion").longValue()).isGreaterThanOrEqualTo(3);
        double seed = gentrx.getJsonNumber("seedHeldOutLoss").doubleValue();
        double published = gentrx.getJsonNumber("publishedHeldOutLoss").doubleValue();
        assertThat(published).as("published model's held-out loss vs the seed's %s", seed).isLessThan(seed);
        // the two training miners were paid, and their uploads are in the fs bucket
        assertThat(gentrx.getJsonObject("scores").keySet()).isNotEmpty();
        for (String uid : gentrx.getJsonObject("trainers").keySet()) {
            assertThat(gentrx.getJsonObject("trainers").getJsonObject(uid).getInt("steps")).isPositive();
            try (var grads = Files.list(out.resolve("gentrx/bucket/gentrx/localnet/simulation/gradients/" + uid))) {
                assertThat(grads.filter(p -> p.toString().endsWith(".grad")).count()).isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(printed).contains("GenTRX held-out loss on round ").containsPattern(
                "GenTRX: \\d+ rounds drained, \\d+ gradients accepted, \\d+ aggregates committed");
    }

    private static String tail(String text) {
        return text.length() <= 3_000 ? text : text.substring(text.length() - 3_000);
    }
}
