package io.mvtrx.runtime.exchange.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.runtime.exchange.Exchange;
import io.mvtrx.runtime.exchange.ExchangeListener;
import io.mvtrx.runtime.exchange.ExchangeSpec;

/**
 * The engine behind {@code mvtrx replay --config SIM.xml --orders FILE.jsonl}: feeds a JSON Lines stream of
 * instructions through one {@link Exchange} and writes a JSON Lines record of every outcome. The format is
 * documented in doc/replay.md; in short, each input line is a flat object with {@code t} (ns, never decreasing),
 * {@code op} ({@code deposit}, {@code limit}, {@code market}, {@code cancel}, {@code close}, {@code step}),
 * {@code agent} and {@code book}, and decimals as strings (or numbers), truncated to the book's decimals as the
 * reference does. Every line's {@code t} first advances the exchange's clock, which expires due GTT orders.
 *
 * <p>A malformed line (bad JSON, a missing, unknown or mistyped field, time going backwards) prints one line to
 * {@code err} naming the line number and the field, is skipped, and the run goes on; the exit code is then 1.
 * After the last line come one {@code book} line per book, one {@code account} line per agent and book, and one
 * {@code fees} line per book.
 *
 * {@snippet :
 * int exit = ReplayRunner.run(spec, priceTime, fees, Files.newBufferedReader(orders),
 *         new PrintWriter(System.out), new PrintWriter(System.err));
 * }
 */
public final class ReplayRunner {

    private static final Set<String> COMMON = Set.of("t", "op", "agent", "book");
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "deposit", Set.of("base", "quote"),
            "limit", Set.of("side", "price", "volume", "tif", "expiry", "postOnly", "stp", "clientOrderId",
                    "leverage", "currency", "settle", "stopLoss", "takeProfit"),
            "market", Set.of("side", "volume", "currency", "maxSlippage", "leverage", "stp", "clientOrderId",
                    "settle", "stopLoss", "takeProfit"),
            "cancel", Set.of("orderId", "volume"),
            "close", Set.of("orderId", "volume"),
            "step", Set.of());

    private final ExchangeSpec spec;
    private final Exchange exchange;
    private final Writer out;
    private final Writer err;
    private final JsonWriter json = new JsonWriter();
    private long lineNumber;
    private boolean malformed;

    private ReplayRunner(ExchangeSpec spec, MatchingRule rule, FeePolicy fees, Writer out, Writer err) {
        this.spec = spec;
        this.out = out;
        this.err = err;
        this.exchange = new Exchange(spec, rule, fees, new Output());
    }

    /**
     * Replays a stream.
     *
     * @param spec   the exchange section of the configuration
     * @param rule   the matching rule named by the configuration
     * @param fees   the fee policy named by the configuration, created for this exchange
     * @param orders JSON Lines of instructions
     * @param out    receives JSON Lines of outcomes, flushed at the end
     * @param err    receives one line per malformed input line, flushed at the end
     * @return 0, or 1 if any input line was malformed
     * @throws UncheckedIOException if reading or writing fails
     */
    public static int run(ExchangeSpec spec, MatchingRule rule, FeePolicy fees, Reader orders, Writer out,
                          Writer err) {
        ReplayRunner runner = new ReplayRunner(spec, rule, fees, out, err);
        try {
            BufferedReader in = orders instanceof BufferedReader buffered ? buffered : new BufferedReader(orders);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                runner.lineNumber++;
                if (!line.isBlank()) {
                    runner.handle(line);
                }
            }
            runner.finish();
            out.flush();
            err.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("replay I/O failed after line " + runner.lineNumber, e);
        }
        return runner.malformed ? 1 : 0;
    }

    private void handle(String text) throws IOException {
        Fields line;
        try {
            line = new Fields(JsonReader.object(text));
            check(line);
        } catch (JsonException e) {
            report(e);
            return;
        }
        try {
            dispatch(line);
        } catch (JsonException e) {
            report(e);
        }
    }

    private void report(JsonException e) throws IOException {
        malformed = true;
        String where = e.field() == null ? "" : "field '" + e.field() + "': ";
        err.write("line " + lineNumber + ": " + where + e.getMessage() + System.lineSeparator());
    }

    private void check(Fields line) throws JsonException {
        String op = line.text("op");
        Set<String> allowed = OPTIONAL.get(op);
        if (allowed == null) {
            throw new JsonException("op", "unknown op '%s'; expected one of deposit, limit, market, cancel, close, "
                    + "step", op);
        }
        for (String name : line.names()) {
            if (!COMMON.contains(name) && !allowed.contains(name)) {
                throw new JsonException(name, "not a field of op '%s'", op);
            }
        }
        long t = line.integer("t");
        if (t < exchange.now()) {
            throw new JsonException("t", "time must not go backwards: %d after %d", t, exchange.now());
        }
    }

    private void dispatch(Fields line) throws JsonException {
        String op = line.text("op");
        long t = line.integer("t");
        if (op.equals("step")) {
            exchange.step(t);
            return;
        }
        int agent = line.int32("agent");
        int book = line.int32("book");
        BookDecimals d = spec.decimals(book >= 0 && book < spec.bookCount() ? book : 0);
        switch (op) {
            case "deposit" -> {
                long base = line.decimal("base", d.base(), 0);
                long quote = line.decimal("quote", d.quote(), 0);
                exchange.advanceTo(t);
                int code = exchange.deposit(agent, book, base, quote);
                if (code == 0) {
                    write(json.reset().field("type", "deposited").field("t", t).field("agent", agent)
                            .field("book", book).field("base", d.base().format(base))
                            .field("quote", d.quote().format(quote)));
                } else {
                    rejected(t, agent, book, "deposit", reasonOf(code)).field("base", d.base().format(base))
                            .field("quote", d.quote().format(quote));
                    write(json);
                }
            }
            case "limit" -> {
                Side side = side(line);
                Currency currency = currency(line);
                long price = line.decimalRequired("price", d.price());
                long volume = line.decimalRequired("volume", currency == Currency.BASE ? d.volume() : d.quote());
                TimeInForce tif = line.has("tif") ? line.choice("tif", TimeInForce.class) : TimeInForce.GTC;
                long expiry = 0;
                if (tif == TimeInForce.GTT) {
                    if (!line.has("expiry")) {
                        throw new JsonException("expiry", "required for tif GTT (absolute ns)");
                    }
                    expiry = line.integer("expiry");
                } else if (line.has("expiry")) {
                    throw new JsonException("expiry", "only allowed with tif GTT");
                }
                boolean postOnly = line.has("postOnly") && line.bool("postOnly");
                StpMode stp = line.has("stp") ? line.choice("stp", StpMode.class) : StpMode.CO;
                long clientOrderId = line.has("clientOrderId") ? line.integer("clientOrderId") : Order.NO_CLIENT_ID;
                long leverage = line.decimal("leverage", d.volume(), 0);
                long settle = settle(line);
                long stopLoss = line.decimal("stopLoss", Rate.SCALE, 0);
                long takeProfit = line.decimal("takeProfit", Rate.SCALE, 0);
                exchange.advanceTo(t);
                exchange.placeLimit(agent, book, side, price, volume, currency, leverage, tif, expiry, postOnly, stp,
                        clientOrderId, settle, stopLoss, takeProfit);
            }
            case "market" -> {
                Side side = side(line);
                Currency currency = currency(line);
                long volume = line.decimalRequired("volume", currency == Currency.BASE ? d.volume() : d.quote());
                long slippage = line.decimal("maxSlippage", Rate.SCALE, 0);
                long leverage = line.decimal("leverage", d.volume(), 0);
                StpMode stp = line.has("stp") ? line.choice("stp", StpMode.class) : StpMode.CO;
                long clientOrderId = line.has("clientOrderId") ? line.integer("clientOrderId") : Order.NO_CLIENT_ID;
                long settle = settle(line);
                long stopLoss = line.decimal("stopLoss", Rate.SCALE, 0);
                long takeProfit = line.decimal("takeProfit", Rate.SCALE, 0);
                exchange.advanceTo(t);
                exchange.placeMarket(agent, book, side, volume, currency, leverage, slippage, stp, clientOrderId,
                        settle, stopLoss, takeProfit);
            }
            case "cancel" -> {
                long orderId = line.integer("orderId");
                long volume = line.decimal("volume", d.volume(), CancelOrders.Cancellation.ALL);
                exchange.advanceTo(t);
                exchange.cancel(agent, book, orderId, volume);
            }
            case "close" -> {
                long orderId = line.integer("orderId");
                Scale units = d.base();
                if (exchange.hasAccount(agent) && book >= 0 && book < spec.bookCount()) {
                    for (Loan loan : exchange.account(agent, book).loans()) {
                        if (loan.orderId() == orderId && loan.currency() == Currency.QUOTE) {
                            units = d.quote();
                        }
                    }
                }
                long amount = line.decimal("volume", units, ClosePositions.PositionClose.ALL);
                exchange.advanceTo(t);
                exchange.closePosition(agent, book, orderId, amount);
            }
            default -> throw new IllegalStateException("op " + op + " passed the check but has no handler");
        }
    }

    private static Side side(Fields line) throws JsonException {
        return line.choice("side", Side.class);
    }

    private static Currency currency(Fields line) throws JsonException {
        return line.has("currency") ? line.choice("currency", Currency.class) : Currency.BASE;
    }

    private static long settle(Fields line) throws JsonException {
        if (!line.has("settle")) {
            return SettleFlag.FIFO;
        }
        if (line.value("settle") instanceof JsonValue.Text text) {
            return switch (text.value().toUpperCase(Locale.ROOT)) {
                case "NONE" -> SettleFlag.NONE;
                case "FIFO" -> SettleFlag.FIFO;
                default -> throw new JsonException("settle", "expected \"NONE\", \"FIFO\" or an order id, got %s",
                        text.describe());
            };
        }
        long orderId = line.integer("settle");
        if (orderId < 0) {
            throw new JsonException("settle", "an order id must be >= 0, got %d", orderId);
        }
        return orderId;
    }

    private static RejectReason reasonOf(long code) {
        for (RejectReason reason : RejectReason.values()) {
            if (reason.code() == code) {
                return reason;
            }
        }
        throw new IllegalStateException("unknown reject code " + code);
    }

    private JsonWriter rejected(long t, int agent, int book, String op, RejectReason reason) {
        return json.reset().field("type", "rejected").field("t", t).field("agent", agent).field("book", book)
                .field("op", op).field("reason", reason.name());
    }

    private void finish() {
        for (int book = 0; book < exchange.bookCount(); book++) {
            BookDecimals d = spec.decimals(book);
            BookSnapshot snapshot = exchange.snapshot(book, Integer.MAX_VALUE, 0);
            write(json.reset().field("type", "book").field("book", book).pairs("bids", levels(snapshot.bids(), d))
                    .pairs("asks", levels(snapshot.asks(), d)));
        }
        for (int agent : exchange.agentIds()) {
            for (int book = 0; book < exchange.bookCount(); book++) {
                BookDecimals d = spec.decimals(book);
                Account a = exchange.account(agent, book);
                write(json.reset().field("type", "account").field("agent", agent).field("book", book)
                        .field("baseTotal", d.base().format(a.base().total()))
                        .field("baseFree", d.base().format(a.base().free()))
                        .field("baseReserved", d.base().format(a.base().reserved()))
                        .field("quoteTotal", d.quote().format(a.quote().total()))
                        .field("quoteFree", d.quote().format(a.quote().free()))
                        .field("quoteReserved", d.quote().format(a.quote().reserved()))
                        .field("baseLoan", d.base().format(a.baseLoan()))
                        .field("quoteLoan", d.quote().format(a.quoteLoan()))
                        .field("baseCollateral", d.base().format(a.baseCollateral()))
                        .field("quoteCollateral", d.quote().format(a.quoteCollateral())));
            }
        }
        for (int book = 0; book < exchange.bookCount(); book++) {
            BookDecimals d = spec.decimals(book);
            write(json.reset().field("type", "fees").field("book", book)
                    .field("base", d.base().format(exchange.feesBase(book)))
                    .field("quote", d.quote().format(exchange.feesQuote(book))));
        }
    }

    private static List<String[]> levels(List<Level> levels, BookDecimals d) {
        List<String[]> pairs = new ArrayList<>(levels.size());
        for (Level level : levels) {
            pairs.add(new String[] {d.price().format(level.price()), d.volume().format(level.volume())});
        }
        return pairs;
    }

    private void write(JsonWriter line) {
        try {
            out.write(line.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replay output", e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Turns the exchange's callbacks into output lines. */
    private final class Output implements ExchangeListener {

        private final JsonWriter line = new JsonWriter();

        private BookDecimals d(int book) {
            return spec.decimals(book >= 0 && book < spec.bookCount() ? book : 0);
        }

        @Override
        public void onAccepted(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                               OrderType type, Side side, long price, long volume, long leverage) {
            BookDecimals d = d(bookId);
            line.reset().field("type", "accepted").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("orderId", orderId).field("op", lower(type))
                    .field("side", lower(side));
            if (type == OrderType.LIMIT) {
                line.field("price", d.price().format(price));
            }
            line.field("volume", d.volume().format(volume));
            if (leverage != 0) {
                line.field("leverage", d.volume().format(leverage));
            }
            if (clientOrderId != Order.NO_CLIENT_ID) {
                line.field("clientOrderId", clientOrderId);
            }
            write(line);
        }

        @Override
        public void onRejected(long timestamp, int bookId, int agentId, long clientOrderId, OrderType type,
                               Side side, RejectReason reason) {
            line.reset().field("type", "rejected").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("op", lower(type)).field("reason", reason.name())
                    .field("side", lower(side));
            if (clientOrderId != Order.NO_CLIENT_ID) {
                line.field("clientOrderId", clientOrderId);
            }
            write(line);
        }

        @Override
        public void onTrade(long timestamp, int bookId, long tradeId, Side takerSide, long takerOrderId,
                            long makerOrderId, int takerAgentId, int makerAgentId, long price, long volume,
                            long takerFee, long makerFee) {
            BookDecimals d = d(bookId);
            write(line.reset().field("type", "trade").field("t", timestamp).field("book", bookId)
                    .field("tradeId", tradeId).field("side", lower(takerSide))
                    .field("price", d.price().format(price)).field("volume", d.volume().format(volume))
                    .field("makerOrderId", makerOrderId).field("takerOrderId", takerOrderId)
                    .field("makerAgent", makerAgentId).field("takerAgent", takerAgentId)
                    .field("makerFee", d.quote().format(makerFee)).field("takerFee", d.quote().format(takerFee)));
        }

        @Override
        public void onPlaced(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                             OrderType type, Side side, long price, long volume, long leverage, StpMode stp) {
            BookDecimals d = d(bookId);
            write(line.reset().field("type", "placed").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("orderId", orderId).field("side", lower(side))
                    .field("price", d.price().format(price)).field("volume", d.volume().format(volume)));
        }

        @Override
        public void onCancelled(long timestamp, int bookId, long orderId, int agentId, long price, long volume,
                                long remaining, CancelReason reason) {
            BookDecimals d = d(bookId);
            if (reason == CancelReason.EXPIRED) {
                write(line.reset().field("type", "expired").field("t", timestamp).field("agent", agentId)
                        .field("book", bookId).field("orderId", orderId)
                        .field("volume", d.volume().format(volume)));
                return;
            }
            String why = switch (reason) {
                case REQUESTED -> "requested";
                case SELF_TRADE -> "selfTrade";
                case UNFILLED -> "unfilled";
                case RESET -> "reset";
                case EXPIRED -> "expired";
            };
            write(line.reset().field("type", "cancelled").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("orderId", orderId).field("volume", d.volume().format(volume))
                    .field("remaining", d.volume().format(remaining)).field("reason", why));
        }

        @Override
        public void onCancelRejected(long timestamp, int bookId, int agentId, long orderId, RejectReason reason) {
            write(line.reset().field("type", "rejected").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("op", "cancel").field("reason", reason.name())
                    .field("orderId", orderId));
        }

        @Override
        public void onPositionClose(long timestamp, int bookId, int agentId, long orderId, long amount,
                                    Currency currency, RejectReason reason) {
            if (reason != null) {
                write(line.reset().field("type", "rejected").field("t", timestamp).field("agent", agentId)
                        .field("book", bookId).field("op", "close").field("reason", reason.name())
                        .field("orderId", orderId));
                return;
            }
            write(line.reset().field("type", "closing").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("orderId", orderId)
                    .field("amount", (currency == Currency.QUOTE ? d(bookId).quote() : d(bookId).base()).format(amount))
                    .field("currency", lower(currency)));
        }

        @Override
        public void onStopTriggered(long timestamp, int bookId, int agentId, long orderId, Side closingSide,
                                    long quantity, int reason) {
            write(line.reset().field("type", "stopTriggered").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("orderId", orderId).field("side", lower(closingSide))
                    .field("volume", d(bookId).volume().format(quantity))
                    .field("reason", reason == 1 ? "stopLoss" : "takeProfit"));
        }

        @Override
        public void onMarginCall(long timestamp, int bookId, int agentId, long orderId, long marginCallPrice) {
            write(line.reset().field("type", "marginCall").field("t", timestamp).field("agent", agentId)
                    .field("book", bookId).field("orderId", orderId)
                    .field("price", d(bookId).price().format(marginCallPrice)));
        }
    }

    /** Typed access to one input line's fields; every failure names the field. */
    private static final class Fields {

        private final Map<String, JsonValue> values;

        Fields(Map<String, JsonValue> values) {
            this.values = values;
        }

        Set<String> names() {
            return values.keySet();
        }

        boolean has(String name) {
            return values.containsKey(name) && values.get(name) != JsonValue.Null.NULL;
        }

        JsonValue value(String name) throws JsonException {
            JsonValue value = values.get(name);
            if (value == null) {
                throw new JsonException(name, "required");
            }
            return value;
        }

        String text(String name) throws JsonException {
            if (value(name) instanceof JsonValue.Text text) {
                return text.value();
            }
            throw new JsonException(name, "expected a string, got %s", value(name).describe());
        }

        long integer(String name) throws JsonException {
            if (value(name) instanceof JsonValue.Number number) {
                try {
                    return new BigDecimal(number.text()).longValueExact();
                } catch (ArithmeticException e) {
                    throw new JsonException(name, "expected an integer that fits 64 bits, got %s", number.text());
                }
            }
            throw new JsonException(name, "expected an integer, got %s", value(name).describe());
        }

        int int32(String name) throws JsonException {
            long value = integer(name);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new JsonException(name, "expected a 32-bit integer, got %d", value);
            }
            return (int) value;
        }

        boolean bool(String name) throws JsonException {
            if (value(name) instanceof JsonValue.Bool b) {
                return b.value();
            }
            throw new JsonException(name, "expected true or false, got %s", value(name).describe());
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) throws JsonException {
            String text = text(name);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw new JsonException(name, "expected one of %s, got \"%s\"", names, text);
        }

        long decimalRequired(String name, Scale scale) throws JsonException {
            String text = switch (value(name)) {
                case JsonValue.Text t -> t.value();
                case JsonValue.Number n -> n.text();
                case JsonValue.Bool b -> throw new JsonException(name, "expected a decimal string, got %s",
                        b.describe());
                case JsonValue.Null n -> throw new JsonException(name, "expected a decimal string, got null");
            };
            try {
                return scale.parse(text, RoundingMode.DOWN);
            } catch (NumberFormatException e) {
                throw new JsonException(name, "expected a decimal string, got \"%s\"", text);
            } catch (ArithmeticException e) {
                throw new JsonException(name, "\"%s\" does not fit at %d decimals", text, scale.decimals());
            }
        }

        long decimal(String name, Scale scale, long absent) throws JsonException {
            return has(name) ? decimalRequired(name, scale) : absent;
        }
    }
}
