package io.mvtrx.runtime.validator.node.gentrx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.runtime.gentrx.data.tick.BookTick;
import io.mvtrx.runtime.gentrx.data.tick.PriceLevel;
import io.mvtrx.runtime.gentrx.data.tick.TickConfig;
import io.mvtrx.runtime.gentrx.data.tick.TickDecoder;
import io.mvtrx.runtime.gentrx.data.tick.TickEvent;
import io.mvtrx.runtime.gentrx.data.tick.TickPacket;
import io.mvtrx.runtime.simulator.Publication;

import org.junit.jupiter.api.Test;

/** Packets of two publishes, read back with the gradient server's decoder (gentrx-data). */
class TickPacketsTest {

    private static final SimulationInfo SIM = new SimulationInfo("sim-7", 2, 1, 1, 86_400_000_000_000L, 0,
            1_000_000_000L, BookDecimals.REFERENCE, 2_500, 100, 40_000, 100_000_000_000_000L, 10_000_000, 30_000,
            "static");

    private static Publication publication(long ts, List<Level> bids, List<Level> asks, List<BookEvent> events,
                                           boolean last) {
        return new Publication(ts, SIM, List.of(new BookState(new BookSnapshot(0, ts, bids, asks), events, 0)),
                Map.of(), last);
    }

    @Test
    void carriesLevelsEventsWithWhatRestsAfterFillsSidesOfCancelsAndTheSimulationMarkers() {
        TickPackets packets = new TickPackets();
        // a buy of 2.0 at 300.10 takes the 1.0 resting at 300.10 and rests 1.0; the bid at 299.90 is cancelled
        List<BookEvent> first = List.of(
                new OrderPlaced(0, 1_000, 30, 4, 0, OrderType.LIMIT, Side.BUY, 30_010, 2_0000, 0, StpMode.CO),
                new Trade(0, 1_000, 1, Side.BUY, 30, 20, 4, 5, 30_010, 1_0000, 0, 0),
                new OrderCancelled(0, 1_100, 11, 3, 29_990, 1_0000, 2_0000, CancelReason.REQUESTED));
        Publication one = publication(2_000, List.of(new Level(30_010, 1_0000, List.of(new RestingOrder(30, 4,
                1_0000, 1_000))), new Level(29_990, 2_0000, List.of(new RestingOrder(11, 3, 2_0000, 500)))),
                List.of(new Level(30_020, 5_0000, List.of(new RestingOrder(21, 5, 5_0000, 600)))), first, false);
        // next publish: order 21 (a resting ask) is cancelled at a price below the bid: its side is still SELL
        Publication two = publication(3_000, List.of(), List.of(), List.of(
                new OrderCancelled(0, 2_500, 21, 5, 29_000, 5_0000, 0, CancelReason.REQUESTED)), true);

        TickPacket a = TickDecoder.decode(packets.encode(one));
        TickPacket b = TickDecoder.decode(packets.encode(two));

        assertThat(a.step()).isZero();
        assertThat(a.ts()).isEqualTo(2_000);
        assertThat(a.simEvents()).containsExactly("ESS");
        assertThat(a.config()).isEqualTo(new TickConfig(OptionalInt.of(2), OptionalInt.of(4), Optional.of("sim-7")));
        assertThat(a.simId()).contains("sim-7");
        assertThat(a.books()).containsExactly(new BookTick(0,
                List.of(new PriceLevel(300.1, 1.0), new PriceLevel(299.9, 2.0)),
                List.of(new PriceLevel(300.2, 5.0)),
                List.of(new TickEvent.Order(io.mvtrx.runtime.gentrx.data.tick.Side.BUY, 30, 300.1, 1.0, 1_000),
                        new TickEvent.Trade(30, 20, 300.1, 1.0, 1_000, io.mvtrx.runtime.gentrx.data.tick.Side.BUY),
                        new TickEvent.Cancel(io.mvtrx.runtime.gentrx.data.tick.Side.BUY, 11, 299.9, 1.0, 1_100))));

        assertThat(b.step()).isEqualTo(1);
        assertThat(b.simEvents()).containsExactly("ESE");
        assertThat(b.books().getFirst().events()).containsExactly(
                new TickEvent.Cancel(io.mvtrx.runtime.gentrx.data.tick.Side.SELL, 21, 290.0, 5.0, 2_500));
    }
}
