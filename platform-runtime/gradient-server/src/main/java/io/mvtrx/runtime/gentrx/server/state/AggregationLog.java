package io.mvtrx.runtime.gentrx.server.state;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;

/** {@code aggregation.jsonl} (gentrx.md §6.7): append-only JSON lines, each stamped with its type and time. */
public final class AggregationLog {

    private final Path file;
    private final InstantSource clock;

    public AggregationLog(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(String type, JsonObject fields) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("type", type)
                .add("timestamp", clock.instant().toEpochMilli() / 1000.0);
        fields.forEach(line::add);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line.build() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is diagnostic: a full disk must not stop scoring
            System.getLogger(AggregationLog.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot append to " + file + ": " + e.getMessage());
        }
    }
}
