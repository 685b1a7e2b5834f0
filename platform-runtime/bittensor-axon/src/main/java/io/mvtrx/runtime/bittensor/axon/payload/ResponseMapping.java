package io.mvtrx.runtime.bittensor.axon.payload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;

/**
 * {@code FinanceAgentResponse} ({@code {agent_id, instructions}}, protocol.md §3.6) to and from {@link AgentResponse}.
 * Instruction dicts carry the pydantic field names: {@code agentId, delay, type, bookId, direction, quantity, price,
 * clientOrderId, stp, currency, leverage, settleFlag, delegate, max_slippage, stop_loss, take_profit, postOnly,
 * timeInForce, expiryPeriod, cancellations, closes, agentIds}.
 *
 * <p>Encoding writes STP mode NONE as CANCEL_OLDEST (1): the reference's pydantic literal refuses 0 and one invalid
 * instruction voids the whole response, while its validator rewrites NO_STP to CANCEL_OLDEST anyway (protocol.md
 * §13.5). Decoding, like the reference validator, refuses the whole response when any instruction is malformed.
 */
public final class ResponseMapping {

    private ResponseMapping() {
    }

    /** The response as the reference dumps it. */
    public static Map<Object, Object> encode(AgentResponse response, BookDecimals d) {
        List<Object> instructions = new ArrayList<>();
        for (Instruction instruction : response.instructions()) {
            instructions.add(encode(response.agentId(), instruction, d));
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        out.put("agent_id", response.agentId());
        out.put("instructions", instructions);
        return out;
    }

    private static Map<Object, Object> encode(int agentId, Instruction instruction, BookDecimals d) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("agentId", agentId);
        m.put("delay", instruction.delay());
        switch (instruction) {
            case PlaceMarket p -> {
                m.put("type", "PLACE_ORDER_MARKET");
                m.put("bookId", p.bookId());
                m.put("direction", p.side().code());
                m.put("quantity", Fields.toDouble(p.volume(), volumeScale(p.currency(), d)));
                m.put("clientOrderId", clientId(p.clientOrderId()));
                m.put("stp", stp(p.stp()));
                m.put("currency", p.currency().ordinal());
                m.put("leverage", Fields.toDouble(p.leverage(), d.volume()));
                m.put("settleFlag", p.settleFlag());
                m.put("delegate", "");
                m.put("max_slippage", rateOrNull(p.maxSlippage()));
                m.put("stop_loss", rateOrNull(p.stopLoss()));
                m.put("take_profit", rateOrNull(p.takeProfit()));
            }
            case PlaceLimit p -> {
                m.put("type", "PLACE_ORDER_LIMIT");
                m.put("bookId", p.bookId());
                m.put("direction", p.side().code());
                m.put("quantity", Fields.toDouble(p.volume(), volumeScale(p.currency(), d)));
                m.put("price", Fields.toDouble(p.price(), d.price()));
                m.put("clientOrderId", clientId(p.clientOrderId()));
                m.put("stp", stp(p.stp()));
                m.put("currency", p.currency().ordinal());
                m.put("leverage", Fields.toDouble(p.leverage(), d.volume()));
                m.put("settleFlag", p.settleFlag());
                m.put("delegate", "");
                m.put("stop_loss", rateOrNull(p.stopLoss()));
                m.put("take_profit", rateOrNull(p.takeProfit()));
                m.put("postOnly", p.postOnly());
                m.put("timeInForce", p.timeInForce().code());
                m.put("expiryPeriod", p.expiryPeriod() == 0 ? null : p.expiryPeriod());
            }
            case CancelOrders c -> {
                m.put("type", "CANCEL_ORDERS");
                m.put("bookId", c.bookId());
                List<Object> items = new ArrayList<>();
                for (CancelOrders.Cancellation x : c.cancellations()) {
                    Map<Object, Object> item = new LinkedHashMap<>();
                    item.put("orderId", x.orderId());
                    item.put("volume", x.volume() == CancelOrders.Cancellation.ALL ? null
                            : Fields.toDouble(x.volume(), d.volume()));
                    items.add(item);
                }
                m.put("cancellations", items);
            }
            case ClosePositions c -> {
                m.put("type", "CLOSE_POSITIONS");
                m.put("bookId", c.bookId());
                List<Object> items = new ArrayList<>();
                for (ClosePositions.PositionClose x : c.closes()) {
                    Map<Object, Object> item = new LinkedHashMap<>();
                    item.put("orderId", x.orderId());
                    item.put("volume", x.volume() == ClosePositions.PositionClose.ALL ? null
                            : Fields.toDouble(x.volume(), d.volume()));
                    items.add(item);
                }
                m.put("closes", items);
            }
            case ResetAgents r -> {
                m.put("type", "RESET_AGENT");
                m.put("agentIds", new ArrayList<Object>(r.agentIds()));
            }
        }
        return m;
    }

    /**
     * Reads a dumped response.
     *
     * @throws PayloadException naming the first instruction field that is missing or invalid
     */
    public static AgentResponse decode(Object value, BookDecimals d) {
        Map<?, ?> r = Fields.map(value, "response");
        int agentId = Fields.int32(r, "agent_id", "response");
        List<Instruction> instructions = new ArrayList<>();
        Object list = r.get("instructions");
        if (list != null) {
            List<?> items = Fields.list(list, "response.instructions");
            for (int i = 0; i < items.size(); i++) {
                String path = "response.instructions[" + i + "]";
                instructions.add(instruction(Fields.map(items.get(i), path), d, path));
            }
        }
        return new AgentResponse(agentId, instructions);
    }

    private static Instruction instruction(Map<?, ?> m, BookDecimals d, String path) {
        String type = Fields.string(m, "type", "", path);
        long delay = Fields.integer(m, "delay", 0, path);
        if (delay < 0) {
            throw new PayloadException("%s.delay = %d is negative", path, delay);
        }
        try {
            return switch (type) {
                case "PLACE_ORDER_MARKET" -> {
                    Currency currency = currency(m, path);
                    yield new PlaceMarket(Fields.int32(m, "bookId", path), side(m, path),
                            positive(m, "quantity", volumeScale(currency, d), path), currency,
                            Fields.scaled(m, "leverage", d.volume(), 0, path),
                            Fields.scaled(m, "max_slippage", Rate.SCALE, 0, path), stp(m, path),
                            Fields.integer(m, "clientOrderId", Order.NO_CLIENT_ID, path), settle(m, path),
                            Fields.scaled(m, "stop_loss", Rate.SCALE, 0, path),
                            Fields.scaled(m, "take_profit", Rate.SCALE, 0, path), delay);
                }
                case "PLACE_ORDER_LIMIT" -> {
                    Currency currency = currency(m, path);
                    TimeInForce tif = TimeInForce.ofCode(Fields.toInt(Fields.integer(m, "timeInForce", 0, path),
                            path + ".timeInForce"));
                    yield new PlaceLimit(Fields.int32(m, "bookId", path), side(m, path),
                            positive(m, "price", d.price(), path),
                            positive(m, "quantity", volumeScale(currency, d), path), currency,
                            Fields.scaled(m, "leverage", d.volume(), 0, path), tif,
                            Fields.integer(m, "expiryPeriod", 0, path), Fields.bool(m, "postOnly", false, path),
                            stp(m, path), Fields.integer(m, "clientOrderId", Order.NO_CLIENT_ID, path),
                            settle(m, path), Fields.scaled(m, "stop_loss", Rate.SCALE, 0, path),
                            Fields.scaled(m, "take_profit", Rate.SCALE, 0, path), delay);
                }
                case "CANCEL_ORDERS" -> {
                    List<CancelOrders.Cancellation> items = new ArrayList<>();
                    for (Map<?, ?> x : list(m, "cancellations", path)) {
                        items.add(new CancelOrders.Cancellation(Fields.integer(x, "orderId", path),
                                x.get("volume") == null ? CancelOrders.Cancellation.ALL
                                        : positive(x, "volume", d.volume(), path)));
                    }
                    yield new CancelOrders(Fields.int32(m, "bookId", path), items, delay);
                }
                case "CLOSE_POSITIONS" -> {
                    List<ClosePositions.PositionClose> items = new ArrayList<>();
                    for (Map<?, ?> x : list(m, "closes", path)) {
                        items.add(new ClosePositions.PositionClose(Fields.integer(x, "orderId", path),
                                x.get("volume") == null ? ClosePositions.PositionClose.ALL
                                        : positive(x, "volume", d.volume(), path)));
                    }
                    yield new ClosePositions(Fields.int32(m, "bookId", path), items, delay);
                }
                case "RESET_AGENT" -> {
                    List<Integer> ids = new ArrayList<>();
                    for (Object id : Fields.list(Fields.required(m, "agentIds", path), path + ".agentIds")) {
                        ids.add(Fields.toInt(Fields.integer(id, path + ".agentIds"), path + ".agentIds"));
                    }
                    yield new ResetAgents(ids, delay);
                }
                default -> throw new PayloadException("%s.type = '%s' is not an instruction type", path, type);
            };
        } catch (IllegalArgumentException e) {
            throw new PayloadException("%s: %s", path, e.getMessage());
        }
    }

    private static List<Map<?, ?>> list(Map<?, ?> m, String key, String path) {
        List<Map<?, ?>> out = new ArrayList<>();
        List<?> items = Fields.list(Fields.required(m, key, path), path + "." + key);
        for (int i = 0; i < items.size(); i++) {
            out.add(Fields.map(items.get(i), path + "." + key + "[" + i + "]"));
        }
        return out;
    }

    private static long positive(Map<?, ?> m, String key, Scale scale, String path) {
        long v = Fields.scaled(m, key, scale, path);
        if (v <= 0) {
            throw new PayloadException("%s.%s = %s must be > 0", path, key, m.get(key));
        }
        return v;
    }

    private static Side side(Map<?, ?> m, String path) {
        long code = Fields.integer(m, "direction", path);
        if (code != 0 && code != 1) {
            throw new PayloadException("%s.direction = %d is not 0 (buy) or 1 (sell)", path, code);
        }
        return Side.ofCode((int) code);
    }

    private static Currency currency(Map<?, ?> m, String path) {
        long code = Fields.integer(m, "currency", 0, path);
        if (code != 0 && code != 1) {
            throw new PayloadException("%s.currency = %d is not 0 (base) or 1 (quote)", path, code);
        }
        return code == 0 ? Currency.BASE : Currency.QUOTE;
    }

    private static StpMode stp(Map<?, ?> m, String path) {
        return StpMode.ofCode(Fields.toInt(Fields.integer(m, "stp", StpMode.CO.code(), path), path + ".stp"));
    }

    private static long settle(Map<?, ?> m, String path) {
        long flag = Fields.integer(m, "settleFlag", SettleFlag.NONE, path);
        if (!SettleFlag.isValid(flag)) {
            throw new PayloadException("%s.settleFlag = %d is not -2, -1 or an order id", path, flag);
        }
        return flag;
    }

    private static Scale volumeScale(Currency currency, BookDecimals d) {
        return currency == Currency.BASE ? d.volume() : d.quote();
    }

    private static Object clientId(long id) {
        return id == Order.NO_CLIENT_ID ? null : id;
    }

    private static int stp(StpMode mode) {
        return mode == StpMode.NONE ? StpMode.CO.code() : mode.code();
    }

    private static Object rateOrNull(long rate) {
        return rate == 0 ? null : Fields.toDouble(rate, Rate.SCALE);
    }
}
