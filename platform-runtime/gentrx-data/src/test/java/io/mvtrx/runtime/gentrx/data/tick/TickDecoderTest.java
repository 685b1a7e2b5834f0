package io.mvtrx.runtime.gentrx.data.tick;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickDecoderTest {

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> tick() {
        Map<Object, Object> books = new LinkedHashMap<>();
        books.put(3L, map("bids", List.of(List.of(100.25, 2.5), List.of(100L, 1.0)),
                "asks", List.of(List.of(100.5, 3.0)),
                "events", List.of(
                        map("y", "o", "s", 0L, "i", 17L, "p", 100.6, "q", 1.5, "t", 1_000L),
                        map("y", "t", "Ti", 17L, "Mi", 4L, "p", 100.5, "q", 3.0, "t", 1_000L, "s", 0L),
                        map("y", "c", "s", 1L, "i", 9L, "p", 101L, "q", 0.25, "t", 2_000L))));
        Map<String, Object> tick = map("step", 12L, "ts", 5_000_000_000L, "books", books,
                "sim_events", List.of("ESS"),
                "config", map("priceDecimals", 2L, "volumeDecimals", 4L, "simulation_id", "sim-7"),
                "sim_id", "sim-7");
        return tick;
    }

    @Test
    void decodesEveryFieldOfAPacket() {
        TickPacket packet = TickDecoder.decode(MsgPackWriter.write(tick()));

        assertThat(packet.step()).isEqualTo(12);
        assertThat(packet.ts()).isEqualTo(5_000_000_000L);
        assertThat(packet.simStart()).isTrue();
        assertThat(packet.simEnd()).isFalse();
        assertThat(packet.simulation()).contains("sim-7");
        assertThat(packet.config()).isEqualTo(new TickConfig(OptionalInt.of(2), OptionalInt.of(4),
                Optional.of("sim-7")));
        BookTick book = packet.books().getFirst();
        assertThat(book.bookId()).isEqualTo(3);
        assertThat(book.bids()).containsExactly(new PriceLevel(100.25, 2.5), new PriceLevel(100, 1));
        assertThat(book.asks()).containsExactly(new PriceLevel(100.5, 3));
        assertThat(book.events()).containsExactly(
                new TickEvent.Order(Side.BUY, 17, 100.6, 1.5, 1_000),
                new TickEvent.Trade(17, 4, 100.5, 3.0, 1_000, Side.BUY),
                new TickEvent.Cancel(Side.SELL, 9, 101, 0.25, 2_000));
    }

    @Test
    void optionalPartsMayBeAbsent() {
        TickPacket packet = TickDecoder.decode(MsgPackWriter.write(map("step", 1L, "ts", 0L, "books", Map.of())));

        assertThat(packet.books()).isEmpty();
        assertThat(packet.simEvents()).isEmpty();
        assertThat(packet.config()).isEqualTo(TickConfig.NONE);
        assertThat(packet.simulation()).isEmpty();
    }

    @Test
    void simulationFallsBackToTheConfigId() {
        Map<String, Object> tick = tick();
        tick.remove("sim_id");
        ((Map<String, Object>) tick.get("config")).put("simulation_id", "exchange");

        TickPacket packet = TickDecoder.fromMap(tick);

        assertThat(packet.simulation()).contains("exchange");
        assertThat(packet.config().exchangeMode()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void acceptsFractionalEventTimesOnlyInExchangeMode() {
        Map<String, Object> tick = tick();
        Map<String, Object> book = (Map<String, Object>) ((Map<Object, Object>) tick.get("books")).get(3L);
        ((Map<String, Object>) ((List<Object>) book.get("events")).get(0)).put("t", 1_700_000_000.25);

        assertThatThrownBy(() -> TickDecoder.fromMap(tick))
                .hasMessage("books[3].events[0].t: expected an integer, got a float");

        ((Map<String, Object>) tick.get("config")).put("simulation_id", "exchange");
        assertThat(TickDecoder.fromMap(tick).books().getFirst().events().getFirst().ts()).isEqualTo(1_700_000_000L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void namesTheFieldOfEveryMalformedInput() {
        Map<String, Object> noTs = tick();
        noTs.remove("ts");
        assertThatThrownBy(() -> TickDecoder.fromMap(noTs)).isInstanceOf(TickFormatException.class)
                .hasMessage("ts: missing");

        Map<String, Object> floatTs = tick();
        floatTs.put("ts", 1.5);
        assertThatThrownBy(() -> TickDecoder.fromMap(floatTs)).hasMessage("ts: expected an integer, got a float");

        Map<String, Object> badPrice = tick();
        Map<String, Object> book = (Map<String, Object>) ((Map<Object, Object>) badPrice.get("books")).get(3L);
        ((Map<String, Object>) ((List<Object>) book.get("events")).get(2)).put("p", "101");
        assertThatThrownBy(() -> TickDecoder.fromMap(badPrice))
                .hasMessage("books[3].events[2].p: expected a number, got a string");

        Map<String, Object> badSide = tick();
        book = (Map<String, Object>) ((Map<Object, Object>) badSide.get("books")).get(3L);
        ((Map<String, Object>) ((List<Object>) book.get("events")).get(0)).put("s", 2L);
        assertThatThrownBy(() -> TickDecoder.fromMap(badSide))
                .hasMessage("books[3].events[0].s: side must be 0 (buy) or 1 (sell), got 2");

        Map<String, Object> badKind = tick();
        book = (Map<String, Object>) ((Map<Object, Object>) badKind.get("books")).get(3L);
        ((Map<String, Object>) ((List<Object>) book.get("events")).get(1)).put("y", "x");
        assertThatThrownBy(() -> TickDecoder.fromMap(badKind))
                .hasMessage("books[3].events[1].y: event kind must be \"o\", \"t\" or \"c\", got \"x\"");

        Map<String, Object> shortLevel = tick();
        book = (Map<String, Object>) ((Map<Object, Object>) shortLevel.get("books")).get(3L);
        book.put("asks", List.of(List.of(100.5)));
        assertThatThrownBy(() -> TickDecoder.fromMap(shortLevel))
                .hasMessage("books[3].asks[0]: a level is [price, quantity], got 1 elements");

        Map<String, Object> badBook = tick();
        ((Map<Object, Object>) badBook.get("books")).put("x", map());
        assertThatThrownBy(() -> TickDecoder.fromMap(badBook))
                .hasMessage("books: book id must be an integer, got \"x\"");

        Map<String, Object> badDecimals = tick();
        ((Map<String, Object>) badDecimals.get("config")).put("volumeDecimals", 40L);
        assertThatThrownBy(() -> TickDecoder.fromMap(badDecimals))
                .hasMessage("config.volumeDecimals: decimals must be 0 to 18, got 40");

        assertThatThrownBy(() -> TickDecoder.decode(new byte[] {(byte) 0x93}))
                .hasMessage("msgpack: array of 3 at offset 1 runs past the end (1 bytes)");
        assertThatThrownBy(() -> TickDecoder.decode(MsgPackWriter.write(List.of())))
                .hasMessage("tick: expected a map, got an array");
    }
}
