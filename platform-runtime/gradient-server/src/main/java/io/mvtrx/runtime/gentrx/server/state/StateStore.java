package io.mvtrx.runtime.gentrx.server.state;

import io.mvtrx.runtime.gentrx.server.round.Assignment;
import io.mvtrx.runtime.gentrx.server.round.AssignmentState;
import io.mvtrx.runtime.gentrx.server.round.MinerSlot;
import io.mvtrx.runtime.gentrx.server.round.RoundEntry;
import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code state.json} in the state directory, written atomically. A slot caught in {@code GRADIENT_IN} is restored as
 * {@code DELIVERED} (its bytes were in memory only), so its gradient is read again after a restart.
 */
public final class StateStore {

    public static final String FILE = "state.json";
    private static final int FORMAT = 1;

    private final Path file;

    public StateStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void save(ServerSnapshot snapshot) throws IOException {
        JsonArrayBuilder rounds = Json.createArrayBuilder();
        for (RoundEntry entry : snapshot.rounds()) {
            JsonObjectBuilder slots = Json.createObjectBuilder();
            for (MinerSlot slot : entry.ordered()) {
                JsonObjectBuilder s = Json.createObjectBuilder()
                        .add("state", slot.state() == AssignmentState.GRADIENT_IN ? AssignmentState.DELIVERED.name()
                                : slot.state().name())
                        .add("assignment", assignment(slot.assignment()));
                slot.score().ifPresent(card -> s.add("score", card(card)));
                slots.add(Integer.toString(slot.assignment().minerUid()), s);
            }
            JsonObjectBuilder round = Json.createObjectBuilder()
                    .add("round", entry.round())
                    .add("block", entry.block())
                    .add("val_books", strings(entry.heldOutBooks()))
                    .add("installed_at_ms", entry.installedAt().toEpochMilli())
                    .add("slots", slots);
            entry.closingSince().ifPresent(t -> round.add("closing_since_ms", t.toEpochMilli()));
            rounds.add(round);
        }
        JsonObjectBuilder stash = Json.createObjectBuilder();
        snapshot.stashedScores().forEach((round, payload) -> stash.add(Long.toString(round), payload));
        JsonObject json = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("agg_round", snapshot.aggRound())
                .add("warmup_anchor", snapshot.warmupAnchor())
                .add("rounds_aggregated_total", snapshot.roundsAggregated())
                .add("rollbacks_total", snapshot.rollbacks())
                .add("rounds", rounds)
                .add("stashed_scores", stash)
                .add("last_aggregation", snapshot.lastAggregation())
                .build();
        AtomicFiles.write(file, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Optional<ServerSnapshot> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            if (json.getInt("format") != FORMAT) {
                throw new IOException(file + ": state format " + json.getInt("format") + " is not " + FORMAT);
            }
            List<RoundEntry> rounds = new ArrayList<>();
            for (JsonValue value : json.getJsonArray("rounds")) {
                JsonObject r = value.asJsonObject();
                Map<Integer, MinerSlot> slots = new TreeMap<>();
                for (Map.Entry<String, JsonValue> e : r.getJsonObject("slots").entrySet()) {
                    JsonObject s = e.getValue().asJsonObject();
                    Optional<ScoreCard> score = s.containsKey("score")
                            ? Optional.of(card(s.getJsonObject("score"))) : Optional.empty();
                    slots.put(Integer.parseInt(e.getKey()), new MinerSlot(assignment(s.getJsonObject("assignment")),
                            AssignmentState.valueOf(s.getString("state")), score));
                }
                Optional<Instant> closing = r.containsKey("closing_since_ms")
                        ? Optional.of(Instant.ofEpochMilli(r.getJsonNumber("closing_since_ms").longValueExact()))
                        : Optional.empty();
                rounds.add(new RoundEntry(r.getJsonNumber("round").longValueExact(),
                        r.getJsonNumber("block").longValueExact(), strings(r.getJsonArray("val_books")),
                        Instant.ofEpochMilli(r.getJsonNumber("installed_at_ms").longValueExact()), closing, slots));
            }
            SortedMap<Long, String> stash = new TreeMap<>();
            json.getJsonObject("stashed_scores").forEach((k, v) -> stash.put(Long.parseLong(k),
                    ((JsonString) v).getString()));
            return Optional.of(new ServerSnapshot(json.getJsonNumber("agg_round").longValueExact(),
                    json.getJsonNumber("warmup_anchor").longValueExact(),
                    json.getJsonNumber("rounds_aggregated_total").longValueExact(),
                    json.getJsonNumber("rollbacks_total").longValueExact(), rounds, stash,
                    json.getString("last_aggregation")));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | IllegalArgumentException e) {
            throw new IOException(file + ": unreadable server state: " + e.getMessage(), e);
        }
    }

    static JsonObject assignment(Assignment a) {
        return Json.createObjectBuilder()
                .add("miner_uid", a.minerUid())
                .add("round", a.round())
                .add("model_version", a.modelVersion())
                .add("books", strings(a.books()))
                .add("data", strings(a.dataKeys()))
                .add("ts_start", a.tsStartNs())
                .add("ts_end", a.tsEndNs())
                .add("body", a.body())
                .build();
    }

    static Assignment assignment(JsonObject o) {
        return new Assignment(o.getInt("miner_uid"), o.getJsonNumber("round").longValueExact(),
                o.getJsonNumber("model_version").longValueExact(), strings(o.getJsonArray("books")),
                strings(o.getJsonArray("data")), o.getJsonNumber("ts_start").longValueExact(),
                o.getJsonNumber("ts_end").longValueExact(), o.getString("body"));
    }

    static JsonObject card(ScoreCard c) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("uid", c.minerUid())
                .add("score", JsonNumbers.finite(c.score()))
                .add("score_own", JsonNumbers.finite(c.scoreOwn()))
                .add("score_held", JsonNumbers.finite(c.scoreHeld()))
                .add("overfitting", c.overfitting())
                .add("version_mismatched", c.versionMismatched())
                .add("no_held", c.noHeld())
                .add("accepted", c.accepted())
                .add("was_rollback_winner", c.wasRollbackWinner())
                .add("grad_norm", JsonNumbers.finite(c.gradNorm()))
                .add("books", strings(c.books()));
        c.rejection().ifPresent(r -> b.add("rejection", r));
        return b.build();
    }

    static ScoreCard card(JsonObject o) {
        return new ScoreCard(o.getInt("uid"), number(o, "score"), number(o, "score_own"), number(o, "score_held"),
                o.getBoolean("overfitting"), o.getBoolean("version_mismatched"), o.getBoolean("no_held"),
                o.getBoolean("accepted"), o.getBoolean("was_rollback_winner"), number(o, "grad_norm"),
                strings(o.getJsonArray("books")),
                o.containsKey("rejection") ? Optional.of(o.getString("rejection")) : Optional.empty());
    }

    private static double number(JsonObject o, String name) {
        return ((JsonNumber) o.get(name)).doubleValue();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
