package io.mvtrx.runtime.validator.node;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * Test-only trading agent {@code TestTrader}: on every book, a market buy of {@code quantity} at one publish and a
 * market sell of the same at the next, so each pair is a round trip with realized P&L. Deterministic.
 */
public final class TestTraderProvider implements TradingAgentProvider {

    public TestTraderProvider() {
    }

    @Override
    public String name() {
        return "TestTrader";
    }

    @Override
    public String description() {
        return "test agent: alternating market buys and sells on every book";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(Parameter.optional("quantity", ParameterType.INTEGER, "5000",
                "order volume at the volume decimals"));
    }

    @Override
    public TradingAgent create(Settings parameters) {
        return new Trader(parameters.longValue("quantity", 5_000));
    }

    static final class Trader implements TradingAgent {
        private final long quantity;
        private int agentId;
        private boolean buy = true;

        Trader(long quantity) {
            this.quantity = quantity;
        }

        @Override
        public void start(int id, SimulationInfo simulation) {
            this.agentId = id;
            this.buy = true;
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            List<Instruction> instructions = new ArrayList<>();
            for (int book = 0; book < state.books().size(); book++) {
                instructions.add(new PlaceMarket(book, buy ? Side.BUY : Side.SELL, quantity, Currency.BASE, 0, 0,
                        StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0));
            }
            buy = !buy;
            return new AgentResponse(agentId, instructions);
        }
    }
}
