package io.mvtrx.runtime.bittensor.axon.payload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * The τaos v0.5.4 state schema (compact keys: protocol.md §2.3, §3.5) to and from platform-api records.
 *
 * <p>Numbers: the reference sends prices, volumes, balances and rates as floats; they are read as the shortest
 * decimal that round-trips (Python's {@code repr}) and scaled half-even to the configuration's decimals, so a value
 * on the grid arrives exact. Where the reference carries less than the records hold, the gap is filled as follows
 * (and said in doc/bittensor.md): resting orders and L3 events name no owner ({@link #UNKNOWN_AGENT}); account
 * orders are GTC without expiry or STP mode; loans carry no leverage or margin-call price (0); a balance's total is
 * free + reserved; a cancellation of the whole order ({@code q} nil) has volume 0.
 */
public final class StateMapping {

    /** Owner of a resting order or L3 event: the reference's book data does not name agents. */
    public static final int UNKNOWN_AGENT = Integer.MIN_VALUE;

    private StateMapping() {
    }

    /** A decoded state for one miner. */
    public record ReceivedState(int agentId, StateUpdate state) {
    }

    // ---------------------------------------------------------------- decode

    /**
     * Builds the state a miner's agent sees from the decompressed parts of a {@code MarketSimulationStateUpdate}.
     *
     * @param timestamp the synapse's {@code timestamp}
     * @param books     the decoded {@code books} part: map book id → book
     * @param payload   the decoded {@code payload} part: {@code accounts}, {@code notices}, {@code config}
     * @param ownUid    the receiving miner's uid when known (-1 if not): the payload carries one uid's accounts and
     *                  notices; when both are absent this is the agent id
     * @throws PayloadException naming the first field that does not fit the schema
     */
    public static ReceivedState decode(long timestamp, Object books, Map<?, ?> payload, int ownUid) {
        SimulationInfo info = simulation(payload.get("config"));
        BookDecimals d = info.decimals();
        int uid = receivingUid(payload, ownUid);
        List<BookState> bookStates = new ArrayList<>();
        if (books != null) {
            for (Map.Entry<?, ?> e : Fields.map(books, "books").entrySet()) {
                int bookId = Fields.key(e.getKey(), "books");
                bookStates.add(book(bookId, timestamp, Fields.map(e.getValue(), "books[" + bookId + "]"), d));
            }
        }
        bookStates.sort((a, b) -> Integer.compare(a.snapshot().bookId(), b.snapshot().bookId()));
        Map<Integer, Account> accounts = new LinkedHashMap<>();
        Object accountsByUid = payload.get("accounts");
        if (accountsByUid != null) {
            for (Map.Entry<?, ?> byUid : Fields.map(accountsByUid, "accounts").entrySet()) {
                if (Fields.key(byUid.getKey(), "accounts") != uid || byUid.getValue() == null) {
                    continue;
                }
                for (Map.Entry<?, ?> e : Fields.map(byUid.getValue(), "accounts[" + uid + "]").entrySet()) {
                    int bookId = Fields.key(e.getKey(), "accounts[" + uid + "]");
                    String path = "accounts[" + uid + "][" + bookId + "]";
                    accounts.put(bookId, account(uid, bookId, Fields.map(e.getValue(), path), d, path));
                }
            }
        }
        List<Notice> notices = new ArrayList<>();
        Object noticesByUid = payload.get("notices");
        if (noticesByUid != null) {
            for (Map.Entry<?, ?> byUid : Fields.map(noticesByUid, "notices").entrySet()) {
                if (Fields.key(byUid.getKey(), "notices") != uid || byUid.getValue() == null) {
                    continue;
                }
                List<?> list = Fields.list(byUid.getValue(), "notices[" + uid + "]");
                for (int i = 0; i < list.size(); i++) {
                    String path = "notices[" + uid + "][" + i + "]";
                    notices.addAll(notice(Fields.map(list.get(i), path), uid, info, path));
                }
            }
        }
        return new ReceivedState(uid, new StateUpdate(timestamp, info, bookStates, accounts, notices));
    }

    private static int receivingUid(Map<?, ?> payload, int ownUid) {
        for (String part : List.of("accounts", "notices")) {
            Object byUid = payload.get(part);
            if (byUid == null) {
                continue;
            }
            Map<?, ?> map = Fields.map(byUid, part);
            if (map.size() == 1) {
                int uid = Fields.key(map.keySet().iterator().next(), part);
                if (ownUid >= 0 && uid != ownUid) {
                    throw new PayloadException("%s is for uid %d, this miner is uid %d", part, uid, ownUid);
                }
                return uid;
            }
            if (map.size() > 1 && ownUid < 0) {
                throw new PayloadException("%s holds %d uids and this miner's uid is not known", part, map.size());
            }
        }
        if (ownUid < 0) {
            throw new PayloadException("neither accounts nor notices name the receiving uid");
        }
        return ownUid;
    }

    /** The configuration part; absent → the reference decimals and zeros. */
    public static SimulationInfo simulation(Object config) {
        if (config == null) {
            return new SimulationInfo("", 0, 0, 0, 0, 0, 0, BookDecimals.REFERENCE, 0, 0, 0, 0, 0, 0, "");
        }
        Map<?, ?> c = Fields.map(config, "config");
        BookDecimals d = BookDecimals.of(
                Fields.toInt(Fields.integer(c, "priceDecimals", BookDecimals.REFERENCE.price().decimals(), "config"),
                        "config.priceDecimals"),
                Fields.toInt(Fields.integer(c, "volumeDecimals", BookDecimals.REFERENCE.volume().decimals(),
                        "config"), "config.volumeDecimals"),
                Fields.toInt(Fields.integer(c, "baseDecimals", BookDecimals.REFERENCE.base().decimals(), "config"),
                        "config.baseDecimals"),
                Fields.toInt(Fields.integer(c, "quoteDecimals", BookDecimals.REFERENCE.quote().decimals(),
                        "config"), "config.quoteDecimals"));
        String feePolicy = "";
        Object fees = c.get("fee_policy");
        if (fees instanceof Map<?, ?> m) {
            feePolicy = Fields.string(m, "fee_type", "", "config.fee_policy");
        } else if (fees instanceof String s) {
            feePolicy = s;
        }
        return new SimulationInfo(
                Fields.string(c, "simulation_id", "", "config"),
                Fields.toInt(Fields.integer(c, "remoteAgentCount", 0, "config"), "config.remoteAgentCount"),
                Fields.toInt(Fields.integer(c, "block_count", 0, "config"), "config.block_count"),
                Fields.toInt(Fields.integer(c, "books_per_block", 0, "config"), "config.books_per_block"),
                Fields.integer(c, "duration", 0, "config"),
                Fields.integer(c, "grace_period", 0, "config"),
                Fields.integer(c, "publish_interval", 0, "config"),
                d,
                Fields.scaled(c, "min_order_size", d.volume(), 0, "config"),
                Fields.toInt(Fields.integer(c, "max_open_orders", 0, "config"), "config.max_open_orders"),
                Fields.scaled(c, "max_leverage", d.volume(), 0, "config"),
                Fields.scaled(c, "max_loan", d.quote(), 0, "config"),
                Fields.scaled(c, "maintenance_margin", Rate.SCALE, 0, "config"),
                Fields.scaled(c, "init_price", d.price(), 0, "config"),
                feePolicy);
    }

    private static BookState book(int bookId, long timestamp, Map<?, ?> b, BookDecimals d) {
        String path = "books[" + bookId + "]";
        if (b.containsKey("i") && b.get("i") != null && Fields.integer(b, "i", path) != bookId) {
            throw new PayloadException("%s.i = %s differs from its key", path, b.get("i"));
        }
        List<Level> bids = levels(b.get("b"), d, path + ".b");
        List<Level> asks = levels(b.get("a"), d, path + ".a");
        List<BookEvent> events = new ArrayList<>();
        Object e = b.get("e");
        if (e != null) {
            List<?> list = Fields.list(e, path + ".e");
            for (int i = 0; i < list.size(); i++) {
                events.add(event(bookId, Fields.map(list.get(i), path + ".e[" + i + "]"), d, path + ".e[" + i + "]"));
            }
        }
        long ratio = Fields.scaled(b, "r", Rate.SCALE, 0, path);
        return new BookState(new BookSnapshot(bookId, timestamp, bids, asks), events, ratio);
    }

    private static List<Level> levels(Object value, BookDecimals d, String path) {
        if (value == null) {
            return List.of();
        }
        List<?> list = Fields.list(value, path);
        List<Level> levels = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Map<?, ?> l = Fields.map(list.get(i), at);
            List<RestingOrder> orders = new ArrayList<>();
            Object o = l.get("o");
            if (o != null) {
                List<?> os = Fields.list(o, at + ".o");
                for (int k = 0; k < os.size(); k++) {
                    String op = at + ".o[" + k + "]";
                    Map<?, ?> order = Fields.map(os.get(k), op);
                    orders.add(new RestingOrder(Fields.integer(order, "i", op), UNKNOWN_AGENT,
                            Fields.scaled(order, "q", d.volume(), op), Fields.integer(order, "t", 0, op)));
                }
            }
            levels.add(new Level(Fields.scaled(l, "p", d.price(), at), Fields.scaled(l, "q", d.volume(), at), orders));
        }
        return levels;
    }

    private static BookEvent event(int bookId, Map<?, ?> e, BookDecimals d, String path) {
        String type = Fields.string(e, "y", "", path);
        return switch (type) {
            case "o" -> {
                Object price = e.get("p");
                yield new OrderPlaced(bookId, Fields.integer(e, "t", path), Fields.integer(e, "i", path),
                        UNKNOWN_AGENT, Fields.integer(e, "c", Order.NO_CLIENT_ID, path),
                        price == null ? OrderType.MARKET : OrderType.LIMIT, side(e, "s", path),
                        price == null ? 0 : Fields.scaled(price, d.price(), path + ".p"),
                        Fields.scaled(e, "q", d.volume(), path), Fields.scaled(e, "l", d.volume(), 0, path),
                        StpMode.NONE);
            }
            case "t" -> trade(bookId, e, d, path);
            case "c" -> new OrderCancelled(bookId, Fields.integer(e, "t", path), Fields.integer(e, "i", path),
                    UNKNOWN_AGENT, Fields.scaled(e, "p", d.price(), 0, path),
                    Fields.scaled(e, "q", d.volume(), 0, path),
                    0, CancelReason.REQUESTED);
            default -> throw new PayloadException("%s.y = '%s' is not an L3 event type (o, t, c)", path, type);
        };
    }

    private static Trade trade(int bookId, Map<?, ?> e, BookDecimals d, String path) {
        return new Trade(bookId, Fields.integer(e, "t", path), Fields.integer(e, "i", path), side(e, "s", path),
                Fields.integer(e, "Ti", path), Fields.integer(e, "Mi", path), Fields.int32(e, "Ta", path),
                Fields.int32(e, "Ma", path), Fields.scaled(e, "p", d.price(), path),
                Fields.scaled(e, "q", d.volume(), path), Fields.scaled(e, "Tf", d.quote(), 0, path),
                Fields.scaled(e, "Mf", d.quote(), 0, path));
    }

    private static Side side(Map<?, ?> m, String key, String path) {
        long code = Fields.integer(m, key, path);
        if (code != 0 && code != 1) {
            throw new PayloadException("%s.%s = %d is not a side (0 buy, 1 sell)", path, key, code);
        }
        return Side.ofCode((int) code);
    }

    private static Account account(int uid, int bookId, Map<?, ?> a, BookDecimals d, String path) {
        List<Order> orders = new ArrayList<>();
        Object o = a.get("o");
        if (o != null) {
            List<?> list = Fields.list(o, path + ".o");
            for (int i = 0; i < list.size(); i++) {
                String op = path + ".o[" + i + "]";
                Map<?, ?> m = Fields.map(list.get(i), op);
                orders.add(new Order(Fields.integer(m, "i", op), bookId, uid,
                        Fields.integer(m, "c", Order.NO_CLIENT_ID, op), side(m, "s", op),
                        Fields.scaled(m, "p", d.price(), 0, op), Fields.scaled(m, "q", d.volume(), op),
                        Fields.scaled(m, "l", d.volume(), 0, op), Fields.integer(m, "t", 0, op), TimeInForce.GTC, 0,
                        StpMode.NONE));
            }
        }
        List<Loan> loans = new ArrayList<>();
        Object l = a.get("l");
        if (l != null) {
            for (Map.Entry<?, ?> e : Fields.map(l, path + ".l").entrySet()) {
                String lp = path + ".l[" + e.getKey() + "]";
                Map<?, ?> m = Fields.map(e.getValue(), lp);
                Currency currency = currency(m, "c", lp);
                loans.add(new Loan(Fields.integer(m, "i", lp),
                        Fields.scaled(m, "a", currency == Currency.BASE ? d.base() : d.quote(), lp), currency, 0,
                        Fields.scaled(m, "bc", d.base(), 0, lp), Fields.scaled(m, "qc", d.quote(), 0, lp), 0));
            }
        }
        FeeRates fees = new FeeRates(0, 0, 0);
        Object f = a.get("f");
        if (f != null) {
            Map<?, ?> m = Fields.map(f, path + ".f");
            fees = new FeeRates(Fields.scaled(m, "v", d.quote(), 0, path + ".f"),
                    Fields.scaled(m, "m", Rate.SCALE, 0, path + ".f"),
                    Fields.scaled(m, "t", Rate.SCALE, 0, path + ".f"));
        }
        return new Account(uid, bookId, balance(a, "bb", d.base(), path), balance(a, "qb", d.quote(), path),
                Fields.scaled(a, "bl", d.base(), 0, path), Fields.scaled(a, "ql", d.quote(), 0, path),
                Fields.scaled(a, "bc", d.base(), 0, path), Fields.scaled(a, "qc", d.quote(), 0, path),
                orders, loans, fees);
    }

    private static Balance balance(Map<?, ?> account, String key, Scale scale, String path) {
        String bp = path + "." + key;
        Map<?, ?> b = Fields.map(Fields.required(account, key, path), bp);
        long free = Fields.scaled(b, "f", scale, bp);
        long reserved = Fields.scaled(b, "r", scale, 0, bp);
        return new Balance(free + reserved, free, reserved, Fields.scaled(b, "i", scale, 0, bp));
    }

    private static Currency currency(Map<?, ?> m, String key, String path) {
        Object v = m.get(key);
        if (v instanceof String s) {
            return switch (s) {
                case "BASE" -> Currency.BASE;
                case "QUOTE" -> Currency.QUOTE;
                default -> throw new PayloadException("%s.%s = '%s' is not BASE or QUOTE", path, key, s);
            };
        }
        long code = Fields.integer(m, key, 0, path);
        if (code != 0 && code != 1) {
            throw new PayloadException("%s.%s = %d is not a currency (0 base, 1 quote)", path, key, code);
        }
        return code == 0 ? Currency.BASE : Currency.QUOTE;
    }

    /**
     * One reference notice (abbreviated {@code y}, or the full type name) as api notices; list-valued notices
     * (cancellations, closes, resets) become one notice per item.
     */
    public static List<Notice> notice(Map<?, ?> n, int uid, SimulationInfo info, String path) {
        BookDecimals d = info.decimals();
        String type = abbreviate(Fields.string(n, "y", Fields.string(n, "type", "", path), path));
        long t = Fields.integer(n, "t", 0, path);
        return switch (type) {
            case "ESS" -> List.of(new SimulationStarted(t, info.simulationId()));
            case "ESE" -> List.of(new SimulationEnded(t, info.simulationId()));
            case "RDPOL", "RDPOM" -> {
                boolean limit = type.equals("RDPOL");
                Currency currency = limit ? Currency.BASE : currency(n, "r", path);
                yield List.of(new OrderAccepted(t, Fields.int32(n, "b", path), Fields.integer(n, "o", path),
                        Fields.integer(n, "c", Order.NO_CLIENT_ID, path), limit ? OrderType.LIMIT : OrderType.MARKET,
                        side(n, "s", path), limit ? Fields.scaled(n, "p", d.price(), 0, path) : 0,
                        Fields.scaled(n, "q", currency == Currency.BASE ? d.volume() : d.quote(), 0, path),
                        Fields.scaled(n, "l", d.volume(), 0, path)));
            }
            case "ERDPOL", "ERDPOM" -> List.of(new OrderRejected(t, Fields.int32(n, "b", path),
                    Fields.integer(n, "c", Order.NO_CLIENT_ID, path),
                    type.equals("ERDPOL") ? OrderType.LIMIT : OrderType.MARKET, side(n, "s", path),
                    rejectReason(Fields.string(n, "m", "", path))));
            case "ET" -> {
                Trade trade = trade(Fields.int32(n, "b", path), n, d, path);
                yield List.of(new TradeNotice(trade, Fields.integer(n, "c", Order.NO_CLIENT_ID, path),
                        trade.makerAgentId() == uid));
            }
            case "RDCO", "ERDCO" -> items(n, "c", path).stream().map(item -> {
                Map<?, ?> m = item.getValue();
                String ip = item.getKey();
                boolean ok = Fields.bool(m, "u", !type.startsWith("E"), ip);
                return (Notice) new CancelReport(Fields.integer(m, "t", t, ip),
                        Fields.toInt(Fields.integer(m, "b", Fields.integer(n, "b", path), ip), ip + ".b"),
                        Fields.integer(m, "o", ip), ok ? Fields.scaled(m, "q", d.volume(), 0, ip) : 0,
                        CancelReason.REQUESTED,
                        ok ? Optional.empty() : Optional.of(rejectReason(Fields.string(m, "m", "", ip))));
            }).toList();
            case "RDCP", "ERDCP" -> items(n, "o", path).stream().map(item -> {
                Map<?, ?> m = item.getValue();
                String ip = item.getKey();
                boolean ok = Fields.bool(m, "u", !type.startsWith("E"), ip);
                return (Notice) new PositionCloseReport(Fields.integer(m, "t", t, ip),
                        Fields.toInt(Fields.integer(m, "b", Fields.integer(n, "b", path), ip), ip + ".b"),
                        Fields.integer(m, "o", ip),
                        ok ? Optional.empty() : Optional.of(rejectReason(Fields.string(m, "m", "", ip))));
            }).toList();
            case "RDRA", "ERDRA" -> items(n, "r", path).stream()
                    .filter(item -> Fields.bool(item.getValue(), "u", !type.startsWith("E"), item.getKey()))
                    .map(item -> (Notice) new AgentReset(Fields.integer(item.getValue(), "t", t, item.getKey()),
                            Fields.int32(item.getValue(), "a", item.getKey())))
                    .toList();
            default -> throw new PayloadException("%s: notice type '%s' is not known", path, type);
        };
    }

    private static List<Map.Entry<String, Map<?, ?>>> items(Map<?, ?> n, String key, String path) {
        Object v = n.get(key);
        if (v == null) {
            return List.of();
        }
        List<?> list = Fields.list(v, path + "." + key);
        List<Map.Entry<String, Map<?, ?>>> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String ip = path + "." + key + "[" + i + "]";
            items.add(Map.entry(ip, Fields.map(list.get(i), ip)));
        }
        return items;
    }

    /** Full type names (EVENT_TRADE) to the abbreviation (ET): the first letter of each word. */
    static String abbreviate(String type) {
        if (!type.contains("_")) {
            return type;
        }
        StringBuilder out = new StringBuilder();
        for (String word : type.split("_")) {
            if (!word.isEmpty()) {
                out.append(word.charAt(0));
            }
        }
        return out.toString();
    }

    private static RejectReason rejectReason(String message) {
        for (RejectReason r : RejectReason.values()) {
            if (r.name().equals(message)) {
                return r;
            }
        }
        return RejectReason.INVALID_INSTRUCTION;
    }

    // ---------------------------------------------------------------- encode (the validator's side)

    /** The {@code books} part of a state: book id → compact book. Shared by every miner of a publish. */
    public static Map<Object, Object> encodeBooks(List<BookState> books, BookDecimals d) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (BookState book : books) {
            BookSnapshot s = book.snapshot();
            Map<Object, Object> b = new LinkedHashMap<>();
            b.put("i", s.bookId());
            b.put("r", Fields.toDouble(book.makerTakerRatio(), Rate.SCALE));
            List<Object> events = new ArrayList<>();
            for (BookEvent e : book.events()) {
                events.add(encodeEvent(e, d));
            }
            b.put("e", events);
            b.put("b", encodeLevels(s.bids(), d));
            b.put("a", encodeLevels(s.asks(), d));
            out.put(s.bookId(), b);
        }
        return out;
    }

    private static List<Object> encodeLevels(List<Level> levels, BookDecimals d) {
        List<Object> out = new ArrayList<>(levels.size());
        for (Level level : levels) {
            Map<Object, Object> l = new LinkedHashMap<>();
            l.put("p", Fields.toDouble(level.price(), d.price()));
            l.put("q", Fields.toDouble(level.volume(), d.volume()));
            if (!level.orders().isEmpty()) {
                List<Object> orders = new ArrayList<>();
                for (RestingOrder o : level.orders()) {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    m.put("y", "o");
                    m.put("i", o.orderId());
                    m.put("t", o.timestamp());
                    m.put("q", Fields.toDouble(o.volume(), d.volume()));
                    orders.add(m);
                }
                l.put("o", orders);
            }
            out.add(l);
        }
        return out;
    }

    private static Map<Object, Object> encodeEvent(BookEvent event, BookDecimals d) {
        Map<Object, Object> m = new LinkedHashMap<>();
        switch (event) {
            case OrderPlaced o -> {
                m.put("y", "o");
                m.put("i", o.orderId());
                m.put("c", o.clientOrderId() == Order.NO_CLIENT_ID ? null : o.clientOrderId());
                m.put("t", o.timestamp());
                m.put("q", Fields.toDouble(o.volume(), d.volume()));
                m.put("s", o.side().code());
                m.put("p", o.type() == OrderType.MARKET ? null : Fields.toDouble(o.price(), d.price()));
                m.put("l", Fields.toDouble(o.leverage(), d.volume()));
            }
            case Trade t -> putTrade(m, t, d);
            case OrderCancelled c -> {
                m.put("y", "c");
                m.put("i", c.orderId());
                m.put("t", c.timestamp());
                m.put("p", Fields.toDouble(c.price(), d.price()));
                m.put("q", Fields.toDouble(c.volume(), d.volume()));
            }
        }
        return m;
    }

    private static void putTrade(Map<Object, Object> m, Trade t, BookDecimals d) {
        m.put("y", "t");
        m.put("i", t.tradeId());
        m.put("s", t.takerSide().code());
        m.put("t", t.timestamp());
        m.put("q", Fields.toDouble(t.volume(), d.volume()));
        m.put("p", Fields.toDouble(t.price(), d.price()));
        m.put("Ti", t.takerOrderId());
        m.put("Ta", t.takerAgentId());
        m.put("Tf", Fields.toDouble(t.takerFee(), d.quote()));
        m.put("Mi", t.makerOrderId());
        m.put("Ma", t.makerAgentId());
        m.put("Mf", Fields.toDouble(t.makerFee(), d.quote()));
    }

    /**
     * The miner-specific {@code payload} part: {@code pools} nil, the miner's accounts and notices under its uid, the
     * configuration, {@code response} nil.
     */
    public static Map<Object, Object> encodePayload(int uid, StateUpdate state) {
        BookDecimals d = state.simulation().decimals();
        Map<Object, Object> accounts = new LinkedHashMap<>();
        state.accounts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> accounts.put(e.getKey(), encodeAccount(e.getValue(), d)));
        List<Object> notices = new ArrayList<>();
        for (Notice n : state.notices()) {
            notices.add(encodeNotice(n, uid, d));
        }
        Map<Object, Object> payload = new LinkedHashMap<>();
        payload.put("pools", null);
        payload.put("accounts", Map.of(uid, accounts));
        payload.put("notices", Map.of(uid, notices));
        payload.put("config", encodeConfig(state.simulation()));
        payload.put("response", null);
        return payload;
    }

    /** {@code MarketSimulationConfig} fields the records carry. */
    public static Map<Object, Object> encodeConfig(SimulationInfo s) {
        BookDecimals d = s.decimals();
        Map<Object, Object> c = new LinkedHashMap<>();
        c.put("simulation_id", s.simulationId());
        c.put("logDir", null);
        c.put("remoteAgentCount", s.remoteAgentCount());
        c.put("block_count", s.blockCount());
        c.put("time_unit", "ns");
        c.put("duration", s.duration());
        c.put("grace_period", s.gracePeriod());
        c.put("publish_interval", s.publishInterval());
        c.put("books_per_block", s.booksPerBlock());
        c.put("book_count", s.bookCount());
        c.put("baseDecimals", d.base().decimals());
        c.put("quoteDecimals", d.quote().decimals());
        c.put("priceDecimals", d.price().decimals());
        c.put("volumeDecimals", d.volume().decimals());
        c.put("fee_policy", Map.of("fee_type", s.feePolicy()));
        c.put("min_order_size", Fields.toDouble(s.minOrderSize(), d.volume()));
        c.put("max_open_orders", s.maxOpenOrders());
        c.put("max_leverage", Fields.toDouble(s.maxLeverage(), d.volume()));
        c.put("max_loan", Fields.toDouble(s.maxLoan(), d.quote()));
        c.put("maintenance_margin", Fields.toDouble(s.maintenanceMargin(), Rate.SCALE));
        c.put("init_price", Fields.toDouble(s.initialPrice(), d.price()));
        return c;
    }

    private static Map<Object, Object> encodeAccount(Account a, BookDecimals d) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("i", a.agentId());
        m.put("b", a.bookId());
        m.put("bb", encodeBalance("BASE", a.base(), d.base()));
        m.put("qb", encodeBalance("QUOTE", a.quote(), d.quote()));
        m.put("bl", Fields.toDouble(a.baseLoan(), d.base()));
        m.put("ql", Fields.toDouble(a.quoteLoan(), d.quote()));
        m.put("bc", Fields.toDouble(a.baseCollateral(), d.base()));
        m.put("qc", Fields.toDouble(a.quoteCollateral(), d.quote()));
        List<Object> orders = new ArrayList<>();
        for (Order o : a.orders()) {
            Map<Object, Object> om = new LinkedHashMap<>();
            om.put("y", "o");
            om.put("i", o.orderId());
            om.put("c", o.clientOrderId() == Order.NO_CLIENT_ID ? null : o.clientOrderId());
            om.put("t", o.timestamp());
            om.put("q", Fields.toDouble(o.volume(), d.volume()));
            om.put("s", o.side().code());
            om.put("p", Fields.toDouble(o.price(), d.price()));
            om.put("l", Fields.toDouble(o.leverage(), d.volume()));
            orders.add(om);
        }
        m.put("o", orders);
        Map<Object, Object> loans = new LinkedHashMap<>();
        for (Loan l : a.loans()) {
            Map<Object, Object> lm = new LinkedHashMap<>();
            lm.put("i", l.orderId());
            lm.put("a", Fields.toDouble(l.amount(), l.currency() == Currency.BASE ? d.base() : d.quote()));
            lm.put("c", l.currency() == Currency.BASE ? 0 : 1);
            lm.put("bc", Fields.toDouble(l.baseCollateral(), d.base()));
            lm.put("qc", Fields.toDouble(l.quoteCollateral(), d.quote()));
            loans.put(l.orderId(), lm);
        }
        m.put("l", loans);
        Map<Object, Object> f = new LinkedHashMap<>();
        f.put("v", Fields.toDouble(a.fees().volume(), d.quote()));
        f.put("m", Fields.toDouble(a.fees().makerRate(), Rate.SCALE));
        f.put("t", Fields.toDouble(a.fees().takerRate(), Rate.SCALE));
        m.put("f", f);
        return m;
    }

    private static Map<Object, Object> encodeBalance(String currency, Balance b, Scale scale) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("c", currency);
        m.put("t", Fields.toDouble(b.total(), scale));
        m.put("f", Fields.toDouble(b.free(), scale));
        m.put("r", Fields.toDouble(b.reserved(), scale));
        m.put("i", Fields.toDouble(b.initial(), scale));
        return m;
    }

    /** One api notice in the reference's compact form. */
    public static Map<Object, Object> encodeNotice(Notice notice, int uid, BookDecimals d) {
        Map<Object, Object> m = new LinkedHashMap<>();
        switch (notice) {
            case SimulationStarted s -> {
                m.put("y", "ESS");
                m.put("t", s.timestamp());
                m.put("l", s.simulationId());
            }
            case SimulationEnded s -> {
                m.put("y", "ESE");
                m.put("t", s.timestamp());
            }
            case OrderAccepted o -> {
                boolean limit = o.type() == OrderType.LIMIT;
                m.put("y", limit ? "RDPOL" : "RDPOM");
                m.put("t", o.timestamp());
                m.put("a", uid);
                m.put("b", o.bookId());
                m.put("o", o.orderId());
                m.put("c", o.clientOrderId() == Order.NO_CLIENT_ID ? null : o.clientOrderId());
                m.put("s", o.side().code());
                m.put("q", Fields.toDouble(o.volume(), d.volume()));
                m.put("u", true);
                m.put("m", "");
                m.put("l", Fields.toDouble(o.leverage(), d.volume()));
                if (limit) {
                    m.put("p", Fields.toDouble(o.price(), d.price()));
                } else {
                    m.put("r", 0);
                }
            }
            case OrderRejected o -> {
                m.put("y", o.type() == OrderType.LIMIT ? "ERDPOL" : "ERDPOM");
                m.put("t", o.timestamp());
                m.put("a", uid);
                m.put("b", o.bookId());
                m.put("o", null);
                m.put("c", o.clientOrderId() == Order.NO_CLIENT_ID ? null : o.clientOrderId());
                m.put("s", o.side().code());
                m.put("u", false);
                m.put("m", o.reason().name());
            }
            case TradeNotice t -> {
                putTrade(m, t.trade(), d);
                m.put("y", "ET");
                m.put("a", uid);
                m.put("b", t.trade().bookId());
                m.put("c", t.clientOrderId() == Order.NO_CLIENT_ID ? null : t.clientOrderId());
            }
            case CancelReport c -> {
                m.put("y", c.success() ? "RDCO" : "ERDCO");
                m.put("t", c.timestamp());
                m.put("a", uid);
                m.put("b", c.bookId());
                Map<Object, Object> item = new LinkedHashMap<>();
                item.put("t", c.timestamp());
                item.put("b", c.bookId());
                item.put("o", c.orderId());
                item.put("q", Fields.toDouble(c.volume(), d.volume()));
                item.put("u", c.success());
                item.put("m", c.failure().map(Enum::name).orElse(""));
                m.put("c", List.of(item));
            }
            case PositionCloseReport p -> {
                boolean ok = p.failure().isEmpty();
                m.put("y", ok ? "RDCP" : "ERDCP");
                m.put("t", p.timestamp());
                m.put("a", uid);
                m.put("b", p.bookId());
                Map<Object, Object> item = new LinkedHashMap<>();
                item.put("t", p.timestamp());
                item.put("b", p.bookId());
                item.put("o", p.orderId());
                item.put("u", ok);
                item.put("m", p.failure().map(Enum::name).orElse(""));
                m.put("o", List.of(item));
            }
            case AgentReset r -> {
                m.put("y", "RDRA");
                m.put("t", r.timestamp());
                Map<Object, Object> item = new LinkedHashMap<>();
                item.put("a", r.agentId());
                item.put("t", r.timestamp());
                item.put("u", true);
                item.put("m", "");
                m.put("r", List.of(item));
            }
        }
        return m;
    }
}
