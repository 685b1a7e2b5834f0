package io.mvtrx.runtime.gentrx.data.ingest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.mvtrx.runtime.gentrx.data.tick.BookTick;
import io.mvtrx.runtime.gentrx.data.tick.PriceLevel;
import io.mvtrx.runtime.gentrx.data.tick.Side;
import io.mvtrx.runtime.gentrx.data.tick.TickConfig;
import io.mvtrx.runtime.gentrx.data.tick.TickEvent;
import io.mvtrx.runtime.gentrx.data.tick.TickPacket;

/** Builders for handmade ticks. */
final class Ticks {

    private Ticks() {
    }

    static TickConfig config(String sim) {
        return new TickConfig(OptionalInt.of(2), OptionalInt.of(2), Optional.of(sim));
    }

    static TickPacket tick(String sim, long ts, BookTick... books) {
        return new TickPacket(ts / 1_000_000, ts, List.of(books), List.of(), config(sim), Optional.of(sim));
    }

    static TickPacket marker(String sim, long ts, String marker) {
        return new TickPacket(0, ts, List.of(), List.of(marker), config(sim), Optional.of(sim));
    }

    static PriceLevel level(double price, double qty) {
        return new PriceLevel(price, qty);
    }

    static BookTick book(int id, List<PriceLevel> bids, List<PriceLevel> asks, TickEvent... events) {
        return new BookTick(id, bids, asks, List.of(events));
    }

    static TickEvent order(Side side, long id, double price, double remaining, long ts) {
        return new TickEvent.Order(side, id, price, remaining, ts);
    }

    static TickEvent trade(long taker, long maker, double price, double qty, long ts, Side side) {
        return new TickEvent.Trade(taker, maker, price, qty, ts, side);
    }

    static TickEvent cancel(Side side, long id, double price, double qty, long ts) {
        return new TickEvent.Cancel(side, id, price, qty, ts);
    }
}
