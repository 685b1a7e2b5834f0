package io.mvtrx.runtime.gentrx.data.tick;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes a msgpack tick packet (reference gentrx.md §3.1) into a {@link TickPacket}. Strict: a missing required
 * field, a value of the wrong type, an unknown event kind or side, or a negative timestamp throws one
 * {@link TickFormatException} whose message names the field as a path ({@code books[3].events[2].p}). Unknown map
 * keys are ignored (the packet may grow). Integers must be msgpack integers; prices and quantities may be integers
 * or floats; {@code sim_id} and {@code simulation_id} may be strings or integers (kept as text); event times may
 * be fractional only in exchange mode ({@code simulation_id == "exchange"}), where they are Unix seconds that the
 * ingest replaces with the tick's time. Stateless.
 */
public final class TickDecoder {

    private TickDecoder() {
    }

    /** Decodes msgpack bytes. */
    public static TickPacket decode(byte[] msgpack) {
        return fromMap(MsgPackReader.read(msgpack));
    }

    /** Decodes an already unpacked value tree (maps, lists, Long, Double, String). */
    public static TickPacket fromMap(Object root) {
        Map<?, ?> tick = map(root, "tick");
        long step = integer(tick, "step", "step");
        long ts = nonNegative(integer(tick, "ts", "ts"), "ts");
        TickConfig config = TickConfig.NONE;
        Object configValue = tick.get("config");
        if (configValue != null) {
            Map<?, ?> c = map(configValue, "config");
            config = new TickConfig(decimals(c, "priceDecimals"), decimals(c, "volumeDecimals"),
                    id(c.get("simulation_id"), "config.simulation_id"));
        }
        Map<?, ?> books = map(required(tick, "books", "books"), "books");
        List<BookTick> decoded = new ArrayList<>(books.size());
        for (Map.Entry<?, ?> entry : books.entrySet()) {
            int bookId = bookId(entry.getKey());
            decoded.add(book(bookId, entry.getValue(), "books[" + bookId + "]", config.exchangeMode()));
        }
        List<String> simEvents = new ArrayList<>();
        Object events = tick.get("sim_events");
        if (events != null) {
            List<?> list = list(events, "sim_events");
            for (int i = 0; i < list.size(); i++) {
                simEvents.add(string(list.get(i), "sim_events[" + i + "]"));
            }
        }
        return new TickPacket(step, ts, decoded, simEvents, config, id(tick.get("sim_id"), "sim_id"));
    }

    private static BookTick book(int bookId, Object value, String path, boolean exchange) {
        Map<?, ?> book = map(value, path);
        List<PriceLevel> bids = levels(book.get("bids"), path + ".bids");
        List<PriceLevel> asks = levels(book.get("asks"), path + ".asks");
        List<TickEvent> events = new ArrayList<>();
        Object eventsValue = book.get("events");
        if (eventsValue != null) {
            List<?> list = list(eventsValue, path + ".events");
            for (int i = 0; i < list.size(); i++) {
                events.add(event(list.get(i), path + ".events[" + i + "]", exchange));
            }
        }
        return new BookTick(bookId, bids, asks, events);
    }

    private static List<PriceLevel> levels(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        List<?> list = list(value, path);
        List<PriceLevel> levels = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            List<?> pair = list(list.get(i), at);
            if (pair.size() < 2) {
                throw new TickFormatException("%s: a level is [price, quantity], got %d elements", at, pair.size());
            }
            levels.add(new PriceLevel(number(pair.get(0), at + "[0]"), number(pair.get(1), at + "[1]")));
        }
        return levels;
    }

    private static TickEvent event(Object value, String path, boolean exchange) {
        Map<?, ?> e = map(value, path);
        String kind = string(required(e, "y", path + ".y"), path + ".y");
        return switch (kind) {
            case "o" -> new TickEvent.Order(side(e, path), integer(e, "i", path + ".i"), num(e, "p", path),
                    num(e, "q", path), time(e, path, exchange));
            case "t" -> new TickEvent.Trade(integer(e, "Ti", path + ".Ti"), integer(e, "Mi", path + ".Mi"),
                    num(e, "p", path), num(e, "q", path), time(e, path, exchange), side(e, path));
            case "c" -> new TickEvent.Cancel(side(e, path), integer(e, "i", path + ".i"), num(e, "p", path),
                    num(e, "q", path), time(e, path, exchange));
            default -> throw new TickFormatException("%s.y: event kind must be \"o\", \"t\" or \"c\", got \"%s\"",
                    path, kind);
        };
    }

    private static Side side(Map<?, ?> e, String path) {
        return Side.ofCode(integer(e, "s", path + ".s"), path + ".s");
    }

    /** Simulation ns; exchange-mode ticks carry Unix seconds, possibly fractional (the ingest replaces them). */
    private static long time(Map<?, ?> e, String path, boolean exchange) {
        Object value = required(e, "t", path + ".t");
        if (exchange && value instanceof Double d) {
            return nonNegative((long) number(d, path + ".t"), path + ".t");
        }
        return nonNegative(integerValue(value, path + ".t"), path + ".t");
    }

    private static double num(Map<?, ?> e, String key, String path) {
        return number(required(e, key, path + "." + key), path + "." + key);
    }

    private static OptionalInt decimals(Map<?, ?> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        long d = integerValue(value, "config." + key);
        if (d < 0 || d > 18) {
            throw new TickFormatException("config.%s: decimals must be 0 to 18, got %d", key, d);
        }
        return OptionalInt.of((int) d);
    }

    private static Optional<String> id(Object value, String path) {
        return switch (value) {
            case null -> Optional.empty();
            case String s -> s.isEmpty() ? Optional.empty() : Optional.of(s);
            case Long l -> Optional.of(Long.toString(l));
            default -> throw new TickFormatException("%s: expected a string, got %s", path, kind(value));
        };
    }

    private static int bookId(Object key) {
        long id = switch (key) {
            case Long l -> l;
            case String s -> {
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new TickFormatException("books: book id must be an integer, got \"%s\"", s);
                }
            }
            default -> throw new TickFormatException("books: book id must be an integer, got %s", kind(key));
        };
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw new TickFormatException("books: book id must be 0 to 2^31-1, got %d", id);
        }
        return (int) id;
    }

    private static Object required(Map<?, ?> map, String key, String path) {
        Object value = map.get(key);
        if (value == null) {
            throw new TickFormatException("%s: missing", path);
        }
        return value;
    }

    private static long integer(Map<?, ?> map, String key, String path) {
        return integerValue(required(map, key, path), path);
    }

    private static long integerValue(Object value, String path) {
        if (value instanceof Long l) {
            return l;
        }
        throw new TickFormatException("%s: expected an integer, got %s", path, kind(value));
    }

    private static long nonNegative(long value, String path) {
        if (value < 0) {
            throw new TickFormatException("%s: must not be negative, got %d", path, value);
        }
        return value;
    }

    private static double number(Object value, String path) {
        double d = switch (value) {
            case Long l -> l;
            case Double x -> x;
            default -> throw new TickFormatException("%s: expected a number, got %s", path, kind(value));
        };
        if (!Double.isFinite(d)) {
            throw new TickFormatException("%s: must be finite, got %s", path, d);
        }
        return d;
    }

    private static String string(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw new TickFormatException("%s: expected a string, got %s", path, kind(value));
    }

    private static Map<?, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new TickFormatException("%s: expected a map, got %s", path, kind(value));
    }

    private static List<?> list(Object value, String path) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new TickFormatException("%s: expected an array, got %s", path, kind(value));
    }

    private static String kind(Object value) {
        return switch (value) {
            case null -> "nil";
            case Boolean b -> "a boolean";
            case Long l -> "an integer";
            case Double d -> "a float";
            case String s -> "a string";
            case byte[] b -> "binary";
            case List<?> l -> "an array";
            case Map<?, ?> m -> "a map";
            default -> value.getClass().getSimpleName();
        };
    }
}
