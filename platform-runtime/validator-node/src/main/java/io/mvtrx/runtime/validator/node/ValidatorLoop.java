package io.mvtrx.runtime.validator.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.simulator.RemoteAgents;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;
import io.mvtrx.runtime.validator.scoring.SimulationParams;

/**
 * The validator's step loop (protocol.md §4-5). Attached to a {@link Simulation} as its {@link RemoteAgents}, it
 * handles every publish on the simulation's thread, with the simulated clock stopped:
 *
 * <ol>
 *   <li><b>accounting</b> — every remote account's trade notices go to the volume ledger and the scoring adapter
 *       ({@link ValidatorScoring}); an {@code AgentReset} notice confirms a reset the loop asked for, and the uid's
 *       histories are cleared then;</li>
 *   <li><b>roster</b> — every {@code metagraphRefresh} of simulated time the registered neurons are read again; a uid
 *       whose hotkey changed was deregistered: its score is zeroed and its account reset (once, at delay 0), and it is
 *       not queried until the reset is confirmed. A failed read keeps the previous copy (logged once per message);</li>
 *   <li><b>query</b> — the serving miners (registered, with an axon, with an account in this simulation, not the
 *       validator itself, no reset pending) get the publication through the {@link MinerTransport};</li>
 *   <li><b>screening</b> — each answer passes the {@link ResponseScreen} rules; refused instructions are told to the
 *       miner through {@link Simulation#refuse} (at most {@code maxNoticesPerResponse} per miner and publish), the
 *       others carry their latency delay: {@link LatencyDelay} of the measured response time — or of the nominal one
 *       when set, for reproducible runs — with jitter drawn from a stream seeded by the simulation's seed;</li>
 *   <li><b>scoring</b> — at publishes whose time is a multiple of the scoring interval the adapter scores; with a
 *       chain, weights are set when the rate limit allows; every {@code checkpointEvery} scorings the state is
 *       written atomically.</li>
 * </ol>
 *
 * Answers to the last publish of a run are not screened: the run is over (that publish still carries the end notice
 * to every miner).
 *
 * <p>Remote failures (transport, chain, state file) are logged once per distinct message, counted in
 * {@link #stats()}, and never stop the loop. Not thread-safe: one simulation thread drives it; {@link #stats()} and
 * listeners may be read from other threads.
 */
public final class ValidatorLoop implements RemoteAgents, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ValidatorLoop.class.getName());

    private final ValidatorSettings settings;
    private final MinerTransport transport;
    private final Roster roster;
    private final Optional<ChainLink> chain;
    private final Optional<Path> stateFile;
    private final Function<String, Optional<ScoringMetricProvider>> metrics;
    private final List<Consumer<LoopStats>> listeners = new CopyOnWriteArrayList<>();
    private final List<PublishObserver> observers = new CopyOnWriteArrayList<>();
    private Optional<WeightBlender> blender = Optional.empty();
    private final Map<String, String> lastProblem = new HashMap<>();
    private final ValidatorMetrics timings = new ValidatorMetrics();

    // Per simulation.
    private Simulation simulation;
    private SimulationInfo info;
    private ResponseScreen screen;
    private SplittableRandom jitter;
    private double minerWealth;

    // Carried across simulations and checkpoints.
    private VolumeLedger ledger;
    private ValidatorScoring scoring;
    private final Map<Integer, String> hotkeys = new TreeMap<>();
    private final TreeSet<Integer> pendingResets = new TreeSet<>();
    private long ownLastUpdate;
    private long lastTimestamp = Long.MIN_VALUE;
    private byte[] savedScoring;

    // Per run of this process.
    private List<Neuron> neurons = List.of();
    private long lastRosterRead = Long.MIN_VALUE;
    private long block;
    private Map<Integer, Double> lastWeights = Map.of();

    // Counters, and copies other threads read.
    private volatile LoopStats stats;
    private volatile double[] publishedScores = new double[0];
    private volatile long lastPublishNanos;
    private volatile boolean lastCheckpointFailed;
    private long publishes;
    private long lastBuildNanos;
    private long simulations;
    private long scorings;
    private long queried;
    private long answered;
    private long timeouts;
    private long refusedQueries;
    private long failedQueries;
    private long foreign;
    private long accepted;
    private final EnumMap<RejectReason, Long> refused = new EnumMap<>(RejectReason.class);
    private long suppressed;
    private long resetsSent;
    private long resetsConfirmed;
    private long weightsSet;
    private long weightFailures;
    private long checkpoints;
    private long checkpointFailures;
    private long rosterFailures;

    /**
     * @param settings  caps, latency and scoring
     * @param transport how miners are reached
     * @param roster    who is registered
     * @param chain     where weights go; empty to set none
     * @param stateFile where the state is checkpointed; empty for none
     * @param metrics   the scoring-metric providers by name (see {@link #metric})
     */
    public ValidatorLoop(ValidatorSettings settings, MinerTransport transport, Roster roster,
                         Optional<ChainLink> chain, Optional<Path> stateFile,
                         Function<String, Optional<ScoringMetricProvider>> metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ledger = new VolumeLedger(settings.volumeSampling(), settings.volumeAssessment());
        publishStats(0, 0, 0);
    }

    /**
     * The scoring-metric look-up the pipeline needs, from the plugins; checks now that the metrics named in {@code
     * settings} are loaded.
     *
     * @throws IllegalArgumentException naming the metric and the loaded ones, if one is absent
     */
    public static Function<String, Optional<ScoringMetricProvider>> metric(PluginCatalog catalog,
                                                                           ScoringSettings settings) {
        catalog.require(ScoringMetricProvider.class, settings.kappaMetric());
        catalog.require(ScoringMetricProvider.class, settings.pnlMetric());
        return name -> catalog.find(ScoringMetricProvider.class, name);
    }

    /**
     * Continues from a state file written by a previous run (scores, histories, known hotkeys, pending resets,
     * traded volumes); the next {@link #begin} moves the histories onto the new simulation's clock.
     *
     * @throws IOException naming the file if it cannot be read or is not a valid state file
     */
    public void resume(Path file) throws IOException {
        Checkpoints.read(file, in -> {
            publishes = in.readLong();
            simulations = in.readLong();
            scorings = in.readLong();
            lastTimestamp = in.readLong();
            ownLastUpdate = in.readLong();
            hotkeys.clear();
            int keys = Checkpoints.count(in.readInt(), "hotkeys");
            for (int i = 0; i < keys; i++) {
                hotkeys.put(in.readInt(), in.readUTF());
            }
            pendingResets.clear();
            int resets = Checkpoints.count(in.readInt(), "pending resets");
            for (int i = 0; i < resets; i++) {
                pendingResets.add(in.readInt());
            }
            ledger.read(in);
            byte[] section = new byte[Checkpoints.count(in.readInt(), "scoring bytes")];
            in.readFully(section);
            savedScoring = section;
            return null;
        });
        publishStats(0, 0, 0);
    }

    /**
     * Sees every publish whole once the loop has handled it, on the simulation's thread, with the simulation at its
     * barrier (so it may be read). Must be quick: the step loop waits for it.
     */
    @FunctionalInterface
    public interface PublishObserver {

        /**
         * @param simulation  the simulation being run, at its barrier
         * @param publication what was published (books, each account's update and notices)
         * @param replies     how each queried miner answered
         * @param stats       the counters after this publish
         */
        void onPublish(Simulation simulation, Publication publication, List<MinerReply> replies, LoopStats stats);
    }

    /**
     * Mixes other score sources into the weights at weight setting (GenTRX's share, gentrx.md §9). Called on the
     * simulation's thread.
     */
    public interface WeightBlender {

        /**
         * The weights to set, given the trading weights.
         *
         * @param uidCount      the size of the uid space (highest registered uid + 1)
         * @param servingMiners how many miners serve an axon, this validator excluded
         */
        Map<Integer, Double> blend(Map<Integer, Double> tradingWeights, int uidCount, int servingMiners);

        /** A uid changed hands or was reset: its other scores start again. */
        default void reset(int uid) {
        }
    }

    /** Sets the blender applied to every weight setting from now on. */
    public void setWeightBlender(WeightBlender blender) {
        this.blender = Optional.of(blender);
    }

    /** The chain height at the last roster read (0 without a chain). Simulation thread. */
    public long blockHeight() {
        return block;
    }

    /** The miners queried at each publish: registered, serving an axon, not this validator. Simulation thread. */
    public List<Neuron> servingMiners() {
        return serving();
    }

    /** Adds an observer of every publish (see {@link PublishObserver}); one that throws is logged, never fatal. */
    public void addObserver(PublishObserver observer) {
        observers.add(observer);
    }

    /** Is called with the stats after every publish, on the simulation's thread. */
    public void addListener(Consumer<LoopStats> listener) {
        listeners.add(listener);
    }

    /**
     * Starts handling {@code next}, created with this loop as its remote agents. Histories carried from a previous
     * simulation (or a resumed state) move onto its clock; resets still pending are moot (every account starts fresh)
     * and the uids' histories are cleared.
     *
     * @param minerWealth the reference wealth of a miner's account in QUOTE (volume cap, PnL normalization)
     */
    public void begin(Simulation next, double minerWealth) {
        if (!(minerWealth > 0)) {
            throw new IllegalArgumentException("miner wealth must be > 0, got " + minerWealth);
        }
        this.simulation = next;
        this.info = next.info();
        this.minerWealth = minerWealth;
        this.screen = new ResponseScreen(info.bookCount(), settings.maxInstructionsPerBook(),
                settings.maxAgentDelay(), ledger, settings.capitalTurnoverCap() * minerWealth);
        this.jitter = new SplittableRandom(next.seed() ^ 0x5DEECE66DL);
        int uids = Math.max(1, info.remoteAgentCount());
        SimulationParams shape = new SimulationParams(info.bookCount(), minerWealth,
                info.decimals().volume().decimals(), info.gracePeriod());
        if (scoring == null) {
            scoring = new ValidatorScoring(settings.scoring(), metrics, uids, shape);
        } else {
            scoring.resize(uids, shape);
        }
        if (savedScoring != null) {
            try {
                scoring.read(new DataInputStream(new ByteArrayInputStream(savedScoring)));
            } catch (IOException e) {
                throw new IllegalStateException("the resumed scoring state does not read: " + e.getMessage(), e);
            }
            savedScoring = null;
        }
        if (lastTimestamp != Long.MIN_VALUE) {
            long delta = next.clock().start() - lastTimestamp;
            scoring.shift(delta);
            ledger.shift(delta);
        }
        for (int uid : pendingResets) {
            resetUid(uid);
        }
        pendingResets.clear();
        simulations++;
        publishStats(0, 0, 0);
    }

    @Override
    public Map<Integer, AgentResponse> onPublish(Publication publication) {
        if (simulation == null) {
            throw new IllegalStateException("begin(simulation) was not called before the first publish");
        }
        long began = System.nanoTime();
        long ts = publication.timestamp();
        publishes++;
        lastBuildNanos = publication.buildNanos();
        account(publication);
        boolean rosterDue = lastRosterRead == Long.MIN_VALUE || lastRosterRead > ts
                || ts - lastRosterRead >= settings.metagraphRefresh();
        List<Integer> toReset = rosterDue ? refreshRoster(ts) : List.of();
        if (!toReset.isEmpty()) {
            simulation.resetAgents(toReset, 0);
            resetsSent += toReset.size();
        }
        List<Neuron> serving = serving();
        long fanoutBegan = System.nanoTime();
        // this publish's trades are accounted above and screening never touches the scores: a scoring publish scores
        // while the miners answer, off the publish's critical path
        boolean scoringDue = scoring.due(ts);
        List<MinerReply> replies = transport.query(publication, serving, scoringDue ? scoring::score : () -> { });
        if (!serving.isEmpty()) {
            timings.fanout(System.nanoTime() - fanoutBegan);
        }
        int answeredNow = 0;
        Map<Integer, AgentResponse> answers = new HashMap<>();
        List<MinerReply> ordered = new ArrayList<>(replies);
        ordered.sort((a, b) -> Integer.compare(a.uid(), b.uid()));
        Set<Integer> asked = new HashSet<>();
        serving.forEach(n -> asked.add(n.uid()));
        for (MinerReply reply : ordered) {
            if (!asked.remove(reply.uid())) {
                // a transport must answer each asked uid once; anything else is dropped, never injected
                failedQueries++;
                problem("transport", String.format("the transport answered for uid %d, which was not asked (or "
                        + "twice): dropped", reply.uid()));
                continue;
            }
            queried++;
            switch (reply.outcome()) {
                case ANSWERED -> {
                    answered++;
                    answeredNow++;
                    timings.response(reply.responseNanos());
                    if (!publication.last()) {
                        screen(reply, answers);
                    }
                }
                case TIMEOUT -> timeouts++;
                case REFUSED -> {
                    refusedQueries++;
                    problem("query " + reply.uid(), "miner " + reply.uid() + " refused the query: "
                            + reply.detail());
                }
                case FAILED -> {
                    failedQueries++;
                    problem("query " + reply.uid(), "query of miner " + reply.uid() + " failed: " + reply.detail());
                }
            }
        }
        if (!asked.isEmpty()) {
            queried += asked.size();
            failedQueries += asked.size();
            problem("transport", String.format("the transport gave no reply for uids %s: counted as failed", asked));
        }
        lastTimestamp = ts;
        if (scoringDue) {
            scorings++;
            setWeightsIfDue();
            if (stateFile.isPresent() && scorings % settings.checkpointEvery() == 0) {
                checkpoint();
            }
        }
        publishedScores = scoring.scores();
        lastPublishNanos = System.nanoTime();
        publishStats(serving.size(), answeredNow, lastPublishNanos - began);
        LoopStats now = stats;
        for (Consumer<LoopStats> listener : listeners) {
            listener.accept(now);
        }
        for (PublishObserver observer : observers) {
            try {
                observer.onPublish(simulation, publication, replies, now);
            } catch (RuntimeException e) {
                // an observer (the dashboard) must never stop the validator
                problem("observer", "a publish observer failed, the loop goes on: " + e);
            }
        }
        return answers;
    }

    // ------------------------------------------------------------------------------------------------ steps

    private void account(Publication publication) {
        long ts = publication.timestamp();
        BookDecimals decimals = publication.simulation().decimals();
        for (int uid = 0; uid < info.remoteAgentCount(); uid++) {
            StateUpdate update = publication.updates().get(uid);
            if (update == null) {
                continue;
            }
            for (Notice notice : update.notices()) {
                if (notice instanceof TradeNotice trade) {
                    // A self-trade reaches the uid twice; its volume counts once (the maker side).
                    boolean self = trade.trade().makerAgentId() == trade.trade().takerAgentId();
                    if (trade.asMaker() || !self) {
                        ledger.record(uid, trade.trade().bookId(), ts, decimals.price().toDouble(
                                trade.trade().price()) * decimals.volume().toDouble(trade.trade().volume()));
                    }
                    scoring.onTrade(uid, trade, decimals);
                } else if (notice instanceof AgentReset && pendingResets.remove(uid)) {
                    resetUid(uid);
                    resetsConfirmed++;
                }
            }
        }
        scoring.observe(ts);
        ledger.advance(ts);
    }

    /** Reads the roster; returns the uids to reset now (hotkey changed, account in this simulation). */
    private List<Integer> refreshRoster(long ts) {
        lastRosterRead = ts;
        List<Neuron> read;
        try {
            read = List.copyOf(roster.neurons());
            if (chain.isPresent()) {
                block = chain.get().blockHeight();
            }
        } catch (IOException | RuntimeException e) {
            rosterFailures++;
            problem("roster", "reading the registered miners failed, keeping the previous copy: " + e);
            return List.of();
        }
        lastProblem.remove("roster");
        List<Integer> toReset = new ArrayList<>();
        for (Neuron neuron : read) {
            String previous = hotkeys.put(neuron.uid(), neuron.hotkey());
            if (previous != null && !previous.equals(neuron.hotkey())) {
                LOG.log(System.Logger.Level.INFO, String.format("uid %d changed hands (%s -> %s): score zeroed, "
                        + "account reset", neuron.uid(), abbreviate(previous), abbreviate(neuron.hotkey())));
                resetUid(neuron.uid());
                if (neuron.uid() < info.remoteAgentCount() && pendingResets.add(neuron.uid())) {
                    toReset.add(neuron.uid());
                }
            }
            if (chain.isPresent() && neuron.hotkey().equals(chain.get().hotkey())) {
                ownLastUpdate = Math.max(ownLastUpdate, neuron.lastUpdate());
            }
        }
        neurons = read;
        return toReset;
    }

    private Map<Integer, Double> blended(Map<Integer, Double> trading, List<Integer> registered) {
        if (blender.isEmpty() || trading.isEmpty()) {
            return trading;
        }
        int uidCount = registered.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return blender.get().blend(trading, uidCount, serving().size());
    }

    private void resetUid(int uid) {
        scoring.reset(uid);
        ledger.reset(uid);
        blender.ifPresent(b -> b.reset(uid));
    }

    private List<Neuron> serving() {
        String self = chain.map(ChainLink::hotkey).orElse(null);
        List<Neuron> serving = new ArrayList<>(neurons.size());
        for (Neuron neuron : neurons) {
            if (neuron.uid() >= 0 && neuron.uid() < info.remoteAgentCount() && !neuron.axon().isBlank()
                    && !neuron.hotkey().equals(self) && !pendingResets.contains(neuron.uid())) {
                serving.add(neuron);
            }
        }
        return serving;
    }

    private void screen(MinerReply reply, Map<Integer, AgentResponse> answers) {
        int uid = reply.uid();
        AgentResponse response = reply.response();
        if (response.agentId() != uid) {
            foreign++;
            problem("foreign " + uid, String.format("miner %d answered for agent %d: response dropped", uid,
                    response.agentId()));
            return;
        }
        if (response.instructions().isEmpty()) {
            return;
        }
        long responseTime = settings.nominalResponse().orElse(reply.responseNanos());
        ResponseScreen.Screened screened = screen.screen(uid, response.instructions(),
                settings.latency().assigner(responseTime, jitter));
        int told = 0;
        for (ResponseScreen.Refusal refusal : screened.refused()) {
            refused.merge(refusal.reason(), 1L, Long::sum);
            if (told < settings.maxNoticesPerResponse()) {
                simulation.refuse(uid, refusal.instruction(), refusal.reason());
                told++;
            } else {
                suppressed++;
            }
        }
        accepted += screened.accepted().size();
        if (!screened.accepted().isEmpty()) {
            answers.put(uid, new AgentResponse(uid, screened.accepted()));
        }
    }

    private void setWeightsIfDue() {
        if (chain.isEmpty()) {
            return;
        }
        if (ownLastUpdate > 0 && block - ownLastUpdate < settings.weightsRateLimit()) {
            return;
        }
        List<Integer> registered = neurons.stream().map(Neuron::uid).toList();
        Map<Integer, Double> weights = blended(scoring.weights(registered), registered);
        if (weights.isEmpty()) {
            return;
        }
        try {
            chain.get().setWeights(weights);
            weightsSet++;
            lastWeights = Map.copyOf(weights);
            ownLastUpdate = Math.max(block, 1);
            lastProblem.remove("weights");
        } catch (IOException | RuntimeException e) {
            weightFailures++;
            // Not retried before the next roster read brings a fresh block height.
            ownLastUpdate = Math.max(block, 1);
            problem("weights", "setting weights failed: " + e.getMessage());
        }
    }

    /**
     * Blocks to wait before this validator may set weights again, by the chain's height and its own {@code
     * lastUpdate} in the metagraph; 0 when it may now (or never set any).
     *
     * @throws IOException if the chain cannot be read
     */
    public long blocksUntilWeights() throws IOException {
        if (chain.isEmpty()) {
            return 0;
        }
        ChainLink link = chain.get();
        long last = link.neurons().stream().filter(n -> n.hotkey().equals(link.hotkey()))
                .mapToLong(Neuron::lastUpdate).findFirst().orElse(0);
        return last == 0 ? 0 : Math.max(0, last + settings.weightsRateLimit() - link.blockHeight());
    }

    /**
     * Sets weights now from the current scores, whatever the loop's own schedule (the chain's rate limit still
     * applies: see {@link #blocksUntilWeights}). Used at the end of a run.
     *
     * @return the weights set, or empty if none could be (no positive score, no chain, or the chain refused)
     */
    public Map<Integer, Double> setWeightsNow() {
        if (chain.isEmpty() || scoring == null) {
            return Map.of();
        }
        try {
            List<Integer> registered = chain.get().neurons().stream().map(Neuron::uid).toList();
            Map<Integer, Double> weights = blended(scoring.weights(registered), registered);
            if (weights.isEmpty()) {
                return Map.of();
            }
            chain.get().setWeights(weights);
            weightsSet++;
            lastWeights = Map.copyOf(weights);
            ownLastUpdate = Math.max(chain.get().blockHeight(), 1);
            return weights;
        } catch (IOException | RuntimeException e) {
            weightFailures++;
            problem("weights", "setting weights failed: " + e.getMessage());
            return Map.of();
        } finally {
            publishStats(stats.lastServing(), stats.lastAnswered(), stats.lastWallNanos());
        }
    }

    /** Writes the state file now. */
    public void checkpoint() {
        if (stateFile.isEmpty() || scoring == null) {
            return;
        }
        try {
            ByteArrayOutputStream scoringBytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(scoringBytes)) {
                scoring.write(out);
            }
            byte[] section = scoringBytes.toByteArray();
            Checkpoints.write(stateFile.get(), out -> {
                out.writeLong(publishes);
                out.writeLong(simulations);
                out.writeLong(scorings);
                out.writeLong(lastTimestamp);
                out.writeLong(ownLastUpdate);
                out.writeInt(hotkeys.size());
                for (Map.Entry<Integer, String> e : hotkeys.entrySet()) {
                    out.writeInt(e.getKey());
                    out.writeUTF(e.getValue());
                }
                out.writeInt(pendingResets.size());
                for (int uid : pendingResets) {
                    out.writeInt(uid);
                }
                ledger.write(out);
                out.writeInt(section.length);
                out.write(section);
            });
            checkpoints++;
            lastCheckpointFailed = false;
            lastProblem.remove("checkpoint");
        } catch (IOException | RuntimeException e) {
            checkpointFailures++;
            lastCheckpointFailed = true;
            timings.storageError(ValidatorMetrics.StorageOperation.CHECKPOINT_WRITE);
            problem("checkpoint", "writing the validator state failed: " + e);
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The counters as of the last publish. */
    public LoopStats stats() {
        return stats;
    }

    /** Whether the last state checkpoint failed (the file then holds the one before, if any). */
    public boolean lastCheckpointFailed() {
        return lastCheckpointFailed;
    }

    /** Timings, events and the counters beyond {@link #stats()}; safe from any thread. */
    public ValidatorMetrics metrics() {
        return timings;
    }

    /** The moving-average scores as of the last publish; safe from any thread. */
    public double[] publishedScores() {
        return publishedScores.clone();
    }

    /** {@code System.nanoTime()} at the end of the last publish, 0 before the first; safe from any thread. */
    public long lastPublishNanos() {
        return lastPublishNanos;
    }

    /** The scoring adapter (null before the first {@link #begin}). */
    public ValidatorScoring scoring() {
        return scoring;
    }

    /** The traded QUOTE volume of a uid on a book over the assessment period (the volume cap's measure). */
    public double tradedVolume(int uid, int book) {
        return ledger.volume(uid, book);
    }

    /** The weights last set on the chain by this loop. */
    public Map<Integer, Double> lastWeights() {
        return lastWeights;
    }

    /** The neurons as of the last roster read. */
    public List<Neuron> neurons() {
        return neurons;
    }

    /** Uids whose account reset is sent and not yet seen done. */
    public List<Integer> pendingResets() {
        return List.copyOf(pendingResets);
    }

    /** The miner wealth of the current simulation, QUOTE. */
    public double minerWealth() {
        return minerWealth;
    }

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void problem(String key, String message) {
        if (!message.equals(lastProblem.put(key, message))) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    private static String abbreviate(String hotkey) {
        return hotkey.length() <= 12 ? hotkey : hotkey.substring(0, 12) + "…";
    }

    private void publishStats(int serving, int answeredNow, long wallNanos) {
        stats = new LoopStats(publishes, simulations, scorings, lastTimestamp, queried, answered, timeouts,
                refusedQueries, failedQueries, foreign, accepted, refused, suppressed, resetsSent, resetsConfirmed,
                weightsSet, weightFailures, checkpoints, checkpointFailures, rosterFailures, serving, answeredNow,
                wallNanos, lastBuildNanos);
    }
}
