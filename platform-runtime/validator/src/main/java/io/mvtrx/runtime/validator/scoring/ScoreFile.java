package io.mvtrx.runtime.validator.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.mvtrx.api.spi.scoring.ScoringMetricProvider;
import io.mvtrx.runtime.validator.internal.json.Json;
import io.mvtrx.runtime.validator.internal.json.Json.ArrayValue;
import io.mvtrx.runtime.validator.internal.json.Json.BooleanValue;
import io.mvtrx.runtime.validator.internal.json.Json.JsonException;
import io.mvtrx.runtime.validator.internal.json.Json.NumberValue;
import io.mvtrx.runtime.validator.internal.json.Json.ObjectValue;
import io.mvtrx.runtime.validator.internal.json.Json.StringValue;
import io.mvtrx.runtime.validator.internal.json.Json.Value;
import io.mvtrx.runtime.validator.internal.json.JsonOut;

/**
 * The JSON form of a scoring run and of the pipeline's state (format: doc/scoring.md). One document describes the
 * configuration, the simulation, each uid's history (or the trades to build it from) and, for a run, the time to
 * score at; {@link #run} scores it and writes every stage, {@link #checkpoint} writes a pipeline's state in the same
 * form so {@link #restore} can continue from it.
 */
public final class ScoreFile {

    private ScoreFile() {
    }

    /** A malformed document: the message names the JSON path and the problem. */
    public static final class InvalidScoreFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidScoreFile(String message) {
            super(message);
        }
    }

    /** A document read into a pipeline: its states recorded, its time to score at (empty in a checkpoint). */
    public record Loaded(ScoringPipeline pipeline, Optional<Long> now, boolean statesRecorded,
            Set<Integer> uidsWithPositions) {
    }

    /**
     * Reads a document, records its states (trades), scores at {@code nowNs} and returns the output document.
     *
     * @throws InvalidScoreFile naming the JSON path of the first problem
     */
    public static String run(String json, Function<String, Optional<ScoringMetricProvider>> metrics) {
        Loaded loaded = restore(json, metrics);
        long now = loaded.now().orElseThrow(() -> new InvalidScoreFile("$.nowNs: missing"));
        ScoreRound round = loaded.pipeline().score(now);
        return output(loaded, round);
    }

    /**
     * Reads a document into a pipeline without scoring: histories, factors, scores and deregistrations restored,
     * then the trades of {@code stateTimestampsNs} recorded state by state.
     *
     * @throws InvalidScoreFile naming the JSON path of the first problem
     */
    public static Loaded restore(String json, Function<String, Optional<ScoringMetricProvider>> metrics) {
        try {
            return new Reader(metrics).read(Json.parse(json));
        } catch (JsonException e) {
            throw new InvalidScoreFile(e.getMessage());
        }
    }

    /** The pipeline's state as a document {@link #restore} reads back to the same state. */
    public static String checkpoint(ScoringPipeline pipeline) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"config\": ").append(configJson(pipeline.config())).append(",\n");
        SimulationParams s = pipeline.simulation();
        out.append("  \"simulation\": {\"bookCount\": ").append(s.bookCount())
                .append(", \"minerWealth\": ").append(JsonOut.number(s.minerWealth()))
                .append(", \"volumeDecimals\": ").append(s.volumeDecimals())
                .append(", \"gracePeriodNs\": ").append(s.gracePeriod()).append("},\n");
        out.append("  \"uidCount\": ").append(pipeline.uidCount()).append(",\n");
        out.append("  \"movingAverageAlpha\": ").append(JsonOut.number(pipeline.movingAverageAlpha())).append(",\n");
        out.append("  \"deregistered\": ")
                .append(pipeline.deregistered().stream().sorted().map(String::valueOf).toList()).append(",\n");
        pipeline.lastPrune().ifPresent(t -> out.append("  \"lastPruneNs\": ").append(t).append(",\n"));
        out.append("  \"uids\": {");
        float[] scores = pipeline.scores();
        for (int uid = 0; uid < pipeline.uidCount(); uid++) {
            UidHistory h = pipeline.history(uid);
            out.append(uid == 0 ? "\n" : ",\n").append("    \"").append(uid).append("\": {");
            out.append("\"realizedPnl\": ").append(realizedJson(h));
            out.append(", \"roundtripVolume\": ").append(roundTripJson(h));
            out.append(", \"openPositions\": ").append(positionsJson(h));
            out.append(", \"activityFactors\": ").append(doubles(h.activityFactors()));
            out.append(", \"pnlFactors\": ").append(doubles(h.pnlFactors()));
            out.append(", \"previousScore\": ").append(JsonOut.number(scores[uid])).append('}');
        }
        return out.append("\n  }\n}\n").toString();
    }

    private static String output(Loaded loaded, ScoreRound round) {
        ScoringPipeline pipeline = loaded.pipeline();
        boolean positions = loaded.statesRecorded() || !loaded.uidsWithPositions().isEmpty();
        StringBuilder out = new StringBuilder("{\n  \"uids\": {");
        for (int uid = 0; uid < pipeline.uidCount(); uid++) {
            UidHistory h = pipeline.history(uid);
            ScoreRound.UidScore score = round.uids().get(uid);
            out.append(uid == 0 ? "\n" : ",\n").append("    \"").append(uid).append("\": {\n");
            out.append("      \"realizedPnl\": ").append(realizedJson(h)).append(",\n");
            out.append("      \"roundtripVolume\": ").append(roundTripJson(h)).append(",\n");
            if (positions) {
                out.append("      \"openPositions\": ").append(positionsJson(h)).append(",\n");
            }
            out.append("      \"kappa\": ").append(kappaJson(score.kappa())).append(",\n");
            out.append("      \"kappaScore\": ").append(JsonOut.number(score.kappaScore())).append(",\n");
            out.append("      \"pnlScore\": ").append(JsonOut.number(score.pnlScore())).append(",\n");
            out.append("      \"tradingScore\": ").append(JsonOut.number(score.tradingScore())).append(",\n");
            out.append("      \"activityFactors\": ").append(doubles(score.activityFactors())).append(",\n");
            out.append("      \"pnlFactors\": ").append(doubles(score.pnlFactors())).append("\n    }");
        }
        out.append("\n  },\n");
        out.append("  \"tradingScores\": ").append(doubles(round.tradingScores())).append(",\n");
        out.append("  \"afterFloor\": ").append(doubles(round.afterFloor())).append(",\n");
        out.append("  \"afterPareto\": ").append(floats(round.afterPareto())).append(",\n");
        out.append("  \"ema\": ").append(floats(round.ema())).append(",\n");
        out.append("  \"weights\": ").append(floats(round.weights())).append("\n}\n");
        return out.toString();
    }

    private static String realizedJson(UidHistory h) {
        StringBuilder out = new StringBuilder("[");
        boolean first = true;
        for (Map.Entry<Long, LinkedHashMap<Integer, Double>> entry : h.realizedPnl().entrySet()) {
            out.append(first ? "" : ", ").append('[').append(entry.getKey()).append(", {");
            first = false;
            boolean firstBook = true;
            for (Map.Entry<Integer, Double> book : entry.getValue().entrySet()) {
                out.append(firstBook ? "" : ", ").append('"').append(book.getKey()).append("\": ")
                        .append(JsonOut.number(book.getValue()));
                firstBook = false;
            }
            out.append("}]");
        }
        return out.append(']').toString();
    }

    private static String roundTripJson(UidHistory h) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<Integer, LinkedHashMap<Long, Double>> book : h.roundTripVolume().entrySet()) {
            out.append(first ? "" : ", ").append('"').append(book.getKey()).append("\": [");
            first = false;
            boolean firstSample = true;
            for (Map.Entry<Long, Double> sample : book.getValue().entrySet()) {
                out.append(firstSample ? "" : ", ").append('[').append(sample.getKey()).append(", ")
                        .append(JsonOut.number(sample.getValue())).append(']');
                firstSample = false;
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    private static String positionsJson(UidHistory h) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<Integer, OpenPositions> book : h.positions().entrySet()) {
            if (book.getValue().isEmpty()) {
                continue;
            }
            out.append(first ? "" : ", ").append('"').append(book.getKey()).append("\": {\"longs\": ")
                    .append(lots(book.getValue().longs())).append(", \"shorts\": ")
                    .append(lots(book.getValue().shorts())).append('}');
            first = false;
        }
        return out.append('}').toString();
    }

    private static String lots(List<OpenPositions.Lot> lots) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < lots.size(); i++) {
            OpenPositions.Lot lot = lots.get(i);
            out.append(i == 0 ? "" : ", ").append('[').append(lot.openedAt()).append(", ")
                    .append(JsonOut.number(lot.quantity())).append(", ").append(JsonOut.number(lot.price()))
                    .append(", ").append(JsonOut.number(lot.fee())).append(']');
        }
        return out.append(']').toString();
    }

    private static String kappaJson(KappaResult kappa) {
        if (kappa == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("{\"books\": {");
        for (int b = 0; b < kappa.bookCount(); b++) {
            out.append(b == 0 ? "" : ", ").append('"').append(b).append("\": ").append(nullable(kappa.book(b)));
        }
        return out.append("}, \"average\": ").append(nullable(kappa.average()))
                .append(", \"median\": ").append(nullable(kappa.median()))
                .append(", \"total\": ").append(nullable(kappa.total()))
                .append(", \"normalizedAverage\": ").append(nullable(kappa.normalizedAverage()))
                .append(", \"normalizedMedian\": ").append(nullable(kappa.normalizedMedian()))
                .append(", \"normalizedTotal\": ").append(nullable(kappa.normalizedTotal())).append('}').toString();
    }

    private static String nullable(Double value) {
        return value == null ? "null" : JsonOut.number(value);
    }

    private static String doubles(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(JsonOut.number(values[i]));
        }
        return out.append(']').toString();
    }

    private static String floats(float[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(JsonOut.number(values[i]));
        }
        return out.append(']').toString();
    }

    private static String configJson(ScoringConfig c) {
        ScoringConfig.Kappa k = c.kappa();
        ScoringConfig.Pnl p = c.pnl();
        ScoringConfig.Activity a = c.activity();
        ScoringConfig.Rewarding r = c.rewarding();
        return "{\"scoring\": {\"interval\": " + c.interval()
                + ", \"max_inactive_books\": " + JsonOut.number(c.maxInactiveBooks())
                + ", \"kappa\": {\"metric\": " + JsonOut.string(k.metric())
                + ", \"weight\": " + JsonOut.number(k.weight())
                + ", \"lookback\": " + k.lookback()
                + ", \"min_lookback\": " + k.minLookback()
                + ", \"tau\": " + JsonOut.number(k.tau())
                + ", \"min_realized_observations\": " + k.minRealizedObservations()
                + ", \"normalization_min\": " + JsonOut.number(k.normalizationMin())
                + ", \"normalization_max\": " + JsonOut.number(k.normalizationMax())
                + ", \"pnl\": {\"impact\": " + JsonOut.number(k.pnlImpact()) + "}}"
                + ", \"pnl\": {\"metric\": " + JsonOut.string(p.metric())
                + ", \"weight\": " + JsonOut.number(p.weight())
                + ", \"lookback\": " + p.lookback()
                + ", \"normalization\": {\"min_daily_return\": " + JsonOut.number(p.minDailyReturn())
                + ", \"max_daily_return\": " + JsonOut.number(p.maxDailyReturn()) + "}}"
                + ", \"activity\": {\"trade_volume_sampling_interval\": " + a.tradeVolumeSamplingInterval()
                + ", \"trade_volume_assessment_period\": " + a.tradeVolumeAssessmentPeriod()
                + ", \"impact\": " + JsonOut.number(a.impact())
                + ", \"decay_grace_period\": " + a.decayGracePeriod()
                + ", \"decay_rate\": " + JsonOut.number(a.decayRate())
                + ", \"capital_turnover_cap\": " + JsonOut.number(a.capitalTurnoverCap()) + "}}"
                + ", \"rewarding\": {\"seed\": " + r.seed()
                + ", \"pareto\": {\"scale\": " + JsonOut.number(r.paretoScale())
                + ", \"shape\": " + JsonOut.number(r.paretoShape()) + "}"
                + ", \"floor\": {\"enabled\": " + r.floorEnabled()
                + ", \"percentile\": " + JsonOut.number(r.floorPercentile())
                + ", \"softness\": " + JsonOut.number(r.floorSoftness()) + "}}}";
    }

    /** Reads one document; every failure names the path. */
    private static final class Reader {
        private final Function<String, Optional<ScoringMetricProvider>> metrics;

        Reader(Function<String, Optional<ScoringMetricProvider>> metrics) {
            this.metrics = metrics;
        }

        Loaded read(Value root) {
            ObjectValue doc = object(root);
            known(doc, "config", "simulation", "nowNs", "uidCount", "deregistered", "movingAverageAlpha",
                    "stateTimestampsNs", "lastPruneNs", "uids");
            ScoringConfig config = config(doc.members().get("config"));
            SimulationParams simulation = simulation(required(doc, "simulation"));
            Value uidCountValue = required(doc, "uidCount");
            int uidCount = intValue(uidCountValue);
            double alpha = optional(doc, "movingAverageAlpha").map(Reader::doubleValue)
                    .orElse(ScoringPipeline.REFERENCE_MOVING_AVERAGE_ALPHA);
            ScoringPipeline pipeline;
            try {
                pipeline = ScoringPipeline.create(config, simulation, uidCount, alpha, metrics);
            } catch (IllegalArgumentException e) {
                throw new InvalidScoreFile("$: " + e.getMessage());
            }
            Optional<Long> now = optional(doc, "nowNs").map(Reader::longValue);
            optional(doc, "lastPruneNs").map(Reader::longValue).ifPresent(pipeline::setLastPrune);
            optional(doc, "deregistered").ifPresent(list -> {
                for (Value v : array(list).elements()) {
                    pipeline.restoreDeregistered(uid(v, intValue(v), uidCount));
                }
            });

            Map<Integer, List<Value>> tradesByUid = new TreeMap<>();
            java.util.Set<Integer> withPositions = new java.util.TreeSet<>();
            ObjectValue uids = optional(doc, "uids").map(Reader::object)
                    .orElse(new ObjectValue("$.uids", Map.of()));
            for (Map.Entry<String, Value> member : uids.members().entrySet()) {
                Value entryValue = member.getValue();
                int uid;
                try {
                    uid = Integer.parseInt(member.getKey());
                } catch (NumberFormatException e) {
                    throw JsonException.at(entryValue, "uid keys are decimal integers");
                }
                uid(entryValue, uid, uidCount);
                ObjectValue entry = object(entryValue);
                known(entry, "trades", "realizedPnl", "roundtripVolume", "openPositions", "activityFactors",
                        "pnlFactors", "previousScore");
                UidHistory history = pipeline.history(uid);
                optional(entry, "realizedPnl").ifPresent(v -> realizedPnl(v, history, simulation.bookCount()));
                optional(entry, "roundtripVolume").ifPresent(v -> roundTrips(v, history, simulation.bookCount()));
                optional(entry, "openPositions").ifPresent(v -> {
                    positions(v, history, simulation.bookCount());
                    withPositions.add(uid);
                });
                optional(entry, "activityFactors").ifPresent(v ->
                        perBook(v, history.activityFactors(), simulation.bookCount()));
                optional(entry, "pnlFactors").ifPresent(v -> perBook(v, history.pnlFactors(), simulation.bookCount()));
                optional(entry, "previousScore").ifPresent(v -> pipeline.setScore(uid, (float) doubleValue(v)));
                optional(entry, "trades").ifPresent(v -> tradesByUid.put(uid, array(v).elements()));
            }

            Optional<Value> states = optional(doc, "stateTimestampsNs");
            if (states.isEmpty() && !tradesByUid.isEmpty()) {
                throw new InvalidScoreFile("$.stateTimestampsNs: missing; trades are recorded state by state in "
                        + "its order");
            }
            if (states.isPresent()) {
                record(pipeline, array(states.get()), tradesByUid, simulation.bookCount());
            }
            return new Loaded(pipeline, now, states.isPresent(), withPositions);
        }

        private static void record(ScoringPipeline pipeline, ArrayValue states, Map<Integer, List<Value>> trades,
                int books) {
            List<Long> order = new ArrayList<>();
            Map<Long, Map<Integer, List<MinerTrade>>> byState = new LinkedHashMap<>();
            for (Value v : states.elements()) {
                long ts = longValue(v);
                if (byState.containsKey(ts)) {
                    throw JsonException.at(v, "state timestamp %d is listed twice", ts);
                }
                order.add(ts);
                byState.put(ts, new TreeMap<>());
            }
            for (Map.Entry<Integer, List<Value>> uidTrades : trades.entrySet()) {
                for (Value tv : uidTrades.getValue()) {
                    ObjectValue t = object(tv);
                    known(t, "stateTsNs", "book", "side", "price", "quantity", "makerAgent", "takerAgent", "makerFee",
                            "takerFee");
                    Value tsValue = required(t, "stateTsNs");
                    long ts = longValue(tsValue);
                    Map<Integer, List<MinerTrade>> state = byState.get(ts);
                    if (state == null) {
                        throw JsonException.at(tsValue, "%d is not in $.stateTimestampsNs", ts);
                    }
                    Value bookValue = required(t, "book");
                    int book = book(bookValue, books);
                    MinerTrade trade;
                    try {
                        trade = new MinerTrade(book, intValue(required(t, "side")),
                                doubleValue(required(t, "price")), doubleValue(required(t, "quantity")),
                                intValue(required(t, "makerAgent")), intValue(required(t, "takerAgent")),
                                doubleValue(required(t, "makerFee")), doubleValue(required(t, "takerFee")));
                    } catch (IllegalArgumentException e) {
                        throw JsonException.at(tv, "%s", e.getMessage());
                    }
                    int uid = uidTrades.getKey();
                    if (trade.makerAgent() != uid && trade.takerAgent() != uid) {
                        throw JsonException.at(tv, "uid %d is neither the maker (%d) nor the taker (%d)", uid,
                                trade.makerAgent(), trade.takerAgent());
                    }
                    state.computeIfAbsent(uid, u -> new ArrayList<>()).add(trade);
                }
            }
            for (long ts : order) {
                pipeline.recordState(ts, byState.get(ts));
            }
        }

        private static void realizedPnl(Value value, UidHistory history, int books) {
            Long previous = null;
            for (Value element : array(value).elements()) {
                List<Value> pair = array(element).elements();
                if (pair.size() != 2) {
                    throw JsonException.at(element, "expected [timestampNs, {book: pnl}]");
                }
                long ts = longValue(pair.get(0));
                if (previous != null && ts <= previous) {
                    throw JsonException.at(pair.get(0), "timestamps must increase, %d follows %d", ts, previous);
                }
                previous = ts;
                LinkedHashMap<Integer, Double> byBook = new LinkedHashMap<>();
                for (Map.Entry<String, Value> b : object(pair.get(1)).members().entrySet()) {
                    byBook.put(bookKey(b.getKey(), b.getValue(), books), doubleValue(b.getValue()));
                }
                history.realizedPnl().put(ts, byBook);
            }
        }

        private static void roundTrips(Value value, UidHistory history, int books) {
            for (Map.Entry<String, Value> b : object(value).members().entrySet()) {
                int book = bookKey(b.getKey(), b.getValue(), books);
                LinkedHashMap<Long, Double> samples = new LinkedHashMap<>();
                for (Value element : array(b.getValue()).elements()) {
                    List<Value> pair = array(element).elements();
                    if (pair.size() != 2) {
                        throw JsonException.at(element, "expected [sampledTimestampNs, value]");
                    }
                    long ts = longValue(pair.get(0));
                    if (samples.containsKey(ts)) {
                        throw JsonException.at(pair.get(0), "sample %d is listed twice", ts);
                    }
                    samples.put(ts, doubleValue(pair.get(1)));
                }
                history.roundTripVolume().put(book, samples);
            }
        }

        private static void positions(Value value, UidHistory history, int books) {
            for (Map.Entry<String, Value> b : object(value).members().entrySet()) {
                int book = bookKey(b.getKey(), b.getValue(), books);
                ObjectValue sides = object(b.getValue());
                known(sides, "longs", "shorts");
                history.positions(book).restore(
                        lots(optional(sides, "longs")), lots(optional(sides, "shorts")));
            }
        }

        private static List<OpenPositions.Lot> lots(Optional<Value> value) {
            List<OpenPositions.Lot> lots = new ArrayList<>();
            if (value.isPresent()) {
                for (Value element : array(value.get()).elements()) {
                    List<Value> lot = array(element).elements();
                    if (lot.size() != 4) {
                        throw JsonException.at(element, "expected [openedAtNs, quantity, price, fee]");
                    }
                    lots.add(new OpenPositions.Lot(longValue(lot.get(0)), doubleValue(lot.get(1)),
                            doubleValue(lot.get(2)), doubleValue(lot.get(3))));
                }
            }
            return lots;
        }

        private static void perBook(Value value, double[] target, int books) {
            List<Value> elements = array(value).elements();
            if (elements.size() != books) {
                throw JsonException.at(value, "expected one value per book (%d), got %d", books, elements.size());
            }
            for (int b = 0; b < books; b++) {
                target[b] = doubleValue(elements.get(b));
            }
        }

        private ScoringConfig config(Value value) {
            ScoringConfig d = ScoringConfig.REFERENCE;
            if (value == null) {
                return d;
            }
            ObjectValue config = object(value);
            known(config, "scoring", "rewarding");
            ObjectValue scoring = section(config, "scoring");
            known(scoring, "interval", "max_inactive_books", "kappa", "pnl", "activity");
            ObjectValue kappa = section(scoring, "kappa");
            known(kappa, "metric", "weight", "lookback", "min_lookback", "tau", "min_realized_observations",
                    "normalization_min", "normalization_max", "pnl");
            ObjectValue kappaPnl = section(kappa, "pnl");
            known(kappaPnl, "impact");
            ObjectValue pnl = section(scoring, "pnl");
            known(pnl, "metric", "weight", "lookback", "normalization");
            ObjectValue normalization = section(pnl, "normalization");
            known(normalization, "min_daily_return", "max_daily_return");
            ObjectValue activity = section(scoring, "activity");
            known(activity, "trade_volume_sampling_interval", "trade_volume_assessment_period", "impact",
                    "decay_grace_period", "decay_rate", "capital_turnover_cap");
            ObjectValue rewarding = section(config, "rewarding");
            known(rewarding, "seed", "pareto", "floor");
            ObjectValue pareto = section(rewarding, "pareto");
            known(pareto, "scale", "shape");
            ObjectValue floor = section(rewarding, "floor");
            known(floor, "enabled", "percentile", "softness");
            try {
                ScoringConfig.Kappa k = new ScoringConfig.Kappa(
                        string(kappa, "metric", d.kappa().metric()),
                        number(kappa, "weight", d.kappa().weight()),
                        integer(kappa, "lookback", d.kappa().lookback()),
                        integer(kappa, "min_lookback", d.kappa().minLookback()),
                        number(kappa, "tau", d.kappa().tau()),
                        (int) integer(kappa, "min_realized_observations", d.kappa().minRealizedObservations()),
                        number(kappa, "normalization_min", d.kappa().normalizationMin()),
                        number(kappa, "normalization_max", d.kappa().normalizationMax()),
                        number(kappaPnl, "impact", d.kappa().pnlImpact()));
                ScoringConfig.Pnl p = new ScoringConfig.Pnl(
                        string(pnl, "metric", d.pnl().metric()),
                        number(pnl, "weight", d.pnl().weight()),
                        integer(pnl, "lookback", d.pnl().lookback()),
                        number(normalization, "min_daily_return", d.pnl().minDailyReturn()),
                        number(normalization, "max_daily_return", d.pnl().maxDailyReturn()));
                ScoringConfig.Activity a = new ScoringConfig.Activity(
                        integer(activity, "trade_volume_sampling_interval",
                                d.activity().tradeVolumeSamplingInterval()),
                        integer(activity, "trade_volume_assessment_period",
                                d.activity().tradeVolumeAssessmentPeriod()),
                        number(activity, "impact", d.activity().impact()),
                        integer(activity, "decay_grace_period", d.activity().decayGracePeriod()),
                        number(activity, "decay_rate", d.activity().decayRate()),
                        number(activity, "capital_turnover_cap", d.activity().capitalTurnoverCap()));
                ScoringConfig.Rewarding r = new ScoringConfig.Rewarding(
                        integer(rewarding, "seed", d.rewarding().seed()),
                        number(pareto, "scale", d.rewarding().paretoScale()),
                        number(pareto, "shape", d.rewarding().paretoShape()),
                        bool(floor, "enabled", d.rewarding().floorEnabled()),
                        number(floor, "percentile", d.rewarding().floorPercentile()),
                        number(floor, "softness", d.rewarding().floorSoftness()));
                return new ScoringConfig(k, p, a, integer(scoring, "interval", d.interval()),
                        number(scoring, "max_inactive_books", d.maxInactiveBooks()), r);
            } catch (IllegalArgumentException e) {
                throw new InvalidScoreFile("$.config: " + e.getMessage());
            }
        }

        private static SimulationParams simulation(Value value) {
            ObjectValue s = object(value);
            known(s, "bookCount", "minerWealth", "volumeDecimals", "gracePeriodNs");
            try {
                return new SimulationParams(intValue(required(s, "bookCount")),
                        doubleValue(required(s, "minerWealth")), intValue(required(s, "volumeDecimals")),
                        longValue(required(s, "gracePeriodNs")));
            } catch (IllegalArgumentException e) {
                throw JsonException.at(value, "%s", e.getMessage());
            }
        }

        private static ObjectValue section(ObjectValue parent, String name) {
            Value v = parent.members().get(name);
            return v == null ? new ObjectValue(parent.path() + "." + name, Map.of()) : object(v);
        }

        private static String string(ObjectValue o, String key, String fallback) {
            Value v = o.members().get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof StringValue s) {
                return s.value();
            }
            throw JsonException.at(v, "expected a string, got %s", v.kind());
        }

        private static double number(ObjectValue o, String key, double fallback) {
            Value v = o.members().get(key);
            return v == null ? fallback : doubleValue(v);
        }

        private static long integer(ObjectValue o, String key, long fallback) {
            Value v = o.members().get(key);
            return v == null ? fallback : longValue(v);
        }

        private static boolean bool(ObjectValue o, String key, boolean fallback) {
            Value v = o.members().get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof BooleanValue b) {
                return b.value();
            }
            throw JsonException.at(v, "expected true or false, got %s", v.kind());
        }

        private static void known(ObjectValue o, String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Map.Entry<String, Value> member : o.members().entrySet()) {
                if (!allowed.contains(member.getKey())) {
                    throw JsonException.at(member.getValue(), "unknown key; known here: %s",
                            String.join(", ", keys));
                }
            }
        }

        private static Value required(ObjectValue o, String key) {
            Value v = o.members().get(key);
            if (v == null) {
                throw new InvalidScoreFile(o.path() + "." + key + ": missing");
            }
            return v;
        }

        private static Optional<Value> optional(ObjectValue o, String key) {
            return Optional.ofNullable(o.members().get(key));
        }

        private static ObjectValue object(Value v) {
            if (v instanceof ObjectValue o) {
                return o;
            }
            throw JsonException.at(v, "expected an object, got %s", v.kind());
        }

        private static ArrayValue array(Value v) {
            if (v instanceof ArrayValue a) {
                return a;
            }
            throw JsonException.at(v, "expected an array, got %s", v.kind());
        }

        private static double doubleValue(Value v) {
            if (v instanceof NumberValue n) {
                double d = Double.parseDouble(n.text());
                if (!Double.isFinite(d)) {
                    throw JsonException.at(v, "%s is out of the double range", n.text());
                }
                return d;
            }
            throw JsonException.at(v, "expected a number, got %s", v.kind());
        }

        private static long longValue(Value v) {
            if (v instanceof NumberValue n) {
                try {
                    return Long.parseLong(n.text());
                } catch (NumberFormatException e) {
                    throw JsonException.at(v, "expected an integer (ns and counts are whole), got %s", n.text());
                }
            }
            throw JsonException.at(v, "expected an integer, got %s", v.kind());
        }

        private static int intValue(Value v) {
            long value = longValue(v);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw JsonException.at(v, "%d is out of range", value);
            }
            return (int) value;
        }

        private static int uid(Value where, int uid, int uidCount) {
            if (uid < 0 || uid >= uidCount) {
                throw JsonException.at(where, "uid %d is outside 0..%d (uidCount %d)", uid, uidCount - 1, uidCount);
            }
            return uid;
        }

        private static int book(Value v, int books) {
            int book = intValue(v);
            if (book < 0 || book >= books) {
                throw JsonException.at(v, "book %d is outside 0..%d (bookCount %d)", book, books - 1, books);
            }
            return book;
        }

        private static int bookKey(String key, Value where, int books) {
            int book;
            try {
                book = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw JsonException.at(where, "book keys are decimal integers");
            }
            if (book < 0 || book >= books) {
                throw JsonException.at(where, "book %d is outside 0..%d (bookCount %d)", book, books - 1, books);
            }
            return book;
        }
    }
}
