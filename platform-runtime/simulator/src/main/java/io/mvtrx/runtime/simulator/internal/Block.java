package io.mvtrx.runtime.simulator.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.snapshot.StateFormatException;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.api.spi.balances.StartingBalance;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.runtime.config.AgentGroupConfig;
import io.mvtrx.runtime.config.BalancesConfig;
import io.mvtrx.runtime.config.BooksConfig;
import io.mvtrx.runtime.config.ExchangeConfig;
import io.mvtrx.runtime.config.ProcessConfig;
import io.mvtrx.runtime.exchange.Exchange;
import io.mvtrx.runtime.exchange.ExchangeSpec;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.BookStats;
import io.mvtrx.runtime.simulator.kernel.EventQueue;
import io.mvtrx.runtime.simulator.kernel.SeedTree;
import io.mvtrx.runtime.simulator.kernel.Steppable;

/**
 * One block (simulator-054.md §1.2): an exchange with {@code booksPerBlock} books, their processes, a full copy of
 * every background-agent population, the remote accounts, and the block's queue of messages. Blocks never share
 * mutable state, so any number of them can step in parallel and the result does not depend on the thread count.
 *
 * <p>A step ({@link #step}) follows simulator-054.md §1.3: the exchange's step start at the current time (fee-policy
 * roll, margin calls), then every message arriving strictly before the cutoff, in (arrival, priority, insertion)
 * order, each at its arrival time: wake-ups and notices call the agent, instructions go to the exchange (which
 * first expires due GTT orders); finally GTT orders expiring before the cutoff are expired, the books are sampled for
 * the report and the block's time becomes the cutoff.
 *
 * <p>Random streams: an agent draws from a {@link SplitMix64} (the numbers of a {@code SplittableRandom}) seeded with
 * {@code SeedTree.derive(seed, "agent/" + group, block, instance)}, a population from
 * {@code derive(seed, "population/" + group, block)}, a process from
 * {@code derive(seed, "process/" + name, canonicalBook)}: each depends only on its own path, so adding an agent or a
 * block shifts nobody else's stream. Balances draw per (account, canonical book, draw) (see the balances SPI).
 *
 * <p>Checkpoints ({@link #writeState}, {@link #restore}): between steps the block saves its clock, counters, the
 * exchange, and — each as a section naming its plugin — the fee policy, every process, population and agent, each
 * agent's random stream and last notice time, the router's memory and every queued message as data. A restored
 * block is built from the same setup without funding or starting anything, then reads that state.
 *
 * <p>Confined to one thread at a time: the scheduler's worker during a step, the simulation's thread at the barrier.
 */
public final class Block implements Steppable {

    private static final Map<Class<?>, Boolean> NOTICE_OVERRIDES = new ConcurrentHashMap<>();

    private final int index;
    private final int bookOffset;
    private final int bookCount;
    private final long start;
    private final Exchange exchange;
    private final FeePolicy fees;
    private final OrderBook[] books;
    private final String[] processNames;
    private final PriceProcess[][] processes;
    private final AgentSlot[] slots;
    private final int[] populationBase;
    private final int[] populationSize;
    private final String[] populationNames;
    private final String[] populationModels;
    private final AgentPopulation[] populations;
    private final String feeType;
    private final String ruleName;
    private final String[] processTypes;
    private final EventQueue<Message> queue = new EventQueue<>(1 << 14);
    private final MessagePool pool = new MessagePool();
    private final L3Buffer l3 = new L3Buffer();
    private final Router router;
    private final BlockEnvironment environment;
    private final int remoteCount;
    private final BalanceDistribution remoteBalances;
    private final int[] remoteDraws;
    private final int[] remoteEpochs;
    private final BookDecimals decimals;

    private final long[] trades;
    private final long[] tradedVolume;
    private final long[] events;
    private final double[] midSum;
    private final long[] spreadSum;
    private final long[] samples;
    private long marginCalls;

    private long now;
    private long exchangeSteppedAt = Long.MIN_VALUE;
    private boolean started;
    private long messages;
    private long startupNanos;
    private int lastStateSize = 1 << 16;

    private Block(BlockSetup setup, long buildStarted, StateReader state) {
        this.index = setup.index();
        this.bookCount = setup.booksPerBlock();
        this.bookOffset = index * bookCount;
        this.start = setup.start();
        this.now = setup.start();
        ExchangeConfig config = setup.exchange();
        BooksConfig booksConfig = config.books();
        PluginCatalog catalog = setup.catalog();
        this.decimals = config.decimals();

        this.feeType = config.feePolicy().type();
        this.ruleName = booksConfig.algorithm();
        this.fees = catalog.require(FeePolicyProvider.class, config.feePolicy().type())
                .create(config.feePolicy().settings(), new FeeContext(bookCount, decimals));
        MatchingRule rule = catalog.require(MatchingRuleProvider.class, booksConfig.algorithm())
                .create(booksConfig.settings());
        this.books = new OrderBook[bookCount];
        MatchingRule capturing = spec -> {
            OrderBook book = rule.newBook(spec);
            books[spec.bookId()] = book;
            return book;
        };

        // Agents first: the router needs the slots, the exchange needs the router.
        List<AgentGroupConfig> groups = setup.groups();
        int total = 0;
        for (AgentGroupConfig group : groups) {
            total += group.instanceCount();
        }
        this.slots = new AgentSlot[total];
        this.populationBase = new int[groups.size()];
        this.populationSize = new int[groups.size()];
        this.populationNames = new String[groups.size()];
        this.populationModels = new String[groups.size()];
        this.remoteCount = config.remoteAgentCount();
        this.remoteDraws = new int[remoteCount];
        this.remoteEpochs = new int[remoteCount];

        this.trades = new long[bookCount];
        this.tradedVolume = new long[bookCount];
        this.events = new long[bookCount];
        this.midSum = new double[bookCount];
        this.spreadSum = new long[bookCount];
        this.samples = new long[bookCount];

        long initialPrice = config.initialPrice();
        PopulationContext[] contexts = new PopulationContext[groups.size()];
        this.populations = new AgentPopulation[groups.size()];
        int next = 0;
        int minId = 0;
        for (int g = 0; g < groups.size(); g++) {
            AgentGroupConfig group = groups.get(g);
            populationBase[g] = next;
            populationSize[g] = group.instanceCount();
            populationNames[g] = group.name();
            populationModels[g] = group.model();
            contexts[g] = new PopulationContext(bookCount, group.instanceCount(), decimals, initialPrice,
                    config.maxLeverage(), setup.start(), setup.duration(),
                    SeedTree.derive(setup.seed(), "population/" + group.name(), index));
            populations[g] = catalog.require(BackgroundAgentModelProvider.class, group.model())
                    .create(group.settings(), contexts[g]);
            next += group.instanceCount();
            for (int id : setup.agentIds()[g]) {
                minId = Math.min(minId, id);
            }
        }
        AgentSlot[] localSlots = new AgentSlot[-minId];
        List<AgentSlot> observing = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            AgentGroupConfig group = groups.get(g);
            int[] ids = setup.agentIds()[g];
            for (int i = 0; i < group.instanceCount(); i++) {
                long seed = SeedTree.derive(setup.seed(), "agent/" + group.name(), index, i);
                BackgroundAgent agent = populations[g].agent(
                        new AgentContext(ids[i], i, AgentDirectory.instanceName(group.name(), i), seed));
                int slotIndex = populationBase[g] + i;
                AgentSlot slot = new AgentSlot(slotIndex, ids[i], g, i, seed, new SplitMix64(seed), agent,
                        wantsNotices(agent), agent.observesTrades());
                slots[slotIndex] = slot;
                localSlots[-ids[i] - 1] = slot;
                if (slot.observesTrades) {
                    observing.add(slot);
                }
            }
        }
        this.router = new Router(this, bookOffset, localSlots, remoteCount, setup.publishes(),
                observing.toArray(new AgentSlot[0]));

        ExchangeSpec spec = new ExchangeSpec(Collections.nCopies(bookCount, decimals),
                decimals.volume().toDecimal(config.minOrderSize()), config.maxOpenOrders(),
                decimals.volume().toDecimal(config.maxLeverage()), decimals.quote().toDecimal(config.maxLoan()),
                Rate.SCALE.toDecimal(config.maintenanceMargin()), decimals.price().toDecimal(initialPrice),
                booksConfig.maxDepth(), booksConfig.detailedDepth(), setup.expectedOrders());
        this.exchange = new Exchange(spec, capturing, fees, router);
        this.environment = new BlockEnvironment(this, exchange, books, fees);

        // Processes, one instance per book and <Processes> child.
        List<ProcessConfig> processConfigs = booksConfig.processes();
        this.processNames = new String[processConfigs.size()];
        this.processTypes = new String[processConfigs.size()];
        this.processes = new PriceProcess[bookCount][processConfigs.size()];
        double initialValue = decimals.price().toDouble(initialPrice);
        for (int p = 0; p < processConfigs.size(); p++) {
            ProcessConfig process = processConfigs.get(p);
            processNames[p] = process.name();
            processTypes[p] = process.type();
            for (int b = 0; b < bookCount; b++) {
                processes[b][p] = Processes.create(process, catalog, setup.seed(), bookOffset + b, initialValue,
                        setup.start(), setup.duration());
            }
        }

        // Starting balances: remote accounts from the exchange's <Balances>, groups from their own (or it).
        this.remoteBalances = distribution(catalog, config.balances(), setup.seed(), "remote", initialValue);
        if (state == null) {
            for (int id = 0; id < remoteCount; id++) {
                fund(remoteBalances, id, 0);
            }
            for (int g = 0; g < groups.size(); g++) {
                AgentGroupConfig group = groups.get(g);
                BalanceDistribution balances = distribution(catalog, group.balances().orElse(config.balances()),
                        setup.seed(), "group/" + group.name(), initialValue);
                for (int id : setup.agentIds()[g]) {
                    fund(balances, id, 0);
                }
            }
            startAgents();
        } else {
            readState(state);
            started = true;
        }
        this.startupNanos = System.nanoTime() - buildStarted;
    }

    /**
     * Builds a block and starts it: its agents' {@code onStart} run at the start time.
     *
     * @throws IllegalArgumentException naming the block, if a plugin rejects its configuration
     */
    public static Block build(BlockSetup setup) {
        long began = System.nanoTime();
        try {
            return new Block(setup, began, null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("block %d: %s", setup.index(), e.getMessage()), e);
        }
    }

    /**
     * Builds a block from the same setup as a saved one and restores the saved state instead of funding accounts
     * and starting agents.
     *
     * @param state what {@link #writeState} saved
     * @throws io.mvtrx.api.snapshot.StateFormatException naming the block and the component, if the state does not
     *                                                    fit this setup
     * @throws IllegalArgumentException                   naming the block, if a plugin rejects its configuration
     */
    public static Block restore(BlockSetup setup, StateReader state) {
        long began = System.nanoTime();
        try {
            return new Block(setup, began, state);
        } catch (StateFormatException e) {
            throw new StateFormatException(String.format("block %d: %s", setup.index(), e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("block %d: %s", setup.index(), e.getMessage()), e);
        }
    }

    private BalanceDistribution distribution(PluginCatalog catalog, BalancesConfig balances, long seed,
                                             String owner, double initialPrice) {
        return catalog.require(BalanceDistributionProvider.class, balances.type())
                .create(balances.settings(), new BalanceContext(decimals, SeedTree.derive(seed, "balances/" + owner),
                        initialPrice));
    }

    private void fund(BalanceDistribution distribution, int agentId, int draw) {
        for (int b = 0; b < bookCount; b++) {
            StartingBalance balance = distribution.draw(agentId, bookOffset + b, draw);
            int code = exchange.deposit(agentId, b, balance.base(), balance.quote());
            if (code != 0) {
                throw new IllegalStateException(String.format("deposit for agent %d on book %d refused: %d",
                        agentId, b, code));
            }
        }
    }

    private static boolean wantsNotices(BackgroundAgent agent) {
        return NOTICE_OVERRIDES.computeIfAbsent(agent.getClass(), type -> {
            try {
                return type.getMethod("onNotice", Notice.class, AgentEnvironment.class).getDeclaringClass()
                        != BackgroundAgent.class;
            } catch (NoSuchMethodException e) {
                return Boolean.TRUE;
            }
        });
    }

    private void startAgents() {
        exchange.step(start);
        exchangeSteppedAt = start;
        for (AgentSlot slot : slots) {
            environment.enter(slot);
            slot.agent.onStart(environment);
        }
        started = true;
    }

    // ------------------------------------------------------------------------------------------------ step

    @Override
    public String name() {
        return "block " + index;
    }

    @Override
    public void step(long cutoff) {
        if (!started) {
            throw new IllegalStateException(name() + " was not started");
        }
        if (cutoff <= now) {
            throw new IllegalArgumentException(String.format("%s: cutoff %d is not after the block's time %d",
                    name(), cutoff, now));
        }
        if (exchangeSteppedAt != now) {
            exchange.step(now);
            exchangeSteppedAt = now;
        }
        router.idle();
        EventQueue<Message> q = queue;
        while (q.hasArrivalBefore(cutoff)) {
            Message m = q.poll();
            long t = q.lastArrival();
            now = t;
            exchange.advanceTo(t);
            dispatch(m, t);
            pool.release(m);
            messages++;
        }
        if (cutoff - 1 > exchange.now()) {
            // GTT orders expiring before the cutoff go now; notices about them arrive at the cutoff.
            now = cutoff - 1;
            exchange.advanceTo(cutoff - 1);
        }
        sample();
        now = cutoff;
    }

    private void dispatch(Message m, long t) {
        switch (m.kind) {
            case Message.WAKE -> {
                AgentSlot slot = slots[m.slot];
                environment.enter(slot);
                slot.agent.onWake(m.bookId, m.wakeKind, environment);
            }
            case Message.INSTRUCTION -> {
                AgentSlot slot = slots[m.slot];
                router.act(slot, m.latency);
                Instruction instruction = (Instruction) m.payload;
                apply(slot.agentId, bookOf(instruction), instruction, t);
                router.idle();
            }
            case Message.NOTICE -> {
                AgentSlot slot = slots[m.slot];
                environment.enter(slot);
                slot.agent.onNotice((Notice) m.payload, environment);
            }
            case Message.MARKET_TRADE -> {
                AgentSlot slot = slots[m.slot];
                environment.enter(slot);
                slot.agent.onMarketTrade((Trade) m.payload, environment);
            }
            case Message.REMOTE_INSTRUCTION -> {
                if (remoteEpochs[m.agentId] == m.epoch) {
                    apply(m.agentId, m.bookId, (Instruction) m.payload, t);
                }
            }
            case Message.REMOTE_RESET -> reset((ResetAgents) m.payload, t);
            default -> throw new IllegalStateException(name() + ": unknown message kind " + m.kind);
        }
    }

    private static int bookOf(Instruction instruction) {
        return switch (instruction) {
            case PlaceLimit p -> p.bookId();
            case PlaceMarket p -> p.bookId();
            case CancelOrders c -> c.bookId();
            case ClosePositions c -> c.bookId();
            case ResetAgents r -> -1;
        };
    }

    /**
     * Hands one instruction to the exchange at time {@code t} on the block's book {@code bookId}. A GTT order expires
     * {@code expiryPeriod} after {@code t} (saturating). A background agent's {@code ResetAgents} does nothing: only
     * the simulation resets accounts.
     */
    private void apply(int agentId, int bookId, Instruction instruction, long t) {
        switch (instruction) {
            case PlaceLimit p -> exchange.placeLimit(agentId, bookId, p.side(), p.price(), p.volume(),
                    p.currency(), p.leverage(), p.timeInForce(),
                    p.timeInForce() == TimeInForce.GTT ? saturatingAdd(t, p.expiryPeriod()) : 0, p.postOnly(),
                    p.stp(), p.clientOrderId(), p.settleFlag(), p.stopLoss(), p.takeProfit());
            case PlaceMarket p -> exchange.placeMarket(agentId, bookId, p.side(), p.volume(), p.currency(),
                    p.leverage(), p.maxSlippage(), p.stp(), p.clientOrderId(), p.settleFlag(), p.stopLoss(),
                    p.takeProfit());
            case CancelOrders c -> {
                for (CancelOrders.Cancellation cancellation : c.cancellations()) {
                    exchange.cancel(agentId, bookId, cancellation.orderId(), cancellation.volume());
                }
            }
            case ClosePositions c -> {
                for (ClosePositions.PositionClose close : c.closes()) {
                    exchange.closePosition(agentId, bookId, close.orderId(), close.volume());
                }
            }
            case ResetAgents r -> {
                // background agents cannot reset accounts
            }
        }
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * Resets remote accounts (reference 1.10.4): every order cancelled, balances replaced by a fresh draw, fee
     * history forgotten, and every pending instruction of the account dropped. Ids outside the remote range are
     * skipped. Block 0 tells each account with an {@link AgentReset} notice.
     */
    private void reset(ResetAgents reset, long t) {
        for (int id : reset.agentIds()) {
            if (id < 0 || id >= remoteCount) {
                continue;
            }
            exchange.resetAgent(id);
            remoteDraws[id]++;
            remoteEpochs[id]++;
            fund(remoteBalances, id, remoteDraws[id]);
            if (index == 0) {
                router.remoteNotice(id, new AgentReset(t, id));
            }
        }
    }

    private void sample() {
        for (int b = 0; b < bookCount; b++) {
            long bid = books[b].bestBid();
            long ask = books[b].bestAsk();
            if (bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE) {
                midSum[b] += (bid + ask) * 0.5;
                spreadSum[b] += ask - bid;
                samples[b]++;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ checkpoints

    /**
     * The components of this block that cannot save their state, one line each naming the plugin and its class;
     * empty when the block can be checkpointed.
     */
    public List<String> unsnapshottable() {
        List<String> missing = new ArrayList<>();
        if (!(books[0] instanceof Snapshottable)) {
            missing.add(String.format("matching rule '%s' (%s)", ruleName, books[0].getClass().getName()));
        }
        if (!(fees instanceof Snapshottable)) {
            missing.add(String.format("fee policy '%s' (%s)", feeType, fees.getClass().getName()));
        }
        for (int p = 0; p < processNames.length; p++) {
            if (!(processes[0][p] instanceof Snapshottable)) {
                missing.add(String.format("process '%s' %s (%s)", processNames[p], processTypes[p],
                        processes[0][p].getClass().getName()));
            }
        }
        for (int g = 0; g < populations.length; g++) {
            if (!(populations[g] instanceof Snapshottable)) {
                missing.add(String.format("agent model '%s' population (%s)", populationModels[g],
                        populations[g].getClass().getName()));
            }
            BackgroundAgent agent = slots[populationBase[g]].agent;
            if (!(agent instanceof Snapshottable)) {
                missing.add(String.format("agent model '%s' agents (%s)", populationModels[g],
                        agent.getClass().getName()));
            }
        }
        return missing;
    }

    /** Bytes the block's last saved state took (a sizing hint for the next; 64 KiB before the first). */
    public int lastStateSize() {
        return lastStateSize;
    }

    /**
     * Saves the block between steps (see the class doc).
     *
     * @throws IllegalStateException listing the components that cannot save their state
     */
    public void writeState(StateWriter out) {
        List<String> missing = unsnapshottable();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(name() + " cannot be saved: " + String.join("; ", missing)
                    + " do not implement " + Snapshottable.class.getName());
        }
        out.writeInt(bookCount);
        out.writeInt(slots.length);
        out.writeInt(processNames.length);
        out.writeInt(populations.length);
        out.writeInt(remoteCount);
        out.writeLong(now);
        out.writeLong(exchangeSteppedAt);
        out.writeLong(messages);
        out.writeLong(marginCalls);
        out.writeLongs(trades);
        out.writeLongs(tradedVolume);
        out.writeLongs(events);
        out.writeDoubles(midSum);
        out.writeLongs(spreadSum);
        out.writeLongs(samples);
        out.writeInts(remoteDraws);
        out.writeInts(remoteEpochs);
        out.writeSection(exchange);
        out.writeSection((Snapshottable) fees);
        for (PriceProcess[] ofBook : processes) {
            for (PriceProcess process : ofBook) {
                out.writeSection((Snapshottable) process);
            }
        }
        for (AgentPopulation population : populations) {
            out.writeSection((Snapshottable) population);
        }
        for (AgentSlot slot : slots) {
            out.writeRandom(slot.random);
            out.writeLong(slot.lastDelivery);
            out.writeSection((Snapshottable) slot.agent);
        }
        router.writeState(out);
        List<EventQueue.Entry<Message>> queued = queue.snapshot();
        out.writeInt(queued.size());
        for (EventQueue.Entry<Message> entry : queued) {
            out.writeLong(entry.arrival());
            out.writeInt(entry.priority());
            MessageCodec.write(out, entry.payload());
        }
        lastStateSize = Math.max(lastStateSize, out.size());
    }

    private void readState(StateReader in) {
        in.check(in.readInt() == bookCount, "saved with another number of books per block (this one has %d)",
                bookCount);
        int agents = in.readInt();
        in.check(agents == slots.length, "saved with %d background agents, this configuration makes %d", agents,
                slots.length);
        in.check(in.readInt() == processNames.length, "saved with another number of processes per book (%d now)",
                processNames.length);
        in.check(in.readInt() == populations.length, "saved with another number of agent groups (%d now)",
                populations.length);
        in.check(in.readInt() == remoteCount, "saved with another number of remote accounts (%d now)",
                remoteCount);
        now = in.readLong();
        exchangeSteppedAt = in.readLong();
        messages = in.readLong();
        marginCalls = in.readLong();
        copy(in.readLongs("trades", bookCount), trades);
        copy(in.readLongs("traded volume", bookCount), tradedVolume);
        copy(in.readLongs("L3 events", bookCount), events);
        System.arraycopy(in.readDoubles("mid sums", bookCount), 0, midSum, 0, bookCount);
        copy(in.readLongs("spread sums", bookCount), spreadSum);
        copy(in.readLongs("samples", bookCount), samples);
        int[] draws = in.readInts();
        int[] epochs = in.readInts();
        in.check(draws.length == remoteCount && epochs.length == remoteCount, "remote draws do not match");
        System.arraycopy(draws, 0, remoteDraws, 0, remoteCount);
        System.arraycopy(epochs, 0, remoteEpochs, 0, remoteCount);
        in.readSection(exchange, "exchange");
        in.readSection((Snapshottable) fees, String.format("fee policy '%s'", feeType));
        for (int b = 0; b < bookCount; b++) {
            for (int p = 0; p < processNames.length; p++) {
                in.readSection((Snapshottable) processes[b][p], String.format("process '%s' (%s) of book %d",
                        processNames[p], processTypes[p], bookOffset + b));
            }
        }
        for (int g = 0; g < populations.length; g++) {
            in.readSection((Snapshottable) populations[g], String.format("population %s (%s)", populationNames[g],
                    populationModels[g]));
        }
        for (AgentSlot slot : slots) {
            in.readRandom(slot.random);
            slot.lastDelivery = in.readLong();
            in.readSection((Snapshottable) slot.agent, String.format("agent %s (%s)",
                    AgentDirectory.instanceName(populationNames[slot.population], slot.instance),
                    populationModels[slot.population]));
        }
        router.readState(in);
        int queued = in.readInt();
        for (int i = 0; i < queued; i++) {
            long arrival = in.readLong();
            int priority = in.readInt();
            Message m = pool.take();
            MessageCodec.read(in, m, slots.length);
            queue.schedule(arrival, 0, priority, m);
        }
    }

    private static void copy(long[] from, long[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    // ------------------------------------------------------------------------------------------------ scheduling

    void scheduleInstruction(AgentSlot slot, Instruction instruction, long latency) {
        if (latency < 0) {
            throw new IllegalArgumentException(String.format("%s submitted with latency %d ns; it must be >= 0",
                    agentName(slot), latency));
        }
        if (instruction == null) {
            throw new IllegalArgumentException(agentName(slot) + " submitted a null instruction");
        }
        Message m = pool.take();
        m.kind = Message.INSTRUCTION;
        m.slot = slot.slot;
        m.latency = latency;
        m.payload = instruction;
        queue.schedule(now, saturatingAdd(latency, instruction.delay()), m);
    }

    void scheduleWake(AgentSlot caller, int slot, int bookId, long timestamp, int kind) {
        if (timestamp < now) {
            throw new IllegalArgumentException(String.format("%s asked for a wake-up at %d ns, before now (%d ns)",
                    agentName(caller), timestamp, now));
        }
        Message m = pool.take();
        m.kind = Message.WAKE;
        m.slot = slot;
        m.bookId = bookId;
        m.wakeKind = kind;
        queue.schedule(now, timestamp - now, m);
    }

    void scheduleNotice(AgentSlot slot, long occurrence, long latency, Notice notice) {
        Message m = pool.take();
        m.kind = Message.NOTICE;
        m.slot = slot.slot;
        m.payload = notice;
        queue.schedule(occurrence, latency, m);
    }

    void scheduleMarketTrade(AgentSlot slot, long occurrence, Trade trade) {
        Message m = pool.take();
        m.kind = Message.MARKET_TRADE;
        m.slot = slot.slot;
        m.payload = trade;
        queue.schedule(occurrence, 0, m);
    }

    /** The slot of instance {@code instance} of {@code caller}'s population. */
    int peerSlot(AgentSlot caller, int instance) {
        int population = caller.population;
        if (instance < 0 || instance >= populationSize[population]) {
            throw new IllegalArgumentException(String.format("%s woke instance %d; its population has 0..%d",
                    agentName(caller), instance, populationSize[population] - 1));
        }
        return populationBase[population] + instance;
    }

    String agentName(AgentSlot slot) {
        return slot == null ? "no agent"
                : String.format("%s in block %d", AgentDirectory.instanceName(populationNames[slot.population],
                        slot.instance), index);
    }

    /**
     * Queues a remote account's instruction, sent at {@code occurrence}, to reach the exchange {@code delay} ns
     * later on the block's book {@code localBook}. Called between steps.
     */
    public void injectRemote(int agentId, int localBook, Instruction instruction, long occurrence, long delay) {
        Message m = pool.take();
        m.kind = Message.REMOTE_INSTRUCTION;
        m.agentId = agentId;
        m.bookId = localBook;
        m.epoch = remoteEpochs[agentId];
        m.payload = instruction;
        queue.schedule(occurrence, delay, m);
    }

    /** Queues a reset of remote accounts at {@code occurrence + delay}. Called between steps. */
    public void injectReset(ResetAgents reset, long occurrence, long delay) {
        Message m = pool.take();
        m.kind = Message.REMOTE_RESET;
        m.payload = reset;
        queue.schedule(occurrence, delay, m);
    }

    // ------------------------------------------------------------------------------------------------ reads

    long now() {
        return now;
    }

    int bookCount() {
        return bookCount;
    }

    L3Buffer l3() {
        return l3;
    }

    void countTrade(int bookId, long volume) {
        trades[bookId]++;
        tradedVolume[bookId] += volume;
        events[bookId]++;
    }

    void countEvent(int bookId) {
        events[bookId]++;
    }

    void countMarginCall() {
        marginCalls++;
    }

    /**
     * The value of local book {@code bookId}'s process {@code name} at the last time it was advanced to (as its
     * agents last sampled it), NaN if the book has no such process. Does not advance the process, so observers
     * change nothing. Between steps only.
     */
    public double processValue(int bookId, String name) {
        for (int p = 0; p < processNames.length; p++) {
            if (processNames[p].equals(name)) {
                return processes[bookId][p].value();
            }
        }
        return Double.NaN;
    }

    PriceProcess process(int bookId, String name) {
        PriceProcess[] ofBook = processes[bookId];
        for (int p = 0; p < ofBook.length; p++) {
            if (processNames[p].equals(name)) {
                PriceProcess process = ofBook[p];
                process.advanceTo(now);
                return process;
            }
        }
        throw new IllegalArgumentException(String.format("book %d has no process named '%s'; it has %s",
                bookOffset + bookId, name, String.join(", ", processNames)));
    }

    /** The block's L3 events of the current step. */
    public L3Buffer events() {
        return l3;
    }

    /** Block index. */
    public int index() {
        return index;
    }

    /** Canonical id of the block's book 0. */
    public int bookOffset() {
        return bookOffset;
    }

    /** Books of the block. */
    public int books() {
        return bookCount;
    }

    /** The block's time, ns. */
    public long time() {
        return now;
    }

    /** Messages delivered so far. */
    public long messages() {
        return messages;
    }

    /** Messages waiting in the queue. */
    public int pending() {
        return queue.size();
    }

    /** Nanoseconds (wall) it took to build and start the block. */
    public long startupNanos() {
        return startupNanos;
    }

    /** Liquidations triggered so far. */
    public long marginCalls() {
        return marginCalls;
    }

    /** The exchange's state fingerprint. */
    public long stateHash() {
        return exchange.stateHash();
    }

    /** Checks the exchange's invariants (tests). */
    public void checkInvariants() {
        exchange.checkInvariants();
    }

    /** Number of background agents. */
    public int agentCount() {
        return slots.length;
    }

    /** Account id of background agent {@code slot} (in group order, instances in index order). */
    public int agentId(int slot) {
        return slots[slot].agentId;
    }

    /** Instance name of background agent {@code slot}, e.g. {@code NOISE_TRADER_AGENT_3}. */
    public String agentName(int slot) {
        AgentSlot agent = slots[slot];
        return AgentDirectory.instanceName(populationNames[agent.population], agent.instance);
    }

    /** Seed of background agent {@code slot}'s random stream. */
    public long agentSeed(int slot) {
        return slots[slot].seed;
    }

    /** Per-book statistics of the run so far, local book {@code bookId}. */
    public BookStats stats(int bookId) {
        return new BookStats(bookOffset + bookId, trades[bookId], tradedVolume[bookId], events[bookId],
                exchange.lastPrice(bookId), samples[bookId] == 0 ? 0 : midSum[bookId] / samples[bookId],
                samples[bookId] == 0 ? 0 : (double) spreadSum[bookId] / samples[bookId], books[bookId].bestBid(),
                books[bookId].bestAsk(), exchange.orderCount(bookId));
    }

    /** The published state of a book: the L2 snapshot at the configured depths, with its canonical id. */
    public BookSnapshot snapshot(int bookId) {
        BookSnapshot local = exchange.snapshot(bookId);
        return new BookSnapshot(bookOffset + bookId, local.timestamp(), local.bids(), local.asks());
    }

    /** Visits up to {@code depth} levels of a side of local book {@code bookId}, best first (the L2 log). */
    public void levels(int bookId, Side side, int depth, LevelVisitor visitor) {
        books[bookId].levels(side, depth, visitor);
    }

    /** The fee policy's maker/taker ratio of a book, at {@code Rate.SCALE}. */
    public long makerTakerRatio(int bookId) {
        return fees.makerTakerRatio(bookId);
    }

    /** A local book's revision mark now (the exchange's {@code revisionMark}). */
    public long revisionMark(int bookId) {
        return exchange.revisionMark(bookId);
    }

    /** The open orders {@link #account(int, int, OrderList.Columns, int)} writes for a remote account. */
    public int openOrderCount(int agentId, int bookId) {
        return exchange.openOrderCount(agentId, bookId);
    }

    /**
     * A remote account on a local book, with canonical book ids, its open orders in the rows of {@code orders}
     * reserved for them from {@code firstRow} ({@link #openOrderCount} of them).
     */
    public Account account(int agentId, int bookId, OrderList.Columns orders, int firstRow) {
        return exchange.account(agentId, bookId, bookOffset + bookId, orders, firstRow);
    }

    /** Takes the notices collected for a remote account since the last call. */
    public List<Notice> takeRemoteNotices(int agentId) {
        return router.takeRemoteNotices(agentId);
    }
}
