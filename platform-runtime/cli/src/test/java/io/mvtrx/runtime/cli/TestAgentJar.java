package io.mvtrx.runtime.cli;

import java.nio.file.Path;

import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.testkit.plugins.PluginJarBuilder;

/**
 * A test-only trading-agent plugin, {@code CliTrader}, built as a JAR for the plugins folder: on every book a market
 * buy of {@code quantity} at one state and a market sell at the next (round trips with realized P&L).
 */
final class TestAgentJar {

    static final String CLASS = "com.example.cli.CliTraderProvider";

    private static final String SOURCE = """
            package com.example.cli;

            import java.util.ArrayList;
            import java.util.List;

            import io.mvtrx.api.instruction.Instruction;
            import io.mvtrx.api.instruction.PlaceMarket;
            import io.mvtrx.api.order.Currency;
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

            public class CliTraderProvider implements TradingAgentProvider {
                public CliTraderProvider() {
                }

                @Override
                public String name() {
                    return "CliTrader";
                }

                @Override
                public String description() {
                    return "test agent: alternating market buys and sells";
                }

                @Override
                public ParameterSchema parameters() {
                    return ParameterSchema.of(Parameter.optional("quantity", ParameterType.INTEGER, "2500",
                            "order volume at the volume decimals"));
                }

                @Override
                public TradingAgent create(Settings settings) {
                    long quantity = settings.longValue("quantity", 2500);
                    return new TradingAgent() {
                        private int id;
                        private boolean buy = true;

                        @Override
                        public void start(int agentId, SimulationInfo simulation) {
                            id = agentId;
                            buy = true;
                        }

                        @Override
                        public AgentResponse respond(StateUpdate state) {
                            List<Instruction> out = new ArrayList<>();
                            for (int book = 0; book < state.books().size(); book++) {
                                out.add(new PlaceMarket(book, buy ? Side.BUY : Side.SELL, quantity, Currency.BASE,
                                        0, 0, StpMode.CO, -1, -2, 0, 0, 0));
                            }
                            buy = !buy;
                            return new AgentResponse(id, out);
                        }
                    };
                }
            }
            """;

    private TestAgentJar() {
    }

    /** Writes the plugin JAR into {@code pluginsDir} and returns the folder. */
    static Path writeTo(Path pluginsDir) {
        PluginJarBuilder.plugin("cli-trader")
                .source(CLASS, SOURCE)
                .service(TradingAgentProvider.class, CLASS)
                .writeTo(pluginsDir.resolve("cli-trader.jar"));
        return pluginsDir;
    }
}
