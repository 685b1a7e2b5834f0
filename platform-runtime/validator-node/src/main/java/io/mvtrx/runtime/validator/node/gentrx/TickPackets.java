package io.mvtrx.runtime.validator.node.gentrx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.bittensor.axon.payload.MsgPack;
import io.mvtrx.runtime.simulator.Publication;

/**
 * Turns each publish of the validator's simulation into the tick packet a gradient server ingests (gentrx.md §3.1): a
 * msgpack map of {@code step}, {@code ts}, per book the L2 levels best first and the book's L3 events since the last
 * publish ({@code o} orders with what rests after their immediate fills, {@code t} trades, {@code c} cancels), the
 * simulation markers {@code ESS}/{@code ESE}, the decimals and the simulation id. Prices and quantities travel as
 * decimals, as the reference sends them.
 *
 * <p>A cancel event does not say its side; it is taken from the order's placement or from the previous publish's
 * resting orders, else from where its price sits against the touch.
 *
 * <p>Not thread-safe: called from the validator's step thread, once per publish, in order.
 */
public final class TickPackets {

    private long step;
    private String simulationId;
    /** Sides of the orders resting at the last publish, and placed since, per book. */
    private final Map<Integer, Map<Long, Side>> sides = new HashMap<>();

    /** The packet of one publish, msgpack-encoded. */
    public byte[] encode(Publication publication) {
        return MsgPack.encode(packet(publication));
    }

    /** The packet of one publish as the map msgpack encodes. */
    Map<String, Object> packet(Publication publication) {
        String id = publication.simulation().simulationId();
        List<String> markers = new ArrayList<>();
        if (!id.equals(simulationId)) {
            simulationId = id;
            sides.clear();
            markers.add("ESS");
        }
        if (publication.last()) {
            markers.add("ESE");
        }
        BookDecimals decimals = publication.simulation().decimals();
        double priceUnit = decimals.price().unit();
        double volumeUnit = decimals.volume().unit();
        Map<Object, Object> books = new LinkedHashMap<>();
        for (BookState book : publication.books()) {
            BookSnapshot snapshot = book.snapshot();
            Map<Long, Side> known = sides.computeIfAbsent(snapshot.bookId(), key -> new HashMap<>());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("bids", levels(snapshot.bids(), priceUnit, volumeUnit));
            entry.put("asks", levels(snapshot.asks(), priceUnit, volumeUnit));
            entry.put("events", events(book.events(), snapshot, known, priceUnit, volumeUnit));
            books.put((long) snapshot.bookId(), entry);
            // what rests now is what the next publish's cancels can refer to
            known.clear();
            restingSides(snapshot.bids(), Side.BUY, known);
            restingSides(snapshot.asks(), Side.SELL, known);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("priceDecimals", (long) decimals.price().decimals());
        config.put("volumeDecimals", (long) decimals.volume().decimals());
        config.put("simulation_id", id);
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("step", step++);
        packet.put("ts", publication.timestamp());
        packet.put("books", books);
        packet.put("sim_events", markers);
        packet.put("config", config);
        packet.put("sim_id", id);
        return packet;
    }

    private static List<Object> levels(List<Level> levels, double priceUnit, double volumeUnit) {
        List<Object> out = new ArrayList<>(levels.size());
        for (Level level : levels) {
            out.add(List.of(level.price() / priceUnit, level.volume() / volumeUnit));
        }
        return out;
    }

    private static void restingSides(List<Level> levels, Side side, Map<Long, Side> into) {
        for (Level level : levels) {
            for (RestingOrder order : level.orders()) {
                into.put(order.orderId(), side);
            }
        }
    }

    private static List<Object> events(List<BookEvent> events, BookSnapshot snapshot, Map<Long, Side> known,
                                       double priceUnit, double volumeUnit) {
        Map<Long, Long> filledAsTaker = new HashMap<>();
        Map<Long, Long> lastFillPrice = new HashMap<>();
        for (BookEvent event : events) {
            if (event instanceof Trade trade) {
                filledAsTaker.merge(trade.takerOrderId(), trade.volume(), Long::sum);
                lastFillPrice.put(trade.takerOrderId(), trade.price());
            }
        }
        List<Object> out = new ArrayList<>(events.size());
        for (BookEvent event : events) {
            Map<String, Object> encoded = new LinkedHashMap<>();
            switch (event) {
                case OrderPlaced placed -> {
                    known.put(placed.orderId(), placed.side());
                    long remaining = Math.max(0, placed.volume() - filledAsTaker.getOrDefault(placed.orderId(), 0L));
                    // a market order has no limit: the price it reached is what re-drives it through the book
                    long price = placed.type() == OrderType.MARKET
                            ? lastFillPrice.getOrDefault(placed.orderId(), 0L) : placed.price();
                    encoded.put("y", "o");
                    encoded.put("s", code(placed.side()));
                    encoded.put("i", placed.orderId());
                    encoded.put("p", price / priceUnit);
                    encoded.put("q", remaining / volumeUnit);
                    encoded.put("t", placed.timestamp());
                }
                case Trade trade -> {
                    encoded.put("y", "t");
                    encoded.put("Ti", trade.takerOrderId());
                    encoded.put("Mi", trade.makerOrderId());
                    encoded.put("p", trade.price() / priceUnit);
                    encoded.put("q", trade.volume() / volumeUnit);
                    encoded.put("t", trade.timestamp());
                    encoded.put("s", code(trade.takerSide()));
                }
                case OrderCancelled cancelled -> {
                    Side side = known.get(cancelled.orderId());
                    if (side == null) {
                        side = cancelled.price() <= snapshot.bestBid() && snapshot.bestBid() > 0 ? Side.BUY
                                : Side.SELL;
                    }
                    encoded.put("y", "c");
                    encoded.put("s", code(side));
                    encoded.put("i", cancelled.orderId());
                    encoded.put("p", cancelled.price() / priceUnit);
                    encoded.put("q", cancelled.volume() / volumeUnit);
                    encoded.put("t", cancelled.timestamp());
                }
            }
            out.add(encoded);
        }
        return out;
    }

    private static long code(Side side) {
        return side == Side.BUY ? 0 : 1;
    }
}
