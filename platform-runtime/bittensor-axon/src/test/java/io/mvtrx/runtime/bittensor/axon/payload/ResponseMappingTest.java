package io.mvtrx.runtime.bittensor.axon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;

class ResponseMappingTest {

    private static final BookDecimals D = BookDecimals.REFERENCE;

    static AgentResponse everyKind() {
        return new AgentResponse(3, List.of(
                new PlaceLimit(5, Side.BUY, 30_015, 15_000, Currency.BASE, 0, TimeInForce.GTT, 120_000_000_000L,
                        true, StpMode.CB, 42, SettleFlag.FIFO, -2_000_000, 3_000_000, 10),
                new PlaceMarket(6, Side.SELL, 500_000_000_000L, Currency.QUOTE, 10_000, 1_000_000, StpMode.CO,
                        Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0),
                new CancelOrders(5, List.of(new CancelOrders.Cancellation(77, CancelOrders.Cancellation.ALL),
                        new CancelOrders.Cancellation(78, 2_500)), 0),
                new ClosePositions(5, List.of(new ClosePositions.PositionClose(118, ClosePositions.PositionClose.ALL)),
                        5)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesThePydanticFieldNames() {
        Map<Object, Object> dump = ResponseMapping.encode(everyKind(), D);
        assertThat(dump.get("agent_id")).isEqualTo(3);
        List<Object> instructions = (List<Object>) dump.get("instructions");
        Map<Object, Object> limit = (Map<Object, Object>) instructions.get(0);
        assertThat(limit).containsEntry("type", "PLACE_ORDER_LIMIT").containsEntry("agentId", 3)
                .containsEntry("bookId", 5).containsEntry("direction", 0).containsEntry("quantity", 1.5)
                .containsEntry("price", 300.15).containsEntry("clientOrderId", 42L).containsEntry("stp", 3)
                .containsEntry("postOnly", true).containsEntry("timeInForce", 1)
                .containsEntry("expiryPeriod", 120_000_000_000L).containsEntry("settleFlag", -1L)
                .containsEntry("stop_loss", -0.02).containsEntry("take_profit", 0.03).containsEntry("delay", 10L);
        Map<Object, Object> market = (Map<Object, Object>) instructions.get(1);
        assertThat(market).containsEntry("type", "PLACE_ORDER_MARKET").containsEntry("quantity", 50.0)
                .containsEntry("currency", 1).containsEntry("leverage", 1.0).containsEntry("max_slippage", 0.01)
                .containsEntry("clientOrderId", null).containsEntry("stop_loss", null).containsKey("delegate");
        Map<Object, Object> cancel = (Map<Object, Object>) instructions.get(2);
        assertThat((List<Object>) cancel.get("cancellations")).containsExactly(
                new LinkedHashMap<>(Map.of("orderId", 77L)) {{ put("volume", null); }},
                Map.of("orderId", 78L, "volume", 0.25));
    }

    @Test
    void roundTripsThroughMsgpack() {
        AgentResponse response = everyKind();
        Object wire = MsgPack.decode(MsgPack.encode(ResponseMapping.encode(response, D)));
        assertThat(ResponseMapping.decode(wire, D)).isEqualTo(response);
        AgentResponse reset = new AgentResponse(0, List.of(new ResetAgents(List.of(4, 9), 0)));
        assertThat(ResponseMapping.decode(MsgPack.decode(MsgPack.encode(ResponseMapping.encode(reset, D))), D))
                .isEqualTo(reset);
    }

    @Test
    void writesStpNoneAsCancelOldestBecauseThePydanticLiteralRefusesZero() {
        AgentResponse none = new AgentResponse(1, List.of(new PlaceMarket(0, Side.BUY, 10_000, Currency.BASE, 0, 0,
                StpMode.NONE, Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0)));
        Object wire = ResponseMapping.encode(none, D);
        assertThat(((PlaceMarket) ResponseMapping.decode(wire, D).instructions().getFirst()).stp())
                .isEqualTo(StpMode.CO);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneInvalidInstructionVoidsTheResponse() {
        Map<Object, Object> dump = ResponseMapping.encode(everyKind(), D);
        List<Object> instructions = new ArrayList<>((List<Object>) dump.get("instructions"));
        Map<Object, Object> bad = new LinkedHashMap<>((Map<Object, Object>) instructions.get(1));
        bad.put("quantity", 0.0);
        instructions.set(1, bad);
        dump.put("instructions", instructions);
        assertThatThrownBy(() -> ResponseMapping.decode(dump, D)).isInstanceOf(PayloadException.class)
                .hasMessage("response.instructions[1].quantity = 0.0 must be > 0");
        bad.put("quantity", 1.0);
        bad.put("type", "TELEPORT");
        assertThatThrownBy(() -> ResponseMapping.decode(dump, D)).isInstanceOf(PayloadException.class)
                .hasMessage("response.instructions[1].type = 'TELEPORT' is not an instruction type");
        bad.put("type", "PLACE_ORDER_MARKET");
        bad.put("stp", 9L);
        assertThatThrownBy(() -> ResponseMapping.decode(dump, D)).isInstanceOf(PayloadException.class)
                .hasMessage("response.instructions[1]: STP code must be 0..4, got 9");
    }

    @Property(tries = 200)
    void anyResponseOnTheGridSurvivesTheWire(@ForAll("responses") AgentResponse response) {
        Object wire = MsgPack.decode(MsgPack.encode(ResponseMapping.encode(response, D)));
        assertThat(ResponseMapping.decode(wire, D)).isEqualTo(response);
    }

    @Provide
    Arbitrary<AgentResponse> responses() {
        Arbitrary<io.mvtrx.api.instruction.Instruction> limit = Combinators.combine(
                Arbitraries.integers().between(0, 127), Arbitraries.of(Side.values()),
                Arbitraries.longs().between(1, 99_999_999L), Arbitraries.longs().between(1, 9_999_999_999L),
                Arbitraries.of(TimeInForce.values()), Arbitraries.of(StpMode.CO, StpMode.CN, StpMode.CB, StpMode.DC),
                Arbitraries.longs().between(-1, 4_000_000_000L), Arbitraries.longs().between(0, 1_000_000_000L))
                .as((book, side, price, volume, tif, stp, client, delay) -> new PlaceLimit(book, side, price, volume,
                        Currency.BASE, 0, tif, tif == TimeInForce.GTT ? 60_000_000_000L : 0, false, stp, client,
                        SettleFlag.NONE, 0, 0, delay));
        Arbitrary<io.mvtrx.api.instruction.Instruction> market = Combinators.combine(
                Arbitraries.integers().between(0, 127), Arbitraries.of(Side.values()), Arbitraries.of(Currency.values()),
                Arbitraries.longs().between(1, 9_999_999_999L), Arbitraries.longs().between(0, 40_000),
                Arbitraries.longs().between(-2, 1_000))
                .as((book, side, currency, volume, leverage, settle) -> new PlaceMarket(book, side, volume, currency,
                        leverage, 0, StpMode.CO, Order.NO_CLIENT_ID, settle, 0, 0, 0));
        Arbitrary<io.mvtrx.api.instruction.Instruction> cancel = Arbitraries.longs().between(0, 1L << 40).list()
                .ofMinSize(1).ofMaxSize(5).map(ids -> new CancelOrders(1, ids.stream()
                        .map(id -> new CancelOrders.Cancellation(id, id % 2 == 0 ? CancelOrders.Cancellation.ALL
                                : 1 + id % 99_999)).toList(), 0));
        return Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.oneOf(limit, market, cancel).list().ofMaxSize(8)).as(AgentResponse::new);
    }
}
