package io.mvtrx.runtime.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.runtime.exchange.replay.JsonWriter;
import io.mvtrx.runtime.simulator.log.EventLogHash;
import io.mvtrx.runtime.simulator.report.FactsJson;
import io.mvtrx.runtime.simulator.report.MarketFacts;

/**
 * The {@code report.json} of a run: what ran (ids, seed, shape, threads), how fast (simulated seconds per wall
 * second, messages and L3 events per second, block start-up times), the event log's hash, and per book the cheap
 * statistics of {@link BookStats}. Prices and volumes are decimal strings at the book's decimals (exact); means are
 * numbers.
 *
 * <p>Stateless.
 */
public final class SimulationReport {

    private SimulationReport() {
    }

    /** The report of a finished (or stopped) simulation as pretty-printed JSON, without market facts. */
    public static String json(Simulation simulation) {
        return json(simulation, Optional.empty());
    }

    /**
     * The report of a finished (or stopped) simulation as pretty-printed JSON; with {@code facts}, a
     * {@code marketFacts} object ({@link FactsJson}): the stylized facts pooled and per book, and the targets.
     */
    public static String json(Simulation simulation, Optional<MarketFacts> facts) {
        SimulationInfo info = simulation.info();
        BookDecimals d = info.decimals();
        Progress progress = simulation.progress();
        StringBuilder out = new StringBuilder(4096);
        out.append("{\n");
        field(out, "simulationId", quote(info.simulationId()));
        field(out, "seed", Long.toString(simulation.seed()));
        field(out, "blocks", Integer.toString(info.blockCount()));
        field(out, "booksPerBlock", Integer.toString(info.booksPerBlock()));
        field(out, "backgroundAgentsPerBlock", Integer.toString(simulation.agentsPerBlock()));
        field(out, "remoteAccountsPerBlock", Integer.toString(info.remoteAgentCount()));
        field(out, "threads", Integer.toString(simulation.threads()));
        field(out, "stepNs", Long.toString(simulation.clock().step()));
        field(out, "durationNs", Long.toString(info.duration()));
        field(out, "simulatedNs", Long.toString(progress.elapsed()));
        field(out, "wallSeconds", number(progress.wallNanos() / 1e9));
        field(out, "speed", number(progress.speed()));
        field(out, "messages", Long.toString(progress.messages()));
        field(out, "messagesPerSecond", number(progress.messagesPerSecond()));
        field(out, "l3Events", Long.toString(progress.l3Events()));
        field(out, "l3EventsPerSecond", number(progress.l3EventsPerSecond()));
        field(out, "eventLogHash", quote(EventLogHash.hex(simulation.eventLogHash())));
        field(out, "marginCalls", Long.toString(simulation.marginCalls()));
        StringBuilder startup = new StringBuilder("[");
        long[] nanos = simulation.startupNanos();
        for (int b = 0; b < nanos.length; b++) {
            startup.append(b == 0 ? "" : ", ").append(number(nanos[b] / 1e6));
        }
        field(out, "blockStartupMs", startup.append(']').toString());
        facts.ifPresent(f -> field(out, "marketFacts", FactsJson.object(f, 2)));
        out.append("  \"books\": [\n");
        List<BookStats> books = simulation.bookStats();
        for (int i = 0; i < books.size(); i++) {
            BookStats b = books.get(i);
            out.append("    {\"bookId\": ").append(b.bookId())
                    .append(", \"trades\": ").append(b.trades())
                    .append(", \"volume\": ").append(quote(d.volume().format(b.volume())))
                    .append(", \"l3Events\": ").append(b.events())
                    .append(", \"lastPrice\": ").append(quote(d.price().format(b.lastPrice())))
                    .append(", \"meanMid\": ").append(number(b.meanMid() / d.price().unit()))
                    .append(", \"meanSpreadTicks\": ").append(number(b.meanSpread()))
                    .append(", \"bestBid\": ").append(quote(d.price().format(b.bestBid())))
                    .append(", \"bestAsk\": ").append(quote(d.price().format(b.bestAsk())))
                    .append(", \"restingOrders\": ").append(b.restingOrders())
                    .append(i + 1 < books.size() ? "},\n" : "}\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        JsonWriter.appendQuoted(out, text);
        return out.toString();
    }
}
