package io.mvtrx.runtime.bittensor.axon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.bittensor.axon.TestResources;

/** A state packed by Python's msgpack and lz4.frame / zlib (make_vectors.py), read into api records. */
class StateMappingTest {

    private static final int U = StateMapping.UNKNOWN_AGENT;

    @SuppressWarnings("unchecked")
    static StateMapping.ReceivedState pythonState(String engine, int ownUid) {
        Map<String, Object> parts = (Map<String, Object>) ((Map<String, Object>) TestResources.python().get("state"))
                .get(engine);
        Compression codec = Compression.named(engine);
        Object books = CompressedPart.decode((String) parts.get("books"), codec, true, 1 << 20);
        Map<?, ?> payload = (Map<?, ?>) CompressedPart.decode((String) parts.get("payload"), codec, true, 1 << 20);
        return StateMapping.decode(5_000_000_000L, books, payload, ownUid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zlib"})
    void decodesThePythonStateIntoRecords(String engine) {
        StateMapping.ReceivedState received = pythonState(engine, -1);
        assertThat(received.agentId()).isEqualTo(3);
        StateUpdate s = received.state();
        assertThat(s.timestamp()).isEqualTo(5_000_000_000L);

        SimulationInfo info = s.simulation();
        assertThat(info).isEqualTo(new SimulationInfo("20260523_1644", 264, 8, 16, 86_400_000_000_000L,
                600_000_000_000L, 1_000_000_000L, BookDecimals.of(2, 4, 4, 10), 2_500, 100, 40_000,
                100_000_000_000_000L, 10_000_000, 30_000, "dynamic"));

        assertThat(s.books()).hasSize(2);
        BookState b0 = s.books().get(0);
        assertThat(b0.makerTakerRatio()).isEqualTo(40_000_000);
        assertThat(b0.snapshot().bids()).containsExactly(
                new Level(30_010, 125_000, List.of(new RestingOrder(99, U, 125_000, 900))),
                Level.broad(29_995, 40_000));
        assertThat(b0.snapshot().asks()).containsExactly(Level.broad(30_020, 30_000));
        assertThat(b0.events()).containsExactly(
                new OrderPlaced(0, 1000, 101, U, Order.NO_CLIENT_ID, OrderType.LIMIT, Side.BUY, 30_015, 15_000, 0,
                        StpMode.NONE),
                new OrderPlaced(0, 1050, 102, U, 7, OrderType.MARKET, Side.SELL, 0, 2_500, 10_000, StpMode.NONE),
                new Trade(0, 1100, 7, Side.SELL, 102, 99, -5, 3, 30_010, 2_500, 172_000_000, 0),
                new OrderCancelled(0, 1200, 55, U, 30_100, 0, 0, CancelReason.REQUESTED));
        assertThat(s.books().get(1).snapshot().bids()).isEmpty();

        assertThat(s.accounts()).containsOnlyKeys(0);
        assertThat(s.accounts().get(0)).isEqualTo(new Account(3, 0,
                new Balance(105_000, 100_000, 5_000, 100_000),
                new Balance(470_001_234_567_890L, 460_001_234_567_890L, 10_000_000_000_000L,
                        470_000_000_000_000L),
                0, 6_000_000_000_000L, 0, 0,
                List.of(new Order(120, 0, 3, 42, Side.SELL, 30_150, 5_000, 0, 950, TimeInForce.GTC, 0,
                        StpMode.NONE)),
                List.of(new Loan(118, 6_000_000_000_000L, Currency.QUOTE, 0, 20_000, 0, 0)),
                new FeeRates(12_345_000_000_000L, 0, 23_000)));

        Trade trade = new Trade(0, 1100, 7, Side.SELL, 102, 99, -5, 3, 30_010, 2_500, 172_000_000, 0);
        assertThat(s.notices()).containsExactly(
                new OrderAccepted(1000, 0, 120, 42, OrderType.LIMIT, Side.SELL, 30_150, 5_000, 0),
                new OrderRejected(1001, 0, Order.NO_CLIENT_ID, OrderType.MARKET, Side.BUY,
                        RejectReason.INSUFFICIENT_QUOTE),
                new TradeNotice(trade, Order.NO_CLIENT_ID, true),
                new CancelReport(1200, 0, 55, 10_000, CancelReason.REQUESTED, Optional.empty()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheJsonPartsOfSpecVersionsBefore45() {
        Map<String, Object> v = (Map<String, Object>) TestResources.python().get("state_json_v44_zlib");
        Object books = CompressedPart.decode((String) v.get("books"), Compression.ZLIB, false, 1 << 20);
        StateUpdate fromJson = StateMapping.decode(5_000_000_000L, books, Map.of("accounts", Map.of("3", Map.of())),
                -1).state();
        assertThat(fromJson.books()).isEqualTo(pythonState("zlib", 3).state().books());
    }

    @Test
    void refusesAPayloadForAnotherUid() {
        assertThatThrownBy(() -> pythonState("lz4", 4)).isInstanceOf(PayloadException.class)
                .hasMessage("accounts is for uid 3, this miner is uid 4");
    }

    @Test
    void encodedStateDecodesToTheSameRecords() {
        StateUpdate original = pythonState("lz4", 3).state();
        BookDecimals d = original.simulation().decimals();
        Object books = MsgPack.decode(MsgPack.encode(StateMapping.encodeBooks(original.books(), d)));
        Map<?, ?> payload = (Map<?, ?>) MsgPack.decode(MsgPack.encode(StateMapping.encodePayload(3, original)));
        StateMapping.ReceivedState again = StateMapping.decode(original.timestamp(), books, payload, -1);
        assertThat(again.agentId()).isEqualTo(3);
        assertThat(again.state()).isEqualTo(original);
    }

    @Test
    void namesTheFieldThatDoesNotFit() {
        Map<Object, Object> books = Map.of(0L, Map.of("i", 0L, "b", List.of(Map.of("p", "cheap", "q", 1.0))));
        assertThatThrownBy(() -> StateMapping.decode(1, books, Map.of("accounts", Map.of(3L, Map.of())), -1))
                .isInstanceOf(PayloadException.class).hasMessage("books[0].b[0].p must be a finite number, got String cheap");
        Map<Object, Object> events = Map.of(0L, Map.of("e", List.of(Map.of("y", "x"))));
        assertThatThrownBy(() -> StateMapping.decode(1, events, Map.of("notices", Map.of(3L, List.of())), -1))
                .isInstanceOf(PayloadException.class).hasMessage("books[0].e[0].y = 'x' is not an L3 event type (o, t, c)");
    }
}
