package io.mvtrx.runtime.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.snapshot.StateFormatException;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.checkpoint.Checkpoint;
import io.mvtrx.runtime.simulator.checkpoint.CheckpointStore;
import io.mvtrx.runtime.simulator.checkpoint.Checkpointer;
import io.mvtrx.runtime.simulator.checkpoint.RunDescription;
import io.mvtrx.runtime.simulator.checkpoint.SimulationState;
import io.mvtrx.runtime.simulator.internal.Block;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 4 item 6: a run checkpointed, abandoned and resumed from a checkpoint writes the same event log, byte for
 * byte, and ends in the same state as the same run uninterrupted — on one thread or two, resumed on the other count.
 * The small configuration (2 blocks × 2 books, six agent models, 3 remote accounts), 5 simulated minutes.
 */
class CheckpointResumeTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long FIVE_MINUTES = 300 * SECOND;
    private static final int INTERVAL = 100;

    @TempDir
    Path temp;

    /** What a finished run leaves. */
    private record Outcome(byte[] log, long hash, long events, long[] states, List<BookStats> books,
                           List<String> publications) {
    }

    private static SimulationOptions options(int threads, Path log) {
        return SimulationOptions.defaults().withDuration(FIVE_MINUTES).withThreads(threads).withEventLog(log);
    }

    private static RunDescription description(Simulation simulation, String name, String xml) {
        return new RunDescription(simulation.info().simulationId(), name, xml.getBytes(StandardCharsets.UTF_8),
                simulation.clock().duration(), simulation.seed(), simulation.info().blockCount(),
                simulation.info().booksPerBlock(), true);
    }

    private static Outcome finish(Simulation simulation, Path log, List<String> publications,
                                  Simulation.ProgressListener listener) throws IOException {
        simulation.run(listener);
        for (Block block : simulation.blocks()) {
            block.checkInvariants();
        }
        return new Outcome(Files.readAllBytes(log), simulation.eventLogHash(), simulation.l3Events(),
                simulation.stateHashes(), simulation.bookStats(), publications);
    }

    @ParameterizedTest(name = "run on {0} thread(s), resumed on {1}")
    @CsvSource({"1, 2", "2, 1"})
    void aResumedRunWritesTheSameEventLogAndEndsInTheSameState(int threads, int resumedThreads) throws IOException {
        Path whole = temp.resolve("whole/events.l3");
        Outcome uninterrupted;
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options(threads, whole))) {
            uninterrupted = finish(simulation, whole, List.of(), progress -> { });
        }

        Path run = temp.resolve("run");
        Path log = run.resolve("events.l3");
        CheckpointStore store = new CheckpointStore(run.resolve(CheckpointStore.FOLDER), 3);
        List<String> warnings = new ArrayList<>();
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options(threads, log));
             Checkpointer checkpointer = new Checkpointer(simulation, store, INTERVAL,
                     description(simulation, "small.xml", Fixtures.text("small.xml")), warnings::add)) {
            for (int step = 0; step < 250; step++) {
                simulation.step();
                checkpointer.onStep(simulation.progress());
            }
            assertThat(checkpointer.written()).isEqualTo(2);
        }
        assertThat(warnings).isEmpty();
        List<Checkpoint> saved = store.list();
        assertThat(saved).extracting(Checkpoint::step).containsExactly(100L, 200L);
        byte[] block1At200 = Files.readAllBytes(saved.get(1).directory().resolve("block-0001.state"));

        Checkpoint first = saved.getFirst();
        SimulationConfig config = SimulationConfigs.load(first.run().configName(),
                new ByteArrayInputStream(first.run().configXml()), Fixtures.PLUGINS);
        Outcome resumed;
        try (Simulation simulation = Simulation.resume(config, Fixtures.PLUGINS, options(resumedThreads, log),
                CheckpointStore.read(first));
             Checkpointer checkpointer = new Checkpointer(simulation, store, INTERVAL, first.run(), warnings::add)) {
            assertThat(simulation.time()).isEqualTo(100 * SECOND);
            assertThat(Files.size(log)).isEqualTo(first.eventLog().bytes());
            resumed = finish(simulation, log, List.of(), checkpointer);
            assertThat(checkpointer.written()).isEqualTo(1);
        }

        assertThat(resumed.events()).isEqualTo(uninterrupted.events()).isGreaterThan(2_000);
        assertThat(resumed.hash()).isEqualTo(uninterrupted.hash());
        assertThat(resumed.log()).isEqualTo(uninterrupted.log());
        assertThat(resumed.states()).containsExactly(uninterrupted.states());
        assertThat(resumed.books()).isEqualTo(uninterrupted.books());
        // the resumed run saved step 200 again, with exactly the state the first run saved there
        assertThat(store.list()).extracting(Checkpoint::step).containsExactly(100L, 200L);
        assertThat(Files.readAllBytes(store.list().get(1).directory().resolve("block-0001.state")))
                .isEqualTo(block1At200);
    }

    /**
     * With remote agents: their answers (trades, resting orders, a refused book) and the notices they were
     * published survive the checkpoint — the publications after it match the uninterrupted run's.
     */
    @Test
    void aResumedRunWithRemoteAgentsPublishesWhatTheUninterruptedRunPublishes() throws IOException {
        Path whole = temp.resolve("whole/events.l3");
        List<String> uninterruptedPublications = new ArrayList<>();
        Outcome uninterrupted;
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS,
                options(2, whole).withRemote(miners(uninterruptedPublications, 151 * SECOND)))) {
            uninterrupted = finish(simulation, whole, uninterruptedPublications, progress -> { });
        }

        Path log = temp.resolve("run/events.l3");
        CheckpointStore store = new CheckpointStore(temp.resolve("run/checkpoints"), 1);
        List<String> ignored = new ArrayList<>();
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS,
                options(2, log).withRemote(miners(ignored, Long.MAX_VALUE)));
             Checkpointer checkpointer = new Checkpointer(simulation, store, 150,
                     description(simulation, "small.xml", Fixtures.text("small.xml")), ignored::add)) {
            while (simulation.progress().steps() < 170) {
                simulation.step();
                checkpointer.onStep(simulation.progress());
            }
        }
        Checkpoint checkpoint = store.latest().orElseThrow();
        assertThat(checkpoint.step()).isEqualTo(150);
        List<String> resumedPublications = new ArrayList<>();
        Outcome resumed;
        try (Simulation simulation = Simulation.resume(Fixtures.small(), Fixtures.PLUGINS,
                options(1, log).withRemote(miners(resumedPublications, 151 * SECOND)),
                CheckpointStore.read(checkpoint))) {
            resumed = finish(simulation, log, resumedPublications, progress -> { });
        }

        assertThat(resumedPublications).hasSizeGreaterThan(100).isEqualTo(uninterrupted.publications());
        assertThat(String.join("\n", resumedPublications)).contains("TradeNotice", "UNKNOWN_BOOK", "OrderAccepted");
        assertThat(resumed.log()).isEqualTo(uninterrupted.log());
        assertThat(resumed.states()).containsExactly(uninterrupted.states());
    }

    /**
     * Three deterministic miners: every 7 s account 0 buys through the asks of book 1, account 1 rests a bid on
     * book 2 and cancels its previous one, account 2 sends an order for a book that does not exist. Publications at
     * or after {@code recordFrom} are recorded as text (time, and each account's notices).
     */
    private static RemoteAgents miners(List<String> record, long recordFrom) {
        return publication -> {
            long t = publication.timestamp();
            if (t >= recordFrom) {
                StringBuilder line = new StringBuilder(Long.toString(t));
                publication.updates().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    line.append(" | ").append(e.getKey()).append(':');
                    for (Notice notice : e.getValue().notices()) {
                        line.append(' ').append(notice);
                    }
                });
                record.add(line.toString());
            }
            if (t % (7 * SECOND) != 0 || publication.last()) {
                return Map.of();
            }
            long round = t / (7 * SECOND);
            List<Instruction> rest = new ArrayList<>();
            if (round > 9) {
                rest.add(new CancelOrders(2, List.of(new CancelOrders.Cancellation(round, -1)), 2_000));
            }
            rest.add(limit(2, Side.BUY, 29_000 + round, round, 3_000));
            return Map.of(
                    0, new AgentResponse(0, List.of(limit(1, Side.BUY, 31_000, 0, 1_000))),
                    1, new AgentResponse(1, rest),
                    2, new AgentResponse(2, List.of(limit(77, Side.SELL, 30_000, round, 0))));
        };
    }

    private static PlaceLimit limit(int book, Side side, long price, long clientOrderId, long delay) {
        return new PlaceLimit(book, side, price, 5_000, Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO,
                clientOrderId, SettleFlag.FIFO, 0, 0, delay);
    }

    @Test
    void aPluginThatCannotSaveItsStateIsNamedAndTheRunGoesOnWithoutCheckpoints() {
        List<String> warnings = new ArrayList<>();
        CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"), 3);
        try (Simulation simulation = Simulation.create(Fixtures.small(), new OpaqueFees(Fixtures.PLUGINS),
                SimulationOptions.defaults().withDuration(20 * SECOND).withThreads(1));
             Checkpointer checkpointer = new Checkpointer(simulation, store, 5,
                     description(simulation, "small.xml", Fixtures.text("small.xml")), warnings::add)) {
            simulation.run(checkpointer);

            assertThat(simulation.finished()).isTrue();
            assertThat(checkpointer.enabled()).isFalse();
            assertThat(warnings).containsExactly("checkpoints disabled: fee policy 'dynamic' ("
                    + OpaqueFees.Policy.class.getName() + ") cannot save its state (it does not implement "
                    + "io.mvtrx.api.snapshot.Snapshottable)");
            assertThat(store.list()).isEmpty();
            assertThatThrownBy(simulation::capture).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fee policy 'dynamic'");
        }
    }

    @Test
    void aResumeRefusesAnEventLogShorterThanTheCheckpointAndACorruptStateFile() throws IOException {
        Path log = temp.resolve("run/events.l3");
        CheckpointStore store = new CheckpointStore(temp.resolve("run/checkpoints"), 3);
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options(1, log));
             Checkpointer checkpointer = new Checkpointer(simulation, store, 10,
                     description(simulation, "small.xml", Fixtures.text("small.xml")), message -> { })) {
            for (int step = 0; step < 12; step++) {
                simulation.step();
                checkpointer.onStep(simulation.progress());
            }
        }
        Checkpoint checkpoint = CheckpointStore.locate(temp.resolve("run"));
        assertThat(checkpoint.step()).isEqualTo(10);
        assertThat(checkpoint.runDirectory()).isEqualTo(temp.resolve("run").toAbsolutePath());
        SimulationState state = CheckpointStore.read(checkpoint);

        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(checkpoint.eventLog().bytes() - 1);
        }
        assertThatThrownBy(() -> Simulation.resume(Fixtures.small(), Fixtures.PLUGINS, options(1, log), state))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot continue the event log %s: it has %d bytes, the checkpoint needs its first %d",
                        log, checkpoint.eventLog().bytes() - 1, checkpoint.eventLog().bytes());
        assertThatThrownBy(() -> Simulation.resume(Fixtures.small(), Fixtures.PLUGINS,
                options(1, log).withBlockCount(1), state))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("the checkpoint holds 2 blocks, the run has 1");

        Path blockFile = checkpoint.directory().resolve("block-0001.state");
        byte[] bytes = Files.readAllBytes(blockFile);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blockFile, bytes);
        assertThatThrownBy(() -> CheckpointStore.read(checkpoint)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(blockFile + " is corrupt: ");
    }

    @Test
    void onlyTheNewestCheckpointsAreKeptAndAnUnfinishedOneIsNeverSeen() throws IOException {
        CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"), 2);
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS,
                SimulationOptions.defaults().withDuration(60 * SECOND).withThreads(2));
             Checkpointer checkpointer = new Checkpointer(simulation, store, 10,
                     description(simulation, "small.xml", Fixtures.text("small.xml")), message -> { })) {
            simulation.run(checkpointer);
            assertThat(checkpointer.written()).isEqualTo(5);
        }
        assertThat(store.list()).extracting(Checkpoint::step).containsExactly(40L, 50L);
        try (var entries = Files.list(store.directory())) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("step-000000040", "step-000000050");
        }
        // a crash mid-write leaves a temporary directory: it is not a checkpoint
        Files.createDirectories(store.directory().resolve(".step-000000060.tmp"));
        Files.writeString(store.directory().resolve(".step-000000060.tmp/simulation.state"), "half");
        assertThat(store.latest().map(Checkpoint::step)).isEqualTo(Optional.of(50L));
    }

    /** The built-in catalog, except that the fee policies it makes cannot save their state. */
    private record OpaqueFees(PluginCatalog delegate) implements PluginCatalog {

        /** A fee policy without checkpoint support: it forwards to a built-in one. */
        record Policy(FeePolicy inner) implements FeePolicy {
            @Override
            public long makerRate(int agentId, int bookId) {
                return inner.makerRate(agentId, bookId);
            }

            @Override
            public long takerRate(int agentId, int bookId) {
                return inner.takerRate(agentId, bookId);
            }

            @Override
            public void recordTrade(int bookId, long timestamp, int makerAgentId, int takerAgentId, long volume) {
                inner.recordTrade(bookId, timestamp, makerAgentId, takerAgentId, volume);
            }

            @Override
            public void onStep(long timestamp) {
                inner.onStep(timestamp);
            }

            @Override
            public void reset(int agentId) {
                inner.reset(agentId);
            }

            @Override
            public long volume(int agentId, int bookId) {
                return inner.volume(agentId, bookId);
            }
        }

        @Override
        public <P extends PluginProvider> Optional<P> find(Class<P> type, String name) {
            Optional<P> found = delegate.find(type, name);
            if (type != FeePolicyProvider.class || found.isEmpty()) {
                return found;
            }
            FeePolicyProvider real = (FeePolicyProvider) found.get();
            FeePolicyProvider opaque = new FeePolicyProvider() {
                @Override
                public String name() {
                    return real.name();
                }

                @Override
                public String description() {
                    return real.description();
                }

                @Override
                public ParameterSchema parameters() {
                    return real.parameters();
                }

                @Override
                public FeePolicy create(Settings settings, FeeContext context) {
                    return new Policy(real.create(settings, context));
                }
            };
            return Optional.of(type.cast(opaque));
        }

        @Override
        public List<String> names(ExtensionPoint point) {
            return delegate.names(point);
        }
    }
}
