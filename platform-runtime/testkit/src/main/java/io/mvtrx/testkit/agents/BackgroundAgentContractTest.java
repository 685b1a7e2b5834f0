package io.mvtrx.testkit.agents;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.Snapshots;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every background-agent model meets. A model's test extends this class, names its provider and its
 * configuration element (built from the live XML with {@link XmlSettings}), and may reshape the scripted world. The
 * test runs a small population ({@link #instanceCount()} instances on {@link #bookCount()} books) through
 * {@code onStart} and its own wake-ups for {@link #horizon()} of simulated time in a reference world (a book around
 * 300.00 with 21 levels a side, a fundamental oscillating around 300, an external price stepping every minute, a
 * magnetic field of mean 0.5, every instance holding 500 base and 150 000 quote), then checks that:
 * <ul>
 *   <li>the provider is named after its element and the live element passes its schema;</li>
 *   <li>every instruction is well formed: positive prices and volumes, base currency, leverage within the exchange's
 *       maximum, a GTT order has an expiry, a known book;</li>
 *   <li>placements travel with a latency within the configured bounds;</li>
 *   <li>every wake-up is in the future, for a known book and a known instance;</li>
 *   <li>the population trades at all within the horizon;</li>
 *   <li>the same seeds give the same instructions, latencies and wake-ups; other seeds give others.</li>
 * </ul>
 */
public abstract class BackgroundAgentContractTest {

    /** The reference decimals: price 2, volume 4, base 4, quote 10. */
    protected static final BookDecimals DECIMALS = BookDecimals.REFERENCE;

    /** 300.00 at the price decimals. */
    protected static final long INITIAL_PRICE = 30_000;

    /** The exchange's maximum leverage, 4, at the volume decimals. */
    protected static final long MAX_LEVERAGE = 40_000;

    /** One simulated day, ns. */
    protected static final long DAY = 86_400_000_000_000L;

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    /** What one run produced. */
    protected record Run(List<ScriptedEnvironment.Submission> submissions, List<ScriptedEnvironment.Wake> wakes,
                         int delivered) {
    }

    /** The provider under test. */
    protected abstract BackgroundAgentModelProvider provider();

    /** The configuration element, normally from the live XML. */
    protected abstract Settings settings();

    /** Instances in the test population. */
    protected int instanceCount() {
        return 4;
    }

    /** Books in the test world. */
    protected int bookCount() {
        return 2;
    }

    /** Simulated time the population runs. */
    protected long horizon() {
        return HOUR;
    }

    /** Upper bound on the events one run delivers. */
    protected int maxEvents() {
        return 20_000;
    }

    /** Shortest placement latency allowed, ns. */
    protected long minPlacementLatency() {
        return settings().longValue("minOPLatency");
    }

    /** Longest placement latency allowed, ns. */
    protected long maxPlacementLatency() {
        return settings().longValue("maxOPLatency");
    }

    /** Whether the scripted kernel acknowledges placements (agents that wait for replies need it). */
    protected boolean acknowledgePlacements() {
        return true;
    }

    /** The block the population runs in. */
    protected PopulationContext populationContext() {
        return new PopulationContext(bookCount(), instanceCount(), DECIMALS, INITIAL_PRICE, MAX_LEVERAGE, 0, DAY, 7);
    }

    /** Sets up books and processes; override to reshape (call super first). */
    protected void prepareWorld(ScriptedEnvironment world) {
        for (int book = 0; book < world.bookCount(); book++) {
            ScriptedMarket market = world.book(book).clear().lastTrade(INITIAL_PRICE);
            for (int level = 0; level < 21; level++) {
                market.addBid(INITIAL_PRICE - 1 - level, 1_500_000).addAsk(INITIAL_PRICE + 1 + level, 1_500_000);
            }
            world.defineProcess(book, "fundamental")
                    .path(t -> 300.0 * (1 + 0.02 * Math.sin(2 * Math.PI * t / (double) HOUR)));
            world.defineProcess(book, "external").path(t -> 300.0 + 3.0 * ((t / MINUTE) % 3));
            // the MagneticField layout: 0 mean spin, 1 its last change, 2 + k spin k
            double[] changeAndSpins = new double[1 + 1024];
            for (int site = 0; site < 1024; site++) {
                changeAndSpins[1 + site] = site % 4 == 3 ? -1 : 1;
            }
            world.defineProcess(book, "magneticfield").set(0.5).components(changeAndSpins);
        }
    }

    /** Funds one instance's account on one book; override to change (500 base, 150 000 quote, taker 0.023 %). */
    protected void prepareAccount(ScriptedAccount account, int instance, int book) {
        account.balances(5_000_000, 1_500_000_000_000_000L).fees(0, 23_000);
    }

    /**
     * Whether the model's populations and agents save their state for checkpoints
     * ({@code io.mvtrx.api.snapshot.Snapshottable}); every built-in model does.
     */
    protected boolean snapshots() {
        return true;
    }

    /** A population in a prepared world, not started. */
    private record Setup(AgentPopulation population, ScriptedEnvironment world, ScriptedKernel kernel) {

        Object[] parts() {
            Object[] parts = new Object[1 + kernel.instanceCount()];
            parts[0] = population;
            for (int i = 0; i < kernel.instanceCount(); i++) {
                parts[1 + i] = kernel.agent(i);
            }
            return parts;
        }
    }

    private Setup setup(long seedBase) {
        PopulationContext context = populationContext();
        AgentPopulation population = provider().create(settings(), context);
        ScriptedEnvironment world = new ScriptedEnvironment(context.bookCount(), seedBase).at(context.startTime());
        prepareWorld(world);
        ScriptedKernel kernel = new ScriptedKernel(population, context, world, seedBase, acknowledgePlacements());
        for (int i = 0; i < context.instanceCount(); i++) {
            for (int book = 0; book < context.bookCount(); book++) {
                prepareAccount(kernel.environment(i).account(book), i, book);
            }
        }
        return new Setup(population, world, kernel);
    }

    /** Runs the population once with instance seeds {@code seedBase + i}. */
    protected final Run run(long seedBase) {
        Setup setup = setup(seedBase);
        setup.kernel().start();
        setup.kernel().run(populationContext().startTime() + horizon(), maxEvents());
        return new Run(List.copyOf(setup.world().submissions()), List.copyOf(setup.world().wakes()),
                setup.kernel().delivered());
    }

    /**
     * The population saved halfway through the horizon (population and every instance) and restored into fresh
     * instances of other seeds — so that only the restored state can reproduce the saved run — acts from then on
     * exactly as the saved one: the same instructions with the same latencies, the same wake-ups.
     */
    @Test
    void aRestoredPopulationActsAsTheSavedOne() {
        assumeTrue(snapshots(), "the model does not save its state");
        long half = populationContext().startTime() + horizon() / 2;
        long end = populationContext().startTime() + horizon();
        Setup saved = setup(31);
        saved.kernel().start();
        saved.kernel().run(half, maxEvents());
        ScriptedKernel.Pause pause = saved.kernel().pause();
        byte[] state = Snapshots.save(saved.parts());
        int submissionsBefore = saved.world().submissions().size();
        int wakesBefore = saved.world().wakes().size();
        saved.kernel().run(end, maxEvents());

        Setup restored = setup(977);
        Snapshots.restore(state, restored.parts());
        restored.kernel().resume(pause);
        restored.kernel().run(end, maxEvents());

        List<ScriptedEnvironment.Submission> expected = saved.world().submissions()
                .subList(submissionsBefore, saved.world().submissions().size());
        List<ScriptedEnvironment.Wake> expectedWakes = saved.world().wakes()
                .subList(wakesBefore, saved.world().wakes().size());
        assumeTrue(!expected.isEmpty() || !expectedWakes.isEmpty(), "the model does nothing after its start");
        assertThat(restored.world().submissions()).isEqualTo(expected);
        assertThat(restored.world().wakes()).isEqualTo(expectedWakes);
    }

    @Test
    void providerIsNamedAfterItsElement() {
        assertThat(provider().name()).isEqualTo(settings().element());
    }

    @Test
    void liveElementPassesTheSchema() {
        assertThat(provider().parameters().check(settings())).isEmpty();
    }

    @Test
    void submitsOnlyWellFormedInstructions() {
        Run run = run(11);
        List<String> problems = new ArrayList<>();
        for (ScriptedEnvironment.Submission submission : run.submissions()) {
            wellFormed(submission.instruction(), problems);
        }
        assertThat(problems).as("malformed instructions").isEmpty();
    }

    @Test
    void placesWithLatenciesWithinTheConfiguredBounds() {
        Run run = run(11);
        for (ScriptedEnvironment.Submission submission : run.submissions()) {
            if (submission.instruction() instanceof PlaceLimit || submission.instruction() instanceof PlaceMarket) {
                assertThat(submission.latency()).as("latency of %s", submission.instruction())
                        .isBetween(minPlacementLatency(), maxPlacementLatency());
            } else {
                assertThat(submission.latency()).as("latency of %s", submission.instruction()).isNotNegative();
            }
        }
    }

    @Test
    void schedulesWakeUpsOnlyInTheFutureForKnownBooksAndInstances() {
        Run run = run(11);
        for (ScriptedEnvironment.Wake wake : run.wakes()) {
            assertThat(wake.timestamp()).as("%s", wake).isGreaterThan(wake.at());
            assertThat(wake.bookId()).as("%s", wake).isBetween(0, bookCount() - 1);
            assertThat(wake.toInstance()).as("%s", wake).isBetween(0, instanceCount() - 1);
        }
    }

    @Test
    void tradesWithinTheHorizon() {
        Run run = run(11);
        assertThat(run.submissions().stream().map(ScriptedEnvironment.Submission::instruction)
                .filter(i -> i instanceof PlaceLimit || i instanceof PlaceMarket))
                .as("placements within %d ns", horizon()).isNotEmpty();
    }

    @Test
    void sameSeedsGiveTheSameActions() {
        Run first = run(23);
        Run second = run(23);
        assertThat(second.submissions()).isEqualTo(first.submissions());
        assertThat(second.wakes()).isEqualTo(first.wakes());
    }

    @Test
    void otherSeedsGiveOtherActions() {
        assertThat(run(24).submissions()).isNotEqualTo(run(23).submissions());
    }

    private void wellFormed(Instruction instruction, List<String> problems) {
        switch (instruction) {
            case PlaceLimit limit -> {
                check(limit.price() > 0 && limit.price() <= 10 * INITIAL_PRICE, "price", limit, problems);
                check(limit.volume() > 0, "volume", limit, problems);
                check(limit.currency() == Currency.BASE, "currency", limit, problems);
                check(limit.leverage() >= 0 && limit.leverage() <= MAX_LEVERAGE, "leverage", limit, problems);
                check(limit.timeInForce() != TimeInForce.GTT || limit.expiryPeriod() > 0, "expiry", limit, problems);
                check(book(limit.bookId()), "book", limit, problems);
            }
            case PlaceMarket market -> {
                check(market.volume() > 0, "volume", market, problems);
                check(market.currency() == Currency.BASE, "currency", market, problems);
                check(market.leverage() >= 0 && market.leverage() <= MAX_LEVERAGE, "leverage", market, problems);
                check(book(market.bookId()), "book", market, problems);
            }
            case CancelOrders cancel -> {
                check(!cancel.cancellations().isEmpty(), "cancellations", cancel, problems);
                check(book(cancel.bookId()), "book", cancel, problems);
            }
            case ClosePositions close -> check(book(close.bookId()), "book", close, problems);
            case ResetAgents reset -> problems.add("background agents never reset accounts: " + reset);
        }
    }

    private boolean book(int bookId) {
        return bookId >= 0 && bookId < bookCount();
    }

    private static void check(boolean ok, String field, Instruction instruction, List<String> problems) {
        if (!ok) {
            problems.add(field + " of " + instruction);
        }
    }
}
