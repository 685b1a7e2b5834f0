package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.plugins.PluginHost;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.simulator.SimulationOptions;

/** Plugins on the test class path, the small configuration, scripted agents, and a driver for loop runs. */
final class Fixtures {

    static final long SECOND = 1_000_000_000L;

    /** Loaded once for the test JVM; the built-ins hold no state. */
    static final PluginRegistry PLUGINS = PluginHost.loadBuiltIns();

    private Fixtures() {
    }

    /**
     * {@code small.xml}: the live configuration cut down to 1 block x 2 books, 4 remote accounts (uids 0..3), 60 s
     * grace, step 1 s, seed 42, pareto miner balances with wealth 50 000.
     */
    static SimulationConfig small() {
        try (InputStream in = Fixtures.class.getResourceAsStream("small.xml")) {
            return SimulationConfigs.load("small.xml", in, PLUGINS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference settings with a nominal response time of 300 ms (reproducible delays), a 60 s scoring window
     * (min span 30 s) and the roster read every 5 s.
     */
    static ValidatorSettings settings() {
        return ValidatorSettings.REFERENCE.withNominalResponse(300_000_000L)
                .withScoring(ScoringSettings.REFERENCE.withWindow(60 * SECOND))
                .withChainCadence(5 * SECOND, 0);
    }

    /** A neuron serving in-process. */
    static Neuron neuron(int uid, String hotkey) {
        return new Neuron(uid, hotkey, "owner", 0, false, "in-process", 1, 0);
    }

    /** Neurons {@code uids}, hotkeys {@code hk<uid>}. */
    static List<Neuron> neurons(int... uids) {
        List<Neuron> list = new ArrayList<>();
        for (int uid : uids) {
            list.add(neuron(uid, "hk" + uid));
        }
        return list;
    }

    /** Agents in this JVM, 2 s per call and 3 s for all. */
    static InProcessTransport inProcess(Map<Integer, TradingAgent> agents) {
        return new InProcessTransport(agents, Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    /** A loop over {@code roster} with no chain and no state file. */
    static ValidatorLoop loop(ValidatorSettings settings, MinerTransport transport, Roster roster) {
        return new ValidatorLoop(settings, transport, roster, Optional.empty(), Optional.empty(),
                ValidatorLoop.metric(PLUGINS, settings.scoring()));
    }

    /** Creates the simulation with the loop attached and begins it. */
    static Simulation attach(ValidatorLoop loop, SimulationConfig config, long duration, long seed) {
        Simulation simulation = Simulation.create(config, PLUGINS, SimulationOptions.defaults()
                .withDuration(duration).withSeed(seed).withThreads(1).withRemote(loop));
        loop.begin(simulation, SimulationShapes.minerWealth(config));
        return simulation;
    }

    /** An agent answering with what {@code script} returns, recording every state it is given. */
    static final class ScriptedAgent implements TradingAgent {
        final List<StateUpdate> states = new ArrayList<>();
        private final Function<StateUpdate, List<Instruction>> script;
        private int agentId;

        ScriptedAgent(Function<StateUpdate, List<Instruction>> script) {
            this.script = script;
        }

        @Override
        public void start(int id, SimulationInfo simulation) {
            this.agentId = id;
        }

        @Override
        public synchronized AgentResponse respond(StateUpdate state) {
            states.add(state);
            return new AgentResponse(agentId, script.apply(state));
        }

        synchronized List<StateUpdate> states() {
            return List.copyOf(states);
        }
    }
}
