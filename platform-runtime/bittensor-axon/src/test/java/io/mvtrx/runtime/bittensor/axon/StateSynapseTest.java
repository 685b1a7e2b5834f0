package io.mvtrx.runtime.bittensor.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.bittensor.axon.payload.PayloadException;

/** The validator reading what a Python miner answers (make_vectors.py: msgpack + lz4.frame). */
class StateSynapseTest {

    @SuppressWarnings("unchecked")
    static Dendrite.Reply pythonReply() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "MarketSimulationStateUpdate");
        body.put("version", 54L);
        body.put("timestamp", 5_000_000_000L);
        body.put("response", null);
        body.put("compressed", TestResources.python().get("reply"));
        body.put("compression_engine", "lz4");
        return new Dendrite.Reply(200, "Success", body, 1_000_000);
    }

    @Test
    void readsThePythonMinersCompressedResponse() {
        AgentResponse response = StateSynapse.response(pythonReply(), BookDecimals.REFERENCE, 1 << 20);
        assertThat(response).isEqualTo(new AgentResponse(3, List.of(
                new PlaceLimit(0, Side.BUY, 30_005, 15_000, Currency.BASE, 0, TimeInForce.GTT, 120_000_000_000L,
                        false, StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0),
                new PlaceMarket(1, Side.SELL, 255_000_000_000L, Currency.QUOTE, 5_000, 1_000_000, StpMode.CN, 17,
                        SettleFlag.FIFO, 0, 5_000_000, 5),
                new CancelOrders(0, List.of(new CancelOrders.Cancellation(120, CancelOrders.Cancellation.ALL),
                        new CancelOrders.Cancellation(121, 2_500)), 0),
                new ClosePositions(0, List.of(new ClosePositions.PositionClose(118,
                        ClosePositions.PositionClose.ALL)), 0))));
    }

    @Test
    void anAnswerWithoutAResponseIsUnreadable() {
        Map<String, Object> body = new LinkedHashMap<>(pythonReply().body());
        body.remove("compressed");
        assertThatThrownBy(() -> StateSynapse.response(new Dendrite.Reply(200, "Success", body, 0),
                BookDecimals.REFERENCE, 1 << 20)).isInstanceOf(PayloadException.class)
                .hasMessage("answer has neither a response nor a compressed payload");
        assertThatThrownBy(() -> StateSynapse.response(pythonReply(), BookDecimals.REFERENCE, 100))
                .isInstanceOf(PayloadException.class).hasMessage("lz4 payload expands beyond the limit of 100 bytes");
    }
}
