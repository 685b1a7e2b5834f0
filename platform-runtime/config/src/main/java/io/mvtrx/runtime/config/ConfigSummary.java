package io.mvtrx.runtime.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.settings.Settings;

/**
 * Renders a configuration as one screen of text for {@code mvtrx config validate}: run length and step, books,
 * decimals, exchange limits, fees, remote agents, balances, processes, background agents per model, logging and
 * checkpoints. Plain ASCII, lines wrapped at {@value #WIDTH} columns.
 *
 * {@snippet :
 * simulation   24h 0m (86400000000000 ns), step 1 s, start 0 ns, seed 0
 * books        8 blocks x 16 books = 128 books, matching rule PriceTime, depth 21 (5 detailed)
 * }
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigSummary {

    /** Widest line. */
    static final int WIDTH = 100;

    private static final int LABEL = 13;
    private static final long SECOND = 1_000_000_000L;

    private ConfigSummary() {
    }

    /** The summary, lines separated by {@code \n}, no trailing newline. */
    public static String render(SimulationConfig config) {
        ExchangeConfig exchange = config.exchange();
        BooksConfig books = exchange.books();
        BookDecimals decimals = exchange.decimals();
        List<String> lines = new ArrayList<>();

        add(lines, "simulation", String.format("%s(%d ns), step %s, start %d ns, seed %d",
                config.id().map(id -> "'" + id + "' ").orElse("") + human(config.duration()) + " ",
                config.duration(), human(config.step()), config.start(), config.seed()));
        add(lines, "books", String.format("%d blocks x %d books = %d books, matching rule %s, depth %d (%d detailed)",
                config.blockCount(), books.instanceCount(), config.bookCount(), books.algorithm(), books.maxDepth(),
                books.detailedDepth()));
        add(lines, "decimals", String.format("price %d, volume %d, base %d, quote %d", decimals.price().decimals(),
                decimals.volume().decimals(), decimals.base().decimals(), decimals.quote().decimals()));
        add(lines, "exchange", String.format("%s: initial price %s, min order size %s, max open orders %s",
                exchange.name(), decimals.price().format(exchange.initialPrice()),
                decimals.volume().format(exchange.minOrderSize()),
                exchange.limitsOpenOrders() ? Integer.toString(exchange.maxOpenOrders()) : "unlimited"));
        add(lines, "leverage", String.format("max leverage %s, max loan %s, maintenance margin %s",
                decimals.volume().format(exchange.maxLeverage()), decimals.quote().format(exchange.maxLoan()),
                Rate.SCALE.format(exchange.maintenanceMargin())));
        add(lines, "fees", described(exchange.feePolicy().type(), exchange.feePolicy().settings()));
        add(lines, "remote", String.format("%d accounts per block, proxy %s, grace period %s (%d ns)",
                exchange.remoteAgentCount(), config.remoteAgentsEnabled() ? "on" : "off",
                human(exchange.gracePeriod()), exchange.gracePeriod()));
        add(lines, "balances", balances(exchange.balances()));
        add(lines, "processes", books.processes().isEmpty() ? "none" : books.processes().size() + " per book: "
                + books.processes().stream().map(p -> p.type() + " '" + p.name() + "'")
                .collect(Collectors.joining(", ")));
        add(lines, "agents", String.format("%d per block, %d in total", config.agentsPerBlock(),
                config.agentsPerBlock() * config.blockCount()));
        int modelWidth = config.agents().stream().mapToInt(a -> a.model().length()).max().orElse(0);
        int nameWidth = config.agents().stream().mapToInt(a -> a.name().length()).max().orElse(0);
        for (AgentGroupConfig group : config.agents()) {
            lines.add(String.format("  %-" + modelWidth + "s  %-" + nameWidth + "s  %6d  balances %s",
                    group.model(), group.name(), group.instanceCount(),
                    group.balances().map(BalancesConfig::type).orElse("of the exchange")));
        }
        add(lines, "logging", logging(exchange.logging(), config.logWindow()));
        CheckpointConfig checkpoint = config.checkpoint();
        add(lines, "checkpoints", checkpoint.enabled()
                ? String.format("every %d steps, keep last %d, %d workers", checkpoint.intervalInSteps(),
                checkpoint.keepLast(), checkpoint.workers())
                : "off");
        return String.join("\n", lines);
    }

    /**
     * A duration for people: {@code 24h 0m}, {@code 10m 0s}, {@code 1 s}, {@code 1.5 s}, {@code 250 ms},
     * {@code 0 ns}.
     */
    static String human(long nanos) {
        if (nanos % SECOND != 0) {
            if (Math.abs(nanos) >= SECOND) {
                return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
            }
            if (nanos % 1_000_000 == 0) {
                return nanos / 1_000_000 + " ms";
            }
            if (nanos % 1_000 == 0) {
                return nanos / 1_000 + " us";
            }
            return nanos + " ns";
        }
        long seconds = nanos / SECOND;
        if (seconds == 0) {
            return "0 ns";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%dm %ds", seconds / 60, seconds % 60);
        }
        String hours = String.format("%dh %dm", seconds / 3600, seconds % 3600 / 60);
        return seconds % 60 == 0 ? hours : hours + " " + seconds % 60 + "s";
    }

    private static String balances(BalancesConfig balances) {
        Settings settings = balances.settings();
        if (balances.type().equals(BalancesConfig.STATIC_TYPE)) {
            return String.format("static: base %s, quote %s",
                    settings.child(ConfigBinder.BASE).flatMap(b -> b.attribute("total")).orElse("?"),
                    settings.child(ConfigBinder.QUOTE).flatMap(q -> q.attribute("total")).orElse("?"));
        }
        return described(balances.type(), settings);
    }

    private static String described(String type, Settings settings) {
        String parameters = settings.attributes().entrySet().stream()
                .filter(e -> !e.getKey().equals("type"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return parameters.isEmpty() ? type : type + ": " + parameters;
    }

    private static String logging(LoggingConfig logging, long logWindow) {
        if (!logging.l2() && !logging.l3() && !logging.feeLog() && !logging.replay()) {
            return "off";
        }
        return String.format("start %s%s, %s, L2 %s, L3 %s, fee log %s, replay %s",
                logging.startDate().format(ConfigBinder.START_DATE),
                logging.tag().map(tag -> ", tag " + tag).orElse(""),
                logWindow == 0 ? "not rotated" : "rotated every " + human(logWindow),
                logging.l2() ? "depth " + logging.l2Depth() : "off",
                onOff(logging.l3()), onOff(logging.feeLog()), onOff(logging.replay()));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** Adds a labelled line, wrapping the value after commas to stay within {@link #WIDTH}. */
    private static void add(List<String> lines, String label, String value) {
        String indent = " ".repeat(LABEL);
        StringBuilder line = new StringBuilder(String.format("%-" + LABEL + "s", label));
        int lineStart = 0;
        String[] parts = value.split("(?<=, )");
        for (String part : parts) {
            if (line.length() - lineStart + part.length() > WIDTH && line.length() - lineStart > LABEL) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(indent);
                lineStart = 0;
            }
            line.append(part);
        }
        lines.add(line.toString().stripTrailing());
    }

}
