package io.mvtrx.runtime.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.kernel.BlockScheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the kernel promises a background agent (doc/background-agents.md §1, doc/simulator.md §3), seen by a probe
 * model added to the small configuration: instructions arrive after their latency, each placement is answered by one
 * acceptance or rejection — an acceptance 1 + latency ns after the exchange handled it, a rejection at once — its fills
 * follow the acceptance, and an agent that observes trades sees every trade 0 ns later.
 */
class AgentKernelContractTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long LATENCY = 5_000_000L;

    /** What a probe saw: the time of the callback and what it was given. */
    private record Seen(String agent, long at, Object what) {
    }

    /** Instance 0 buys 1.0 at 400.00 on book 0 at 2 s; instance 1 tries book 5 (the block has 2). */
    private static final class Probe implements BackgroundAgent {
        private final AgentContext context;
        private final List<Seen> seen;
        private final boolean wakeInThePast;

        Probe(AgentContext context, List<Seen> seen, boolean wakeInThePast) {
            this.context = context;
            this.seen = seen;
            this.wakeInThePast = wakeInThePast;
        }

        @Override
        public boolean observesTrades() {
            return context.instanceIndex() == 0;
        }

        @Override
        public void onStart(AgentEnvironment environment) {
            seen.add(new Seen(context.name(), environment.now(), context.agentId()));
            environment.wakeAt(0, environment.now() + 2 * SECOND, 7);
        }

        @Override
        public void onWake(int bookId, int kind, AgentEnvironment environment) {
            if (wakeInThePast) {
                environment.wakeAt(bookId, environment.now() - 1, kind);
            }
            int book = context.instanceIndex() == 0 ? 0 : 5;
            environment.submit(new PlaceLimit(book, Side.BUY, 40_000, 10_000, Currency.BASE, 0, TimeInForce.GTC, 0,
                    false, StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0, 0), LATENCY);
            seen.add(new Seen(context.name(), environment.now(), "submitted"));
        }

        @Override
        public void onNotice(Notice notice, AgentEnvironment environment) {
            seen.add(new Seen(context.name(), environment.now(), notice));
        }

        @Override
        public void onMarketTrade(Trade trade, AgentEnvironment environment) {
            seen.add(new Seen(context.name(), environment.now(), trade));
        }
    }

    private record ProbeModel(List<Seen> seen, boolean wakeInThePast) implements BackgroundAgentModelProvider {
        @Override
        public String name() {
            return "ProbeAgent";
        }

        @Override
        public AgentPopulation create(Settings settings, PopulationContext context) {
            return agent -> new Probe(agent, seen, wakeInThePast);
        }
    }

    /** The built-ins plus the probe model. */
    private record WithProbe(ProbeModel probe) implements PluginCatalog {
        @Override
        public <P extends PluginProvider> Optional<P> find(Class<P> type, String name) {
            if (type == BackgroundAgentModelProvider.class && name.equals(probe.name())) {
                return Optional.of(type.cast(probe));
            }
            return Fixtures.PLUGINS.find(type, name);
        }

        @Override
        public List<String> names(ExtensionPoint point) {
            List<String> names = new ArrayList<>(Fixtures.PLUGINS.names(point));
            if (point == ExtensionPoint.of(BackgroundAgentModelProvider.class)) {
                names.add(probe.name());
            }
            return names;
        }
    }

    private static Simulation simulation(ProbeModel probe) {
        WithProbe catalog = new WithProbe(probe);
        String xml = Fixtures.text("small.xml").replace("<DistributedProxyAgent />",
                "<ProbeAgent name=\"PROBE_AGENT\" instanceCount=\"2\" exchange=\"EXCHANGE\"><Balances>"
                        + "<Base total=\"100.0\"/><Quote total=\"30000.0\"/></Balances></ProbeAgent>");
        SimulationConfig config = SimulationConfigs.load("small.xml with probes",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), catalog);
        return Simulation.create(config, catalog, SimulationOptions.defaults().withBlockCount(1)
                .withDuration(4 * SECOND).withThreads(1));
    }

    @Test
    void placementsAreAnsweredOnceWithTheirLatencyAndFillsFollowTheAcceptance() {
        List<Seen> seen = new ArrayList<>();
        try (Simulation simulation = simulation(new ProbeModel(seen, false))) {
            simulation.run(progress -> { });
        }
        long sent = 2 * SECOND;
        long arrival = sent + LATENCY;
        List<Seen> buyer = seen.stream().filter(s -> s.agent().equals("PROBE_AGENT_0")).toList();
        List<Seen> other = seen.stream().filter(s -> s.agent().equals("PROBE_AGENT_1")).toList();

        assertThat(other).hasSize(3);
        assertThat(other.get(1)).isEqualTo(new Seen("PROBE_AGENT_1", sent, "submitted"));
        assertThat(other.get(2).at()).isEqualTo(arrival);
        assertThat(other.get(2).what()).isInstanceOfSatisfying(OrderRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectReason.UNKNOWN_BOOK);
            assertThat(rejected.timestamp()).isEqualTo(arrival);
        });

        List<Seen> notices = buyer.stream().filter(s -> s.what() instanceof Notice).toList();
        int buyerId = agentId(seen);
        List<Seen> ownOnTape = buyer.stream()
                .filter(s -> s.what() instanceof Trade t && t.takerAgentId() == buyerId).toList();
        List<Trade> tape = ownOnTape.stream().map(s -> (Trade) s.what()).toList();
        assertThat(tape).isNotEmpty();
        assertThat(ownOnTape).extracting(Seen::at).containsOnly(arrival);
        assertThat(notices).hasSize(1 + tape.size());
        assertThat(notices.getFirst().at()).isEqualTo(arrival + 1 + LATENCY);
        assertThat(notices.getFirst().what()).isInstanceOfSatisfying(OrderAccepted.class,
                accepted -> assertThat(accepted.timestamp()).isEqualTo(arrival));
        List<Trade> fills = notices.subList(1, notices.size()).stream().map(s -> {
            assertThat(s.at()).isEqualTo(arrival + 1 + LATENCY);
            return ((TradeNotice) s.what()).trade();
        }).toList();
        assertThat(fills).isEqualTo(tape);
        assertThat(fills).allSatisfy(trade -> assertThat(trade.takerSide()).isEqualTo(Side.BUY));
    }

    /** The probe buyer's account id, which it recorded at its start. */
    private static int agentId(List<Seen> seen) {
        return seen.stream().filter(s -> s.agent().equals("PROBE_AGENT_0") && s.what() instanceof Integer)
                .map(s -> (Integer) s.what()).findFirst().orElseThrow();
    }

    @Test
    void aWakeUpAskedForThePastStopsTheBlockNamingTheAgent() {
        try (Simulation simulation = simulation(new ProbeModel(new ArrayList<>(), true))) {
            assertThatThrownBy(() -> simulation.run(progress -> { }))
                    .isInstanceOf(BlockScheduler.BlockFailedException.class)
                    .hasMessageContaining("block 0 failed in the step ending at 3000000000 ns")
                    .hasMessageContaining("PROBE_AGENT_0 in block 0 asked for a wake-up at 1999999999 ns, before now "
                            + "(2000000000 ns)");
        }
    }
}
