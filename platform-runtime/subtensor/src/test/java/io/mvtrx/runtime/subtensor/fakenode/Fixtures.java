package io.mvtrx.runtime.subtensor.fakenode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** The Bittensor fixtures of the reference (copied into test resources): vectors, recordings, metadata. */
public final class Fixtures {

    private static volatile JsonArray vectors;
    private static volatile JsonArray recordings;

    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bittensor/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource bittensor/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonArray vectors() {
        if (vectors == null) {
            vectors = parse(text("vectors.json")).asJsonArray();
        }
        return vectors;
    }

    public static JsonArray recordings() {
        if (recordings == null) {
            recordings = parse(text("rpc-recordings.json")).asJsonArray();
        }
        return recordings;
    }

    /** The vectors of one kind. */
    public static List<JsonObject> vectors(String kind) {
        return vectors().stream().map(JsonValue::asJsonObject).filter(v -> v.getString("kind").equals(kind)).toList();
    }

    public static JsonObject vector(String name) {
        return vectors().stream().map(JsonValue::asJsonObject).filter(v -> v.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no vector " + name));
    }

    /** The recorded result of {@code method} in {@code fixture} whose first param is {@code firstParam}. */
    public static String recordedResult(String fixture, String method, String firstParam) {
        for (JsonValue v : recordings()) {
            JsonObject r = v.asJsonObject();
            if (fixture.equals(r.isNull("fixture") ? null : r.getString("fixture")) && r.getString("method").equals(method)
                    && r.getJsonArray("params").getString(0).equals(firstParam)) {
                return r.getString("result");
            }
        }
        throw new IllegalArgumentException("no recording " + fixture + " " + method + " " + firstParam);
    }

    public static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
