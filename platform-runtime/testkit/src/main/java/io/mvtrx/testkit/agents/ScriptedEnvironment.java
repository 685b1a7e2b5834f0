package io.mvtrx.testkit.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.MarketView;
import io.mvtrx.api.spi.process.PriceProcess;

/**
 * A fake {@link AgentEnvironment} for one agent instance: books, processes and the clock live in a world shared with
 * the instance's {@linkplain #peer peers}; the random stream (a seeded {@link SplitMix64}, the numbers of a {@code SplittableRandom} of that seed) and the accounts are
 * the instance's own. Every submission and wake-up is recorded, never executed; nothing is validated here, so a
 * contract test can assert on what an agent really asked for.
 *
 * {@snippet :
 * ScriptedEnvironment env = new ScriptedEnvironment(1, 42);
 * env.book(0).quote(29_995, 500_000, 30_005, 500_000);
 * env.account(0).balances(5_000_000, 1_500_000_000_000_000L);
 * env.defineProcess(0, "fundamental").set(310.0);
 * agent.onWake(0, 0, env.at(1_000_000_000L));
 * assertThat(env.submissions()).hasSize(1);
 * }
 *
 * Not thread-safe.
 */
public final class ScriptedEnvironment implements AgentEnvironment {

    /** One recorded {@link #submit}: who sent what, when, and with which latency. */
    public record Submission(int instanceIndex, long at, Instruction instruction, long latency) {
    }

    /** One recorded wake-up request: from which instance, for which instance, at which time it was asked. */
    public record Wake(int fromInstance, int toInstance, int bookId, long at, long timestamp, int kind) {
    }

    private static final class World {
        private final int bookCount;
        private final ScriptedMarket[] markets;
        private final Map<String, ScriptedProcess[]> processes = new HashMap<>();
        private final List<Submission> submissions = new ArrayList<>();
        private final List<Wake> wakes = new ArrayList<>();
        private long now;

        private World(int bookCount) {
            this.bookCount = bookCount;
            this.markets = new ScriptedMarket[bookCount];
            for (int i = 0; i < bookCount; i++) {
                markets[i] = new ScriptedMarket(i);
            }
        }
    }

    private final World world;
    private final int instanceIndex;
    private final RandomGenerator random;
    private final ScriptedAccount[] accounts;

    /** A new world of {@code bookCount} books, seen by instance 0 with a stream seeded by {@code seed}. */
    public ScriptedEnvironment(int bookCount, long seed) {
        this(new World(bookCount), 0, new SplitMix64(seed));
    }

    /** A new world of {@code bookCount} books, seen by instance 0 drawing from {@code random} (e.g. a script). */
    public ScriptedEnvironment(int bookCount, RandomGenerator random) {
        this(new World(bookCount), 0, random);
    }

    private ScriptedEnvironment(World world, int instanceIndex, RandomGenerator random) {
        if (world.bookCount < 1) {
            throw new IllegalArgumentException("a scripted world needs at least one book");
        }
        this.world = world;
        this.instanceIndex = instanceIndex;
        this.random = random;
        this.accounts = new ScriptedAccount[world.bookCount];
        for (int i = 0; i < world.bookCount; i++) {
            accounts[i] = new ScriptedAccount(-1 - instanceIndex, i);
        }
    }

    /** Another instance in the same world, with its own stream and fresh (empty) accounts. */
    public ScriptedEnvironment peer(int index, long seed) {
        return new ScriptedEnvironment(world, index, new SplitMix64(seed));
    }

    /** Another instance in the same world drawing from {@code peerRandom}. */
    public ScriptedEnvironment peer(int index, RandomGenerator peerRandom) {
        return new ScriptedEnvironment(world, index, peerRandom);
    }

    /** The random stream's state, for a {@link ScriptedKernel.Pause}; only for seeded streams. */
    long randomState() {
        if (random instanceof SplitMix64 seeded) {
            return seeded.state();
        }
        throw new IllegalStateException("only a seeded stream can be paused, not a " + random.getClass().getName());
    }

    void randomState(long state) {
        ((SplitMix64) random).state(state);
    }

    /** Every defined process's components from 1 on (the inputs agents set), by name and book. */
    Map<String, double[][]> processInputs() {
        Map<String, double[][]> inputs = new HashMap<>();
        world.processes.forEach((name, byBook) -> {
            double[][] copy = new double[byBook.length][];
            for (int b = 0; b < byBook.length; b++) {
                copy[b] = byBook[b] == null ? null : byBook[b].extra();
            }
            inputs.put(name, copy);
        });
        return inputs;
    }

    void processInputs(Map<String, double[][]> inputs) {
        inputs.forEach((name, byBook) -> {
            for (int b = 0; b < byBook.length; b++) {
                if (byBook[b] != null) {
                    defineProcess(b, name).extra(byBook[b]);
                }
            }
        });
    }

    /** Sets the world clock and returns this environment. */
    public ScriptedEnvironment at(long timestamp) {
        world.now = timestamp;
        return this;
    }

    /** The instance this environment belongs to. */
    public int instanceIndex() {
        return instanceIndex;
    }

    /** Books in the world. */
    public int bookCount() {
        return world.bookCount;
    }

    /** A book to script. */
    public ScriptedMarket book(int bookId) {
        return world.markets[bookId];
    }

    /** Defines (or returns) the process {@code name} of a book; a new one starts at 0. */
    public ScriptedProcess defineProcess(int bookId, String name) {
        ScriptedProcess[] byBook = world.processes.computeIfAbsent(name, n -> new ScriptedProcess[world.bookCount]);
        if (byBook[bookId] == null) {
            byBook[bookId] = new ScriptedProcess(0.0);
        }
        return byBook[bookId];
    }

    /** Every submission in the world so far, in order. */
    public List<Submission> submissions() {
        return Collections.unmodifiableList(world.submissions);
    }

    /** Every wake-up request in the world so far, in order. */
    public List<Wake> wakes() {
        return Collections.unmodifiableList(world.wakes);
    }

    /** Forgets the recorded submissions and wake-ups. */
    public void clearRecords() {
        world.submissions.clear();
        world.wakes.clear();
    }

    @Override
    public long now() {
        return world.now;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public MarketView market(int bookId) {
        return world.markets[bookId];
    }

    @Override
    public ScriptedAccount account(int bookId) {
        return accounts[bookId];
    }

    /**
     * The registered process, advanced to now.
     *
     * @throws IllegalArgumentException naming the book and process if none is defined
     */
    @Override
    public PriceProcess process(int bookId, String name) {
        ScriptedProcess[] byBook = world.processes.get(name);
        if (byBook == null || byBook[bookId] == null) {
            throw new IllegalArgumentException(String.format(
                    "book %d has no process named '%s' (registered: %s)", bookId, name, world.processes.keySet()));
        }
        byBook[bookId].advanceTo(world.now);
        return byBook[bookId];
    }

    @Override
    public void submit(Instruction instruction, long latency) {
        world.submissions.add(new Submission(instanceIndex, world.now, instruction, latency));
    }

    @Override
    public void wakeAt(int bookId, long timestamp, int kind) {
        world.wakes.add(new Wake(instanceIndex, instanceIndex, bookId, world.now, timestamp, kind));
    }

    @Override
    public void wakeInstance(int peerIndex, int bookId, long timestamp, int kind) {
        world.wakes.add(new Wake(instanceIndex, peerIndex, bookId, world.now, timestamp, kind));
    }
}
